package io.warroom.alert.internal;

import io.warroom.shared.ConfigurationProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Alert intake settings (docs/alertmanager.md). Each Alertmanager that sends to Warroom is a
 * {@link Source} with its own credentials, which is how Warroom knows where a notification came from.
 * The top-level {@code token}/{@code token-file}/{@code api-url} are a shortcut for one source named
 * {@code alertmanager}, so a single Alertmanager needs only environment variables.
 */
@ConfigurationProperties("warroom.alerts")
public record AlertsProperties(List<Source> sources, String token, String tokenFile, String apiUrl,
                               String routing, String runbooks, DataSize maxBody, int maxConcurrent,
                               Duration busyWait, Storm storm, Duration apiTimeout,
                               int maxTargets) {

    /**
     * One Alertmanager (or an HA pair sharing credentials). Authenticated by a bearer token (inline or in
     * a file, as Alertmanager's {@code authorization.credentials[_file]} sends it) or by basic auth.
     * {@code apiUrl} is where its API is reached for silences (default: the {@code externalURL} it sends).
     */
    public record Source(String name, String token, String tokenFile, String username, String password,
                         String apiUrl, String apiToken, String apiTokenFile) {
    }

    /** More than {@code threshold} new groups in a channel within {@code window} is a storm; it ends after {@code quiet}. */
    public record Storm(int threshold, Duration window, Duration quiet) {
    }

    public AlertsProperties {
        List<Source> all = new ArrayList<>(sources == null ? List.of() : sources);
        if (blank(token) == null && blank(tokenFile) == null) {
            if (blank(apiUrl) != null && all.isEmpty()) {
                throw new ConfigurationProblem("warroom.alerts.api-url is set but no token: set WARROOM_ALERTS_TOKEN or WARROOM_ALERTS_TOKEN_FILE");
            }
        } else {
            all.add(0, new Source("alertmanager", blank(token), blank(tokenFile), null, null, blank(apiUrl), null, null));
        }
        Set<String> names = new HashSet<>();
        for (Source s : all) {
            if (s.name() == null || !s.name().matches("[a-z0-9][a-z0-9-]{0,39}")) {
                throw new ConfigurationProblem("warroom.alerts.sources: name '" + s.name()
                        + "' must be 1-40 lowercase letters, digits or '-'");
            }
            if (!names.add(s.name())) {
                throw new ConfigurationProblem("warroom.alerts.sources: '" + s.name() + "' is listed twice");
            }
            int ways = (blank(s.token()) != null ? 1 : 0) + (blank(s.tokenFile()) != null ? 1 : 0)
                    + (blank(s.username()) != null || blank(s.password()) != null ? 1 : 0);
            if (ways != 1) {
                throw new ConfigurationProblem("warroom.alerts.sources." + s.name()
                        + ": give exactly one of token, token-file, or username and password");
            }
            if (blank(s.username()) != null && blank(s.password()) == null || blank(s.password()) != null && blank(s.username()) == null) {
                throw new ConfigurationProblem("warroom.alerts.sources." + s.name() + ": basic auth needs both username and password");
            }
            if (blank(s.token()) != null && s.token().length() < 16) {
                throw new ConfigurationProblem("warroom.alerts.sources." + s.name() + ": the token must be at least 16 characters");
            }
        }
        sources = List.copyOf(all);
        routing = blank(routing) == null ? "classpath:warroom/alerts/routing.yaml" : routing;
        runbooks = blank(runbooks) == null ? "classpath*:warroom/alerts/runbooks*.yaml" : runbooks;
        maxBody = maxBody == null ? DataSize.ofMegabytes(10) : maxBody;
        maxConcurrent = maxConcurrent <= 0 ? 16 : maxConcurrent;
        busyWait = busyWait == null ? Duration.ofSeconds(5) : busyWait;
        storm = storm == null ? new Storm(10, Duration.ofMinutes(1), Duration.ofMinutes(5))
                : new Storm(storm.threshold() <= 0 ? 10 : storm.threshold(),
                        storm.window() == null ? Duration.ofMinutes(1) : storm.window(),
                        storm.quiet() == null ? Duration.ofMinutes(5) : storm.quiet());
        apiTimeout = apiTimeout == null ? Duration.ofSeconds(2) : apiTimeout;
        maxTargets = maxTargets <= 0 ? 8 : maxTargets;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
