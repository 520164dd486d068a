package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.shared.Rejections;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.InboundDeliveries;
import io.warroom.feishu.FeishuProperties;
import java.util.Optional;
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
 * {@code POST /feishu/events}: event subscription v2 and card callbacks. Verifies (signature, timestamp,
 * decryption, verification token) before anything else; a refused request changes nothing and is counted
 * in {@code warroom.inbound.rejected{endpoint=feishu}}. Events are deduplicated on {@code header.event_id};
 * unknown event types are acknowledged and ignored.
 */
@RestController
@ConditionalOnFeishu
class FeishuEventController {

    private static final Logger log = LoggerFactory.getLogger(FeishuEventController.class);
    static final String MESSAGE_RECEIVED = "im.message.receive_v1";
    static final String CARD_ACTION = "card.action.trigger";

    private final FeishuRequestVerifier verifier;
    private final FeishuMessageListener messages;
    private final FeishuCardActionListener actions;
    private final InboundDeliveries deliveries;
    private final FeishuProperties properties;
    private final MeterRegistry meters;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    FeishuEventController(FeishuRequestVerifier verifier, FeishuMessageListener messages,
                          FeishuCardActionListener actions, InboundDeliveries deliveries, FeishuProperties properties,
                          MeterRegistry meters, org.springframework.transaction.support.TransactionTemplate tx) {
        this.tx = tx;
        this.verifier = verifier;
        this.messages = messages;
        this.actions = actions;
        this.deliveries = deliveries;
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
        if (!"2.0".equals(payload.path("schema").asText())) {
            // Legacy (1.0) events and callbacks have another shape and signature: turn on the new schema.
            throw new FeishuRejected(HttpStatus.BAD_REQUEST, "legacy-schema");
        }
        JsonNode header = payload.path("header");
        requireToken(header.path("token").asText(null));
        String eventId = header.path("event_id").asText("");
        JsonNode event = payload.path("event");
        if (eventId.isBlank() || !event.isObject()) {
            throw FeishuRejected.malformed();
        }
        String type = header.path("event_type").asText("");
        switch (type) {
            case MESSAGE_RECEIVED -> {
                Optional<InboundCommand> command = messages.read(event);
                // Marked seen and stored together: a redelivery finds it seen, a crash loses nothing.
                boolean first = Boolean.TRUE.equals(tx.execute(s -> {
                    boolean seen = !deliveries.firstTime("feishu", eventId);
                    if (!seen) {
                        command.ifPresent(messages::dispatch);
                    }
                    return !seen;
                }));
                if (!first) {
                    duplicate();
                }
                return JsonNodeFactory.instance.objectNode();
            }
            case CARD_ACTION -> {
                InboundAction action = actions.read(event);
                return actions.handle(eventId, action, this::duplicate);
            }
            default -> {
                log.debug("Ignoring Feishu event type {}", type);
                return JsonNodeFactory.instance.objectNode();
            }
        }
    }

    /** Feishu delivered an event again (it retries when an answer is late or lost). */
    private void duplicate() {
        meters.counter("warroom.inbound.duplicate", "endpoint", "feishu").increment();
    }

    private void requireToken(String token) {
        if (!FeishuCrypto.same(properties.verificationToken(), token)) {
            throw new FeishuRejected(HttpStatus.FORBIDDEN, "token");
        }
    }
}
