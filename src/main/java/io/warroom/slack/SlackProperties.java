package io.warroom.slack;

import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack settings. Slack starts only when configured; a token without a signing secret (or the reverse)
 * stops start-up, because an app that cannot verify requests must not run.
 *
 * <p>{@code identityCacheTtl}: how long a
 * Slack user id → email lookup is remembered; {@code privateGroups}: whether war-room channels are private.
 */
@ConfigurationProperties("warroom.slack")
public record SlackProperties(String botToken, String signingSecret, String apiBaseUrl, String command,
                              Duration identityCacheTtl, Boolean privateGroups) {

    public SlackProperties {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://slack.com/api/" : apiBaseUrl;
        if (!apiBaseUrl.endsWith("/")) {
            // The SDK appends the method name directly: keep the trailing slash.
            apiBaseUrl = apiBaseUrl + "/";
        }
        command = command == null || command.isBlank() ? "/warroom" : command;
        identityCacheTtl = identityCacheTtl == null ? Duration.ofHours(1) : identityCacheTtl;
        privateGroups = privateGroups != null && privateGroups;
        if (botToken != null && signingSecret == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.signing-secret (SLACK_SIGNING_SECRET) "
                    + "is missing while a bot token is set");
        }
        if (signingSecret != null && botToken == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.bot-token (SLACK_BOT_TOKEN) "
                    + "is missing while a signing secret is set");
        }
        if (botToken != null && !botToken.startsWith("xoxb-")) {
            throw new ConfigurationProblem("warroom.slack.bot-token (SLACK_BOT_TOKEN) must be a bot token starting with xoxb-");
        }
    }

    public boolean configured() {
        return botToken != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        // Never let a secret reach a log line through toString().
        return "SlackProperties[configured=" + configured() + ", apiBaseUrl=" + apiBaseUrl + ", command=" + command + "]";
    }
}
