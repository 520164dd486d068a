package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundCommand;
import io.warroom.chat.InboundDeliveries;
import io.warroom.command.CommandInbox;
import io.warroom.shared.GroupCommit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles a Feishu event (schema 2.0) once it is known to come from Feishu — after the HTTP endpoint
 * verified it, or as it arrives over the long connection — so both modes run the same code. Events are
 * deduplicated on {@code header.event_id}; unknown event types are acknowledged and ignored.
 */
@Component
@ConditionalOnFeishu
class FeishuEvents {

    private static final Logger log = LoggerFactory.getLogger(FeishuEvents.class);
    static final String MESSAGE_RECEIVED = "im.message.receive_v1";
    static final String CARD_ACTION = "card.action.trigger";

    private final FeishuMessageListener messages;
    private final FeishuCardActionListener actions;
    private final InboundDeliveries deliveries;
    private final MeterRegistry meters;
    private final GroupCommit group;

    FeishuEvents(FeishuMessageListener messages, FeishuCardActionListener actions, InboundDeliveries deliveries,
                 MeterRegistry meters, TransactionTemplate tx) {
        this.messages = messages;
        this.actions = actions;
        this.deliveries = deliveries;
        this.meters = meters;
        this.group = new GroupCommit(tx, GroupCommit.INTAKE_UNITS);
    }

    /** @return the answer: empty for events, the toast and card for a card callback */
    JsonNode handle(JsonNode payload) {
        if (!"2.0".equals(payload.path("schema").asText())) {
            // Legacy (1.0) events and callbacks have another shape and signature: turn on the new schema.
            throw new FeishuRejected(HttpStatus.BAD_REQUEST, "legacy-schema");
        }
        JsonNode header = payload.path("header");
        String eventId = header.path("event_id").asText("");
        JsonNode event = payload.path("event");
        if (eventId.isBlank() || !event.isObject()) {
            throw FeishuRejected.malformed();
        }
        String type = header.path("event_type").asText("");
        switch (type) {
            case MESSAGE_RECEIVED -> {
                Optional<InboundCommand> command = messages.read(event);
                try (CommandInbox.Place place = command.isPresent() ? messages.reserve() : null) {
                    // Marked seen and stored together (with other messages arriving meanwhile): a redelivery
                    // finds it seen, a crash loses nothing.
                    boolean first = Boolean.TRUE.equals(group.execute(() -> {
                        boolean seen = !deliveries.firstTime("feishu", eventId);
                        if (!seen) {
                            command.ifPresent(c -> messages.dispatch(c, place));
                        }
                        return !seen;
                    }));
                    if (!first) {
                        duplicate();
                    }
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
}
