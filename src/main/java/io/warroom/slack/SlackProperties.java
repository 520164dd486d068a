package io.warroom.slack;

import io.warroom.shared.ConfigurationProblem;
import io.warroom.shared.InboundMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Slack settings. Slack starts only when configured. {@code mode}: {@code http} (Slack calls
 * {@code /slack/events}; needs the signing secret) or {@code socket} (Socket Mode: Warroom opens a WebSocket
 * to Slack with the app-level token {@code xapp-…}; no public URL). A half-configured mode stops start-up
 * with one line naming what is missing, because an app that cannot verify or receive requests must not run.
 *
 * <p>{@code identityCacheTtl}: how long a
 * Slack user id → email lookup is remembered; {@code privateGroups}: whether war-room channels are private.
 */
@ConfigurationProperties("warroom.slack")
public record SlackProperties(String botToken, String signingSecret, String apiBaseUrl, String command,
                              Duration identityCacheTtl, Boolean privateGroups, String mode, String appToken,
                              Socket socket) {

    /**
     * Socket Mode tuning: {@code reconnectMin}/{@code reconnectMax} bound the backoff between failed
     * connection attempts; {@code checkInterval} is how often the open connection is pinged;
     * {@code drainTimeout} is how long shutdown waits for envelopes being handled before closing.
     */
    public record Socket(Duration reconnectMin, Duration reconnectMax, Duration checkInterval, Duration drainTimeout) {
        public Socket {
            reconnectMin = reconnectMin == null ? Duration.ofSeconds(1) : reconnectMin;
            reconnectMax = reconnectMax == null ? Duration.ofMinutes(2) : reconnectMax;
            checkInterval = checkInterval == null ? Duration.ofSeconds(10) : checkInterval;
            drainTimeout = drainTimeout == null ? Duration.ofSeconds(10) : drainTimeout;
        }
    }

    public SlackProperties {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        appToken = blankToNull(appToken);
        socket = socket == null ? new Socket(null, null, null, null) : socket;
        InboundMode inbound = InboundMode.parse(mode, "warroom.slack.mode (SLACK_MODE)");
        mode = inbound.name().toLowerCase(java.util.Locale.ROOT);
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://slack.com/api/" : apiBaseUrl;
        if (!apiBaseUrl.endsWith("/")) {
            // The SDK appends the method name directly: keep the trailing slash.
            apiBaseUrl = apiBaseUrl + "/";
        }
        command = command == null || command.isBlank() ? "/warroom" : command;
        identityCacheTtl = identityCacheTtl == null ? Duration.ofHours(1) : identityCacheTtl;
        privateGroups = privateGroups != null && privateGroups;
        if (inbound == InboundMode.SOCKET) {
            checkSocketMode(botToken, appToken);
        } else if (appToken != null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.app-token (SLACK_APP_TOKEN) is set "
                    + "but warroom.slack.mode (SLACK_MODE) is http; set SLACK_MODE=socket for Socket Mode or remove the app token");
        } else if (botToken != null && signingSecret == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.signing-secret (SLACK_SIGNING_SECRET) "
                    + "is missing while a bot token is set");
        }
        if (inbound == InboundMode.HTTP && signingSecret != null && botToken == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.bot-token (SLACK_BOT_TOKEN) "
                    + "is missing while a signing secret is set");
        }
        if (botToken != null && !botToken.startsWith("xoxb-")) {
            throw new ConfigurationProblem("warroom.slack.bot-token (SLACK_BOT_TOKEN) must be a bot token starting with xoxb-");
        }
    }

    private static void checkSocketMode(String botToken, String appToken) {
        if (botToken == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.mode (SLACK_MODE) is socket "
                    + "but warroom.slack.bot-token (SLACK_BOT_TOKEN) is missing");
        }
        if (appToken == null) {
            throw new ConfigurationProblem("Slack is half configured: warroom.slack.mode (SLACK_MODE) is socket "
                    + "but warroom.slack.app-token (SLACK_APP_TOKEN, an app-level token xapp-… with connections:write) is missing");
        }
        if (!appToken.startsWith("xapp-")) {
            throw new ConfigurationProblem("warroom.slack.app-token (SLACK_APP_TOKEN) must be an app-level token starting with xapp-");
        }
    }

    public boolean configured() {
        return botToken != null;
    }

    /** Socket Mode: events, commands and clicks arrive over a WebSocket Warroom opens; /slack/events is off. */
    public boolean socketMode() {
        return "socket".equals(mode);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        // Never let a secret reach a log line through toString().
        return "SlackProperties[configured=" + configured() + ", mode=" + mode + ", apiBaseUrl=" + apiBaseUrl
                + ", command=" + command + "]";
    }
}
