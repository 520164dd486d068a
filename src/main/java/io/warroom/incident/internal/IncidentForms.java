package io.warroom.incident.internal;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.Texts;
import io.warroom.incident.Severity;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The declare form (when {@code declare} lacks its arguments) and the incident record form (at resolve and
 * later). A declare form carries a random nonce in its id: submitting it twice declares once.
 */
@Component
class IncidentForms {

    private final Texts texts;
    private final SecureRandom random = new SecureRandom();

    IncidentForms(Texts texts) {
        this.texts = texts;
    }

    OutboundMessage declare(Locale l, Severity severity, String title) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        var severities = Arrays.stream(Severity.values())
                .map(s -> new Option(s.name(), texts.get(l, "incident.severity." + s.name()))).toList();
        var form = new OutboundMessage.Form(Actions.DECLARE_FORM + HexFormat.of().formatHex(nonce),
                texts.get(l, "incident.form.declare.title"), texts.get(l, "incident.form.declare.submit"), List.of(
                new Input("severity", texts.get(l, "incident.form.severity"), InputType.SELECT, true,
                        severity == null ? null : severity.name(), severities),
                new Input("title", texts.get(l, "incident.form.title"), InputType.TEXT, true, title, null),
                new Input("service", texts.get(l, "incident.form.service"), InputType.TEXT, false, null, null)));
        return OutboundMessage.builder().header(texts.get(l, "incident.form.declare.title"))
                .text(texts.get(l, "incident.form.declare.text")).form(form).build();
    }

    OutboundMessage record(Incident i, Map<String, String> current, Locale l) {
        var types = RecordFields.TYPES.stream().map(t -> new Option(t, texts.get(l, "incident.type." + t))).toList();
        var form = new OutboundMessage.Form(Actions.RECORD_FORM + i.id(), texts.get(l, "incident.form.record.title"),
                texts.get(l, "incident.form.record.submit"), List.of(
                new Input(RecordFields.TYPE, texts.get(l, "incident.record.type"), InputType.SELECT, false,
                        current.get(RecordFields.TYPE), types),
                new Input(RecordFields.DESCRIPTION, texts.get(l, "incident.record.description"), InputType.MULTILINE, false,
                        current.getOrDefault(RecordFields.DESCRIPTION, i.title()), null),
                new Input(RecordFields.IMPACT, texts.get(l, "incident.record.impact"), InputType.MULTILINE, false,
                        current.get(RecordFields.IMPACT), null),
                new Input(RecordFields.ROOT_CAUSE, texts.get(l, "incident.record.root-cause"), InputType.MULTILINE, false,
                        current.get(RecordFields.ROOT_CAUSE), null),
                new Input(RecordFields.PREVENTION, texts.get(l, "incident.record.prevention"), InputType.MULTILINE, false,
                        current.get(RecordFields.PREVENTION), null)));
        return OutboundMessage.builder().header(texts.get(l, "incident.form.record.header", i.id(), i.title()))
                .text(texts.get(l, "incident.form.record.text")).form(form).build();
    }
}
