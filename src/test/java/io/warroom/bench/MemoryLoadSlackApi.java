package io.warroom.bench;

import io.warroom.slack.internal.FakeSlackApi;
import java.time.Duration;

/**
 * The tests' fake Slack Web API as a process of its own, for bench/memory.sh: Warroom runs in another JVM
 * (so its resident memory is its own) and needs a Slack that answers {@code auth.test}, user lookups and
 * replies. Prints {@code fake Slack API at <url>} and serves until the process is stopped. Not part of the build.
 */
public final class MemoryLoadSlackApi {

    private MemoryLoadSlackApi() {
    }

    public static void main(String[] args) throws InterruptedException {
        FakeSlackApi api = new FakeSlackApi(Duration.ofSeconds(1));
        Runtime.getRuntime().addShutdownHook(new Thread(api::close));
        System.out.println("fake Slack API at " + api.baseUrl());
        Thread.currentThread().join();
    }
}
