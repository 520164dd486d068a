package io.warroom.slack.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} + hex HMAC-SHA256 of {@code "v0:" + timestamp + ":" + body}
 * keyed with the signing secret. Unlike the SDK's verifier this also refuses timestamps from the future,
 * so a captured request cannot be replayed later by someone who forged a clock-skewed header.
 */
class SlackRequestVerifier {

    static final Duration WINDOW = Duration.ofMinutes(5);

    /** Why a request was refused; the name is the metric's {@code reason} tag. */
    enum Rejection {
        MISSING_HEADERS("missing-headers"), STALE("stale"), FUTURE("future"), SIGNATURE("signature");

        final String tag;

        Rejection(String tag) {
            this.tag = tag;
        }
    }

    private final byte[] secret;
    private final Clock clock;

    SlackRequestVerifier(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** @return null when the request is genuine and fresh, else why not */
    Rejection check(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null || timestamp.isBlank() || signature.isBlank()) {
            return Rejection.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Rejection.MISSING_HEADERS;
        }
        long now = clock.instant().getEpochSecond();
        if (now - seconds > WINDOW.toSeconds()) {
            return Rejection.STALE;
        }
        if (seconds - now > WINDOW.toSeconds()) {
            return Rejection.FUTURE;
        }
        byte[] expected = sign(timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : Rejection.SIGNATURE;
    }

    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
