package io.warroom.slack.internal;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import org.springframework.stereotype.Component;

/** Tells the person who clicked or submitted what came of it: an ephemeral message through the outbox. */
@Component
@OnSlack
class ActionReplies {

    private final Outbox outbox;

    ActionReplies(Outbox outbox) {
        this.outbox = outbox;
    }

    void tell(Conversation where, String userId, ActionOutcome outcome) {
        String text = outcome.message();
        if ((text == null || text.isBlank()) && !outcome.fieldErrors().isEmpty()) {
            text = String.join("\n", outcome.fieldErrors().values());
        }
        if (text == null || text.isBlank()) {
            return;
        }
        OutboundMessage.Tone tone = outcome.kind() == ActionOutcome.Kind.DONE
                ? OutboundMessage.Tone.SUCCESS : OutboundMessage.Tone.WARNING;
        outbox.enqueue(Delivery.ephemeral(where, userId, OutboundMessage.builder().tone(tone).text(text).build()));
    }

}
