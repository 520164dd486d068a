package io.warroom.alert.internal;

import io.warroom.shared.ConfigurationProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the source whose credentials a request carries, the way Alertmanager's {@code http_config} sends
 * them: {@code Authorization: Bearer <token>} or {@code Basic <user:password>}. Every configured credential
 * is compared, in constant time and on digests of equal length, so neither timing nor an early exit tells
 * how much of a guess was right. Token files are re-read when they change (mounted secrets rotate).
 */
@Component
class SourceAuthenticator {

    private static final Duration RECHECK = Duration.ofSeconds(10);

    private final List<Credential> credentials;
    private final Clock clock;

    SourceAuthenticator(AlertsProperties properties, Clock clock) {
        this.clock = clock;
        this.credentials = properties.sources().stream().map(Credential::of).toList();
        credentials.forEach(c -> c.secret(Instant.EPOCH));
    }

    boolean anyConfigured() {
        return !credentials.isEmpty();
    }

    Optional<AlertsProperties.Source> authenticate(String authorization) {
        if (authorization == null || authorization.length() > 8_192) {
            return Optional.empty();
        }
        byte[] presented;
        boolean basic;
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = digest(authorization.substring(7).strip());
            basic = false;
        } else if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                presented = digest(new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            basic = true;
        } else {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AlertsProperties.Source match = null;
        for (Credential c : credentials) {
            boolean equal = MessageDigest.isEqual(presented, c.secret(now));
            if (equal && c.basic() == basic && match == null) {
                match = c.source();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One source's secret as a digest; from a file, re-read at most every few seconds when it changed. */
    private static final class Credential {
        private final AlertsProperties.Source source;
        private final boolean basic;
        private volatile byte[] secret;
        private volatile Instant checkedAt = Instant.EPOCH;
        private volatile long modified = -1;

        private Credential(AlertsProperties.Source source, boolean basic, byte[] secret) {
            this.source = source;
            this.basic = basic;
            this.secret = secret;
        }

        static Credential of(AlertsProperties.Source s) {
            if (AlertsProperties.blank(s.username()) != null) {
                return new Credential(s, true, digest(s.username() + ":" + s.password()));
            }
            return new Credential(s, false, s.token() == null ? null : digest(s.token()));
        }

        AlertsProperties.Source source() {
            return source;
        }

        boolean basic() {
            return basic;
        }

        byte[] secret(Instant now) {
            if (source.tokenFile() != null && now.isAfter(checkedAt.plus(RECHECK))) {
                checkedAt = now;
                Path file = Path.of(source.tokenFile());
                try {
                    long m = Files.getLastModifiedTime(file).toMillis();
                    if (m != modified || secret == null) {
                        String token = Files.readString(file).strip();
                        if (token.length() < 16) {
                            throw new ConfigurationProblem("warroom.alerts.sources." + source.name()
                                    + ": the token in " + file + " must be at least 16 characters");
                        }
                        secret = digest(token);
                        modified = m;
                    }
                } catch (IOException e) {
                    if (secret == null) {
                        throw new ConfigurationProblem("warroom.alerts.sources." + source.name() + ": token file "
                                + file + " cannot be read");
                    }
                    // Keep the last good token while a mounted secret is being swapped.
                }
            }
            return secret;
        }
    }
}
