package io.warroom.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A platform-neutral message: every renderer (Block Kit, Feishu card, console HTML) starts from this.
 * Buttons carry an action id and an opaque value, never a command.
 */
public record OutboundMessage(String header, Tone tone, String text, List<Field> fields, List<Button> buttons,
                              Form form, String code) {

    public enum Tone { NEUTRAL, INFO, SUCCESS, WARNING, DANGER }

    public enum Style { DEFAULT, PRIMARY, DANGER }

    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    public record Button(String actionId, String label, String value, Style style) {
        public Button {
            Objects.requireNonNull(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            style = style == null ? Style.DEFAULT : style;
        }
    }

    public record Form(String formId, String title, String submitLabel, List<Input> inputs) {
        public Form {
            Objects.requireNonNull(formId, "formId");
            inputs = List.copyOf(inputs);
        }
    }

    public enum InputType { TEXT, MULTILINE, SELECT, CHECKBOX }

    public record Option(String value, String label) {
    }

    public record Input(String name, String label, InputType type, boolean required, String initialValue,
                        List<Option> options) {
        public Input {
            Objects.requireNonNull(name, "name");
            type = type == null ? InputType.TEXT : type;
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** {@code code} is optional preformatted output (pod tables, log lines), shown in a monospaced block. */
    public OutboundMessage(String header, Tone tone, String text, List<Field> fields, List<Button> buttons, Form form) {
        this(header, tone, text, fields, buttons, form, null);
    }

    public OutboundMessage {
        tone = tone == null ? Tone.NEUTRAL : tone;
        text = text == null ? "" : text;
        fields = fields == null ? List.of() : List.copyOf(fields);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(null, Tone.NEUTRAL, text, List.of(), List.of(), null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plain text of the whole message, for platforms' notification fallbacks and logs. */
    public String fallbackText() {
        StringBuilder sb = new StringBuilder();
        if (header != null) {
            sb.append(header).append('\n');
        }
        sb.append(text);
        fields.forEach(f -> sb.append('\n').append(f.label()).append(": ").append(f.value()));
        if (code != null) {
            sb.append('\n').append(code);
        }
        return sb.toString().strip();
    }

    public static final class Builder {
        private String header;
        private Tone tone = Tone.NEUTRAL;
        private String text = "";
        private final List<Field> fields = new ArrayList<>();
        private final List<Button> buttons = new ArrayList<>();
        private Form form;
        private String code;

        public Builder header(String header) {
            this.header = header;
            return this;
        }

        public Builder tone(Tone tone) {
            this.tone = tone;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder field(String label, String value) {
            fields.add(new Field(label, value));
            return this;
        }

        public Builder button(String actionId, String label, String value, Style style) {
            buttons.add(new Button(actionId, label, value, style));
            return this;
        }

        public Builder form(Form form) {
            this.form = form;
            return this;
        }

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public OutboundMessage build() {
            return new OutboundMessage(header, tone, text, fields, buttons, form, code);
        }
    }
}
