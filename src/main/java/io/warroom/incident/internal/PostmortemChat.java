package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.OutputTrimmer;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The incident record in a conversation: a card with the record's fields and the verification result, and
 * the steps taken as a second message in its thread (trimmed to what a chat message holds; the full record
 * is at {@code GET /incidents/{id}/record}).
 */
@Component
class PostmortemChat {

    private final Outbox outbox;
    private final Texts texts;
    private final ChatTimes times;
    private final IncidentProperties properties;

    PostmortemChat(Outbox outbox, Texts texts, ChatTimes times, IncidentProperties properties) {
        this.outbox = outbox;
        this.texts = texts;
        this.times = times;
        this.properties = properties;
    }

    void post(Postmortem p, Conversation where, Locale l) {
        String missing = texts.get(l, "incident.record.missing");
        var card = OutboundMessage.builder().tone(p.intact() ? Tone.INFO : Tone.DANGER)
                .header(texts.get(l, "incident.record.title", p.id(), p.title()))
                .text(texts.get(l, "incident.record.summary", p.severity(), p.status()))
                .field(texts.get(l, "incident.record.time"), times.format(p.startedAt())
                        + (p.resolvedAt() == null ? "" : " → " + times.format(p.resolvedAt()) + " ("
                        + times.duration(Duration.between(p.startedAt(), p.resolvedAt()), l) + ")"))
                .field(texts.get(l, "incident.record.type"), p.type() == null ? missing : p.type())
                .field(texts.get(l, "incident.record.description"), p.description())
                .field(texts.get(l, "incident.record.impact"), p.impact() == null ? missing : p.impact())
                .field(texts.get(l, "incident.record.root-cause"), p.rootCause() == null ? missing : p.rootCause())
                .field(texts.get(l, "incident.record.prevention"), p.prevention() == null ? missing : p.prevention())
                .field(texts.get(l, "incident.record.handlers"), String.join(", ", p.handlers().stream()
                        .map(Postmortem.Handler::name).toList()))
                .field(texts.get(l, "incident.record.verification"), String.join("\n", p.chains().stream()
                        .map(c -> c.intact() ? texts.get(l, "incident.record.chain.intact", c.label(), c.entries())
                                : texts.get(l, "incident.record.chain.broken", c.label(), c.brokenAt(), c.reason())).toList()));
        if (properties.publicUrl() != null) {
            card.link(texts.get(l, "incident.card.record-link"), properties.publicUrl() + "/incidents/" + p.id() + "/record");
        }
        String key = "incident:" + p.id() + ":export:" + UUID.randomUUID().toString().substring(0, 12);
        outbox.enqueue(Delivery.post(where, key, card.build(), Priority.NORMAL));
        StringBuilder steps = new StringBuilder();
        p.steps().forEach(s -> steps.append(times.format(s.at())).append("  ").append(s.who()).append("  ")
                .append(s.what().replace('\n', ' ')).append('\n'));
        outbox.enqueue(Delivery.replyTo(where, key, key + ":steps", OutboundMessage.builder()
                .header(texts.get(l, "incident.record.steps"))
                .code(OutputTrimmer.trim(steps.toString(), false, l, texts)).build(), Priority.NORMAL));
    }
}
