package io.warroom.support;

import io.warroom.feishu.internal.FakeFeishuOpenApi;
import io.warroom.feishu.internal.FeishuRequests;
import io.warroom.slack.internal.FakeSlackApi;
import io.warroom.slack.internal.SignedSlack;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line settings that start a Warroom (with {@code SpringApplicationBuilder}) on both fake platforms and
 * the incident test roster, for tests and benchmarks that run whole application instances.
 */
public final class FakePlatforms {

    private FakePlatforms() {
    }

    public static String[] arguments(FakeSlackApi slack, FakeFeishuOpenApi feishu, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--warroom.directory.roster=classpath:rosters/incident-roster.yaml",
                "--warroom.slack.bot-token=" + FakeSlackApi.TOKEN, "--warroom.slack.signing-secret=" + SignedSlack.SECRET,
                "--warroom.slack.api-base-url=" + slack.baseUrl(),
                "--warroom.feishu.app-id=" + FakeFeishuOpenApi.APP_ID, "--warroom.feishu.app-secret=" + FakeFeishuOpenApi.APP_SECRET,
                "--warroom.feishu.verification-token=" + FeishuRequests.VERIFICATION_TOKEN,
                "--warroom.feishu.encrypt-key=" + FeishuRequests.ENCRYPT_KEY, "--warroom.feishu.base-url=" + feishu.baseUrl()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
