package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Field;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.Texts;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OutboundMessage} as a Feishu card (card JSON 1.0). Every message is a card with
 * {@code update_multi: true}, so any of them can be patched later. Buttons carry {@code {"a": actionId,
 * "v": value}}; forms are a {@code form} container whose inputs are named after the message's inputs, so
 * the callback's {@code form_value} maps back to them. Text is {@code lark_md} with markdown characters
 * escaped: what Warroom says is shown literally.
 */
@Component
@ConditionalOnFeishu
class FeishuCardRenderer {

    static final String ACTION_ID = "a";
    static final String VALUE = "v";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Texts texts;

    FeishuCardRenderer(Texts texts) {
        this.texts = texts;
    }

    ObjectNode card(OutboundMessage m, Locale locale) {
        ObjectNode card = NODES.objectNode();
        card.putObject("config").put("wide_screen_mode", true).put("update_multi", true);
        if (m.header() != null) {
            ObjectNode header = card.putObject("header");
            header.set("title", plain(m.header()));
            header.put("template", template(m.tone()));
        }
        ArrayNode elements = card.putArray("elements");
        if (!m.mentions().isEmpty()) {
            elements.add(div(mentions(m)));
        }
        if (!m.text().isEmpty()) {
            elements.add(div(LarkMarkdown.escape(m.text())));
        }
        if (!m.fields().isEmpty()) {
            ArrayNode fields = elements.addObject().put("tag", "div").putArray("fields");
            for (Field f : m.fields()) {
                fields.addObject().put("is_short", isShort(f)).set("text", larkMd(
                        "**" + LarkMarkdown.escape(f.label()) + "**\n" + LarkMarkdown.escape(f.value())));
            }
        }
        if (m.code() != null) {
            // Output (pod tables, log lines) goes in as plain text: nothing in it may be read as markup.
            elements.addObject().put("tag", "hr");
            elements.addObject().put("tag", "div").set("text", plain(m.code()));
        }
        if (!m.links().isEmpty()) {
            StringBuilder links = new StringBuilder();
            for (var l : m.links()) {
                links.append(links.length() == 0 ? "" : " · ").append('[').append(LarkMarkdown.escape(l.label()))
                        .append("](").append(l.url().replace("(", "%28").replace(")", "%29")).append(')');
            }
            elements.add(div(links.toString()));
        }
        if (!m.buttons().isEmpty()) {
            ArrayNode actions = elements.addObject().put("tag", "action").putArray("actions");
            for (Button b : m.buttons()) {
                ObjectNode button = actions.addObject().put("tag", "button");
                button.set("text", plain(b.label()));
                button.put("type", b.style().name().toLowerCase(Locale.ROOT));
                button.set("value", value(b.actionId(), b.value()));
            }
        }
        if (m.form() != null) {
            elements.add(form(m.form(), locale));
        }
        if (elements.isEmpty()) {
            elements.add(div(LarkMarkdown.escape(m.fallbackText().isEmpty() ? " " : m.fallbackText())));
        }
        return card;
    }

    /** {@code <at id=…></at>} notifies a Feishu user; people without an open_id are named in plain text. */
    static String mentions(OutboundMessage m) {
        StringBuilder sb = new StringBuilder();
        for (var mention : m.mentions()) {
            String id = mention.userId(io.warroom.chat.Platform.FEISHU);
            sb.append(sb.length() == 0 ? "" : " ");
            sb.append(id != null && id.matches("[A-Za-z0-9_-]{1,64}") ? "<at id=" + id + "></at>"
                    : "@" + LarkMarkdown.escape(mention.name()));
        }
        return sb.toString();
    }

    String content(OutboundMessage m, Locale locale, ObjectMapper json) {
        try {
            return json.writeValueAsString(card(m, locale));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("card cannot be serialised", e);
        }
    }

    /** UNVERIFIED against a live client in detail: follows the documented form container and input shapes. */
    private ObjectNode form(Form form, Locale locale) {
        ObjectNode container = NODES.objectNode().put("tag", "form").put("name", "form");
        ArrayNode elements = container.putArray("elements");
        if (form.title() != null) {
            elements.add(div("**" + LarkMarkdown.escape(form.title()) + "**"));
        }
        for (Input in : form.inputs()) {
            String label = in.label() == null ? in.name() : in.label();
            switch (in.type()) {
                case TEXT, MULTILINE -> {
                    ObjectNode input = elements.addObject().put("tag", "input").put("name", in.name())
                            .put("required", in.required());
                    input.set("label", plain(label));
                    input.put("label_position", "top");
                    if (in.initialValue() != null) {
                        input.put("default_value", in.initialValue());
                    }
                    if (in.type() == OutboundMessage.InputType.MULTILINE) {
                        input.put("input_type", "multiline_text").put("rows", 4);
                    }
                }
                case SELECT -> {
                    elements.add(div("**" + LarkMarkdown.escape(label) + "**"));
                    ObjectNode select = elements.addObject().put("tag", "select_static").put("name", in.name())
                            .put("required", in.required());
                    select.set("placeholder", plain(label));
                    if (in.initialValue() != null) {
                        select.put("initial_option", in.initialValue());
                    }
                    ArrayNode options = select.putArray("options");
                    for (var o : in.options()) {
                        options.addObject().<ObjectNode>set("text", plain(o.label())).put("value", o.value());
                    }
                }
                case CHECKBOX -> {
                    ObjectNode checker = elements.addObject().put("tag", "checker").put("name", in.name())
                            .put("checked", "true".equals(in.initialValue()));
                    checker.set("text", plain(label));
                }
            }
        }
        ObjectNode submit = elements.addObject().put("tag", "button");
        submit.set("text", plain(form.submitLabel() != null ? form.submitLabel()
                : texts.get(locale, "feishu.form.submit")));
        submit.put("type", "primary").put("action_type", "form_submit").put("name", "submit");
        submit.set("value", value(form.formId(), ""));
        return container;
    }

    private static ObjectNode value(String actionId, String value) {
        return NODES.objectNode().put(ACTION_ID, actionId).put(VALUE, value);
    }

    private static boolean isShort(Field f) {
        return f.label().length() <= 24 && f.value().length() <= 24 && !f.value().contains("\n");
    }

    private static String template(OutboundMessage.Tone tone) {
        return switch (tone) {
            case DANGER -> "red";
            case WARNING -> "orange";
            case SUCCESS -> "green";
            case INFO -> "blue";
            case NEUTRAL -> "grey";
        };
    }

    private static ObjectNode div(String larkMd) {
        ObjectNode div = NODES.objectNode().put("tag", "div");
        div.set("text", larkMd(larkMd));
        return div;
    }

    private static ObjectNode larkMd(String content) {
        return NODES.objectNode().put("tag", "lark_md").put("content", content);
    }

    private static ObjectNode plain(String content) {
        return NODES.objectNode().put("tag", "plain_text").put("content", content);
    }
}
