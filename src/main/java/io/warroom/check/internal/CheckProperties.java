package io.warroom.check.internal;

import io.warroom.chat.Conversation;
import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of checks and reminders ({@code warroom.checks.*}, docs/configuration.md).
 *
 * @param location   the check files (a Spring resource pattern); replaces the packaged ones
 * @param channels   where scheduled reports and reminders go, as {@code platform:channel}
 * @param timeout    how long one run of a list may take; checks still running then fail
 * @param schedules  per list id, a cron expression replacing the file's, or {@code off}
 * @param threads    how many checks of a run go at once
 */
@ConfigurationProperties("warroom.checks")
record CheckProperties(String location, List<String> channels, Duration timeout, Map<String, String> schedules,
                       Integer threads) {

    CheckProperties {
        location = location == null || location.isBlank() ? "classpath*:warroom/checks/*.yaml" : location;
        channels = channels == null || channels.isEmpty() ? List.of("console:oncall") : List.copyOf(channels);
        for (String c : channels) {
            try {
                Conversation.parse(c);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationProblem("warroom.checks.channels: " + e.getMessage());
            }
        }
        timeout = timeout == null ? Duration.ofSeconds(40) : timeout;
        // A run happens inside a scheduled task, whose claim lasts a minute: it must end well before that.
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(50)) > 0) {
            throw new ConfigurationProblem("warroom.checks.timeout must be between 1s and 50s, not " + timeout);
        }
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
        threads = threads == null ? 4 : threads;
        if (threads < 1 || threads > 32) {
            throw new ConfigurationProblem("warroom.checks.threads must be between 1 and 32");
        }
    }

    List<Conversation> conversations() {
        return channels.stream().map(Conversation::parse).toList();
    }
}
