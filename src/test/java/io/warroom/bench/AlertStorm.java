package io.warroom.bench;

import io.warroom.support.AlertPayloads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady alert storm against a running Warroom's webhook: every 100 ms a new group of warning alerts, on
 * one of the ten routes of {@code bench-alerts/storm-routing.yaml} in turn (so each channel soon shows a
 * digest), for benchmarks that measure something else while the storm goes on.
 */
final class AlertStorm {

    private final URI webhook;
    private final int alertsPerGroup;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-storm");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    AlertStorm(String port, int alertsPerGroup) {
        this.webhook = URI.create("http://127.0.0.1:" + port + "/alerts/alertmanager");
        this.alertsPerGroup = alertsPerGroup;
    }

    void start() {
        sender.scheduleAtFixedRate(this::sendOne, 0, 100, TimeUnit.MILLISECONDS);
    }

    void stop() {
        sender.shutdownNow();
    }

    long notifications() {
        return notifications.get();
    }

    long alerts() {
        return notifications.get() * alertsPerGroup;
    }

    long refused() {
        return refused.get();
    }

    private void sendOne() {
        long n = notifications.get();
        var group = AlertPayloads.group("NodeNotReady", "service", "storm-" + n, "route", "r" + (n % 10))
                .common("severity", "warning");
        Instant start = Instant.now().minusSeconds(10);
        for (int a = 0; a < alertsPerGroup; a++) {
            group.firing(Long.toHexString(n * 1000 + a), "node-" + n + "-" + a, start);
        }
        try {
            int status = http.send(HttpRequest.newBuilder(webhook).header("Authorization", "Bearer " + AlertPayloads.TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(group.json())).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 200) {
                refused.incrementAndGet();
            }
        } catch (Exception e) {
            refused.incrementAndGet();
        }
        notifications.incrementAndGet();
    }
}
