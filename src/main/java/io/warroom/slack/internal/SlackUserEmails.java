package io.warroom.slack.internal;

import com.slack.api.methods.MethodsClient;
import io.warroom.chat.Platform;
import io.warroom.directory.IdentityLookup;
import io.warroom.slack.SlackProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slack user id → email through {@code users.info} (scope {@code users:read.email}), remembered for
 * {@code warroom.slack.identity-cache-ttl}; "no email" is remembered for at most five minutes, failures
 * not at all. Emails are personal data: they are never logged.
 */
@Component
@OnSlack
class SlackUserEmails implements IdentityLookup {

    private static final Logger log = LoggerFactory.getLogger(SlackUserEmails.class);
    private static final Duration MAX_NEGATIVE = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<String> email, Instant expires) {
    }

    private final MethodsClient slack;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    SlackUserEmails(MethodsClient slack, SlackProperties properties, Clock clock) {
        this.slack = slack;
        this.ttl = properties.identityCacheTtl();
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Optional<String> email(String userId) {
        Instant now = clock.instant();
        Entry cached = cache.get(userId);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.email();
        }
        Optional<String> email;
        try {
            var user = SlackCalls.call("users.info", () -> slack.usersInfo(r -> r.user(userId))).getUser();
            email = Optional.ofNullable(user == null || user.getProfile() == null ? null : user.getProfile().getEmail())
                    .filter(e -> !e.isBlank());
        } catch (RuntimeException e) {
            log.warn("Could not look up Slack user {}: {}", userId, e.getMessage());
            return Optional.empty();
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        Duration keep = email.isPresent() ? ttl : (ttl.compareTo(MAX_NEGATIVE) < 0 ? ttl : MAX_NEGATIVE);
        cache.put(userId, new Entry(email, now.plus(keep)));
        log.debug("Slack user {} has {} email on file", userId, email.isPresent() ? "an" : "no");
        return email;
    }
}
