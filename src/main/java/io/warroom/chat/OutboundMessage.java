package io.warroom.chat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A platform-neutral message: every renderer (Block Kit, Feishu card, console HTML) starts from this.
 * Buttons carry an action id and an opaque value, never a command.
 *
 * <p>All text is shown literally: renderers escape it, so nothing a user typed can become markup, a link
 * or a mention. Mentions that should notify someone and links are therefore separate, structured parts
 * ({@code mentions}, {@code links}) that each renderer writes in its platform's syntax.
 */
public record OutboundMessage(String header, Tone tone, String text, List<Field> fields, List<Button> buttons,
                              Form form, String code, List<Mention> mentions, List<Link> links) {

    public enum Tone { NEUTRAL, INFO, SUCCESS, WARNING, DANGER }

    public enum Style { DEFAULT, PRIMARY, DANGER }

    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
        }
    }

    /** Longest action id, form id or input name: platforms add suffixes and cap ids at 255. */
    public static final int MAX_ID = 200;
    /** Longest button value (Slack takes 2000 characters); an opaque id is far shorter. */
    public static final int MAX_VALUE = 2000;

    /** A button; {@code actionId} (at most {@link #MAX_ID}) picks the handler, {@code value} is opaque. */
    public record Button(String actionId, String label, String value, Style style) {
        public Button {
            requireId(actionId, "actionId");
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            if (value.length() > MAX_VALUE) {
                throw new IllegalArgumentException("button value longer than " + MAX_VALUE + " characters");
            }
            style = style == null ? Style.DEFAULT : style;
        }
    }

    /**
     * A form; its submission reaches the domain as an {@link InboundAction} whose action id is {@code formId}.
     * Input names must be unique within the form (they key the submitted values).
     */
    public record Form(String formId, String title, String submitLabel, List<Input> inputs) {
        public Form {
            requireId(formId, "formId");
            inputs = List.copyOf(inputs);
            var names = new java.util.HashSet<String>();
            for (Input in : inputs) {
                if (!names.add(in.name())) {
                    throw new IllegalArgumentException("two inputs named '" + in.name() + "' in form " + formId);
                }
            }
        }
    }

    /**
     * A {@code CHECKBOX} without options is one box on every platform, submitted as {@code "true"} when ticked
     * (Slack: the option's value; Feishu: the checker's boolean; console: the box's state). With options it is
     * a group only on Slack (values joined by commas): for a portable form, use one input per box.
     */
    public enum InputType { TEXT, MULTILINE, SELECT, CHECKBOX }

    /** Longest option value (Slack's limit); values are ids, not prose. */
    public static final int MAX_OPTION_VALUE = 150;

    /** A choice of a SELECT or CHECKBOX input; the label defaults to the value. */
    public record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            if (value.isEmpty() || value.length() > MAX_OPTION_VALUE) {
                throw new IllegalArgumentException("option value must be 1 to " + MAX_OPTION_VALUE + " characters");
            }
            label = label == null ? value : label;
        }
    }

    /**
     * One input of a form. {@code name} (at most {@link #MAX_ID} characters) keys its value in
     * {@link InboundAction#formValues()}; see there for how each type's value reads.
     */
    public record Input(String name, String label, InputType type, boolean required, String initialValue,
                        List<Option> options) {
        public Input {
            requireId(name, "name");
            type = type == null ? InputType.TEXT : type;
            // Platforms refuse two options with one value; the first one stands.
            var seen = new java.util.HashSet<String>();
            options = options == null ? List.of() : options.stream().filter(o -> seen.add(o.value())).toList();
        }
    }

    /**
     * Someone to notify, with their user id on each platform where they have one. A platform where they
     * have none shows the name as plain text, so nobody believes they were reached.
     */
    public record Mention(String name, Map<Platform, String> userIds) {
        public Mention {
            Objects.requireNonNull(name, "name");
            var ids = new EnumMap<Platform, String>(Platform.class);
            if (userIds != null) {
                userIds.forEach((p, id) -> {
                    if (id != null && !id.isBlank()) {
                        ids.put(p, id);
                    }
                });
            }
            userIds = Collections.unmodifiableMap(ids);
        }

        /** The user id on {@code platform}, or null when the person has none there. */
        public String userId(Platform platform) {
            return userIds.get(platform);
        }
    }

    /** A web link (runbook, graph, silence page). Only http and https are accepted: nothing else is clickable. */
    public record Link(String label, String url) {
        public Link {
            Objects.requireNonNull(label, "label");
            if (!isWebUrl(url)) {
                throw new IllegalArgumentException("not an http(s) URL: " + url);
            }
        }

        public static boolean isWebUrl(String url) {
            if (url == null || url.length() > 2000 || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
                return false;
            }
            String lower = url.toLowerCase(java.util.Locale.ROOT);
            return (lower.startsWith("https://") || lower.startsWith("http://")) && lower.length() > lower.indexOf("//") + 2;
        }
    }

    private static void requireId(String id, String what) {
        Objects.requireNonNull(id, what);
        if (id.isBlank() || id.length() > MAX_ID) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_ID + " characters: '" + id + "'");
        }
    }

    /** {@code code} is optional preformatted output (pod tables, log lines), shown in a monospaced block. */
    public OutboundMessage(String header, Tone tone, String text, List<Field> fields, List<Button> buttons, Form form) {
        this(header, tone, text, fields, buttons, form, null);
    }

    public OutboundMessage(String header, Tone tone, String text, List<Field> fields, List<Button> buttons, Form form,
                           String code) {
        this(header, tone, text, fields, buttons, form, code, List.of(), List.of());
    }

    public OutboundMessage {
        tone = tone == null ? Tone.NEUTRAL : tone;
        text = text == null ? "" : text;
        fields = fields == null ? List.of() : List.copyOf(fields);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage(null, Tone.NEUTRAL, text, List.of(), List.of(), null, null);
    }

    /** The same message with other buttons (e.g. none, once a card is decided). */
    public OutboundMessage withButtons(List<Button> replacement) {
        return new OutboundMessage(header, tone, text, fields, replacement, form, code, mentions, links);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Plain text of the whole message, for platforms' notification fallbacks and logs. */
    public String fallbackText() {
        StringBuilder sb = new StringBuilder();
        mentions.forEach(m -> sb.append('@').append(m.name()).append(' '));
        return (sb.toString().strip() + "\n" + contentText()).strip();
    }

    /** {@link #fallbackText()} without the mentions, for renderers that write mentions in their own syntax. */
    public String contentText() {
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
        private final List<Mention> mentions = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();

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

        public Builder mention(Mention mention) {
            mentions.add(mention);
            return this;
        }

        /** Adds the link when {@code url} is an http(s) URL; anything else (empty, javascript:, ...) is left out. */
        public Builder link(String label, String url) {
            if (Link.isWebUrl(url)) {
                links.add(new Link(label, url));
            }
            return this;
        }

        public OutboundMessage build() {
            return new OutboundMessage(header, tone, text, fields, buttons, form, code, mentions, links);
        }
    }
}
