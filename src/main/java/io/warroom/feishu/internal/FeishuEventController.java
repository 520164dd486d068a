package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.feishu.FeishuProperties;
import io.warroom.shared.ConditionalOnInboundMode;
import io.warroom.shared.InboundMode;
import io.warroom.shared.Rejections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /feishu/events} (HTTP mode only; absent with the long connection): event subscription v2 and
 * card callbacks. Verifies (signature, timestamp, decryption, verification token) before anything else; a
 * refused request changes nothing and is counted in {@code warroom.inbound.rejected{endpoint=feishu}}. What
 * passes is handled by {@link FeishuEvents}.
 */
@RestController
@ConditionalOnInboundMode(prefix = "warroom.feishu", configuredBy = "app-id", value = InboundMode.HTTP)
class FeishuEventController {

    private static final Logger log = LoggerFactory.getLogger(FeishuEventController.class);

    private final FeishuRequestVerifier verifier;
    private final FeishuEvents events;
    private final FeishuProperties properties;
    private final MeterRegistry meters;

    FeishuEventController(FeishuRequestVerifier verifier, FeishuEvents events, FeishuProperties properties,
                          MeterRegistry meters) {
        this.verifier = verifier;
        this.events = events;
        this.properties = properties;
        this.meters = meters;
    }

    @PostMapping(path = "/feishu/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JsonNode> receive(@RequestBody(required = false) byte[] body,
                                     @RequestHeader(name = FeishuRequestVerifier.TIMESTAMP, required = false) String timestamp,
                                     @RequestHeader(name = FeishuRequestVerifier.NONCE, required = false) String nonce,
                                     @RequestHeader(name = FeishuRequestVerifier.SIGNATURE, required = false) String signature) {
        try {
            return ResponseEntity.ok(handle(verifier.open(body, timestamp, nonce, signature)));
        } catch (FeishuRejected r) {
            Rejections.count(meters, "feishu", r.reason());
            log.info("Refused a Feishu request: {}", r.reason());
            ObjectNode error = JsonNodeFactory.instance.objectNode().put("error", r.reason());
            return ResponseEntity.status(r.status()).body(error);
        }
    }

    private JsonNode handle(JsonNode payload) {
        if ("url_verification".equals(payload.path("type").asText())) {
            requireToken(payload.path("token").asText(null));
            return JsonNodeFactory.instance.objectNode().put("challenge", payload.path("challenge").asText(""));
        }
        if ("2.0".equals(payload.path("schema").asText())) {
            requireToken(payload.path("header").path("token").asText(null));
        }
        return events.handle(payload);
    }

    private void requireToken(String token) {
        if (!FeishuCrypto.same(properties.verificationToken(), token)) {
            throw new FeishuRejected(HttpStatus.FORBIDDEN, "token");
        }
    }
}
