package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.feishu.FeishuProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import io.warroom.shared.ConditionalOnInboundMode;
import io.warroom.shared.InboundMode;
import org.springframework.stereotype.Component;

/**
 * Opens an inbound Feishu request: checks the signature over the exact raw body and the timestamp's age,
 * then decrypts. Feishu signs events and card callbacks; the official SDK does not check a signature on
 * {@code url_verification}, so an unsigned request is accepted only if it is an encrypted
 * {@code url_verification} (its verification token is checked next, and answering it changes nothing).
 */
@Component
@ConditionalOnInboundMode(prefix = "warroom.feishu", configuredBy = "app-id", value = InboundMode.HTTP)
class FeishuRequestVerifier {

    static final String TIMESTAMP = "X-Lark-Request-Timestamp";
    static final String NONCE = "X-Lark-Request-Nonce";
    static final String SIGNATURE = "X-Lark-Signature";

    private final FeishuCrypto crypto;
    private final Duration window;
    private final ObjectMapper json;
    private final Clock clock;

    FeishuRequestVerifier(FeishuProperties properties, ObjectMapper json, Clock clock) {
        this.crypto = new FeishuCrypto(properties.encryptKey());
        this.window = properties.replayWindow();
        this.json = json;
        this.clock = clock;
    }

    /** @return the plain JSON payload */
    JsonNode open(byte[] body, String timestamp, String nonce, String signature) {
        if (body == null || body.length == 0) {
            throw FeishuRejected.malformed();
        }
        boolean signed = timestamp != null || nonce != null || signature != null;
        if (signed) {
            if (timestamp == null || nonce == null || signature == null) {
                throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "signature-missing");
            }
            requireRecent(timestamp);
            if (!crypto.signatureMatches(timestamp, nonce, body, signature)) {
                throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "signature");
            }
        }
        JsonNode outer = parse(body);
        if (!outer.has("encrypt")) {
            if (!signed) {
                throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "signature-missing");
            }
            return outer;
        }
        JsonNode payload;
        try {
            payload = parse(crypto.decrypt(outer.path("encrypt").asText("")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | FeishuRejected e) {
            // A wrong key sometimes yields valid padding around garbage: not JSON means not decrypted.
            throw new FeishuRejected(HttpStatus.BAD_REQUEST, "undecryptable");
        }
        if (!signed && !"url_verification".equals(payload.path("type").asText())) {
            throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "signature-missing");
        }
        return payload;
    }

    private void requireRecent(String timestamp) {
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "stale");
        }
        Duration age = Duration.between(sent, clock.instant()).abs();
        if (age.compareTo(window) > 0) {
            throw new FeishuRejected(HttpStatus.UNAUTHORIZED, "stale");
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw FeishuRejected.malformed();
            }
            return node;
        } catch (IOException e) {
            throw FeishuRejected.malformed();
        }
    }
}
