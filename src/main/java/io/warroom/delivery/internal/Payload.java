package io.warroom.delivery.internal;

import io.warroom.chat.OutboundMessage;
import java.util.List;

/** The JSON body of an outbox row: what to send, apart from where. */
record Payload(OutboundMessage message, List<String> members, String groupName, String trigger) {
}
