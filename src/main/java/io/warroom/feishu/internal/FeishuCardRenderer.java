package io.warroom.feishu.internal;

import static io.warroom.chat.TextCut.ELLIPSIS;
import static io.warroom.chat.TextCut.cut;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Field;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OutboundMessage} as a Feishu card in JSON 2.0
 * (https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-json-v2-structure):
 * {@code schema: "2.0"}, {@code config.update_multi: true} (the only value 2.0 allows, so every card can be
 * patched), a header, and {@code body.elements}. Everything a user or an alert wrote is {@code plain_text}
 * (plain-text div, https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/plain-text),
 * which Feishu shows literally; {@code markdown}
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/content-components/rich-text) carries
 * only what Warroom writes: mentions ({@code <at id=open_id></at>} for ids Warroom checked), links to http(s)
 * URLs, and bold field labels, with every markdown and HTML character of the words escaped
 * ({@link LarkMarkdown}). Buttons sit in a flowing column set and call back with
 * {@code behaviors: [{type: callback, value: {a: actionId, v: value}}]}. The card shrinks until it fits
 * {@link FeishuCardLimits}.
 */
@Component
@ConditionalOnFeishu
class FeishuCardRenderer {

    static final String ACTION_ID = "a";
    static final String VALUE = "v";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Texts texts;

    FeishuCardRenderer(Texts texts) {
        this.texts = texts;
    }

    /** The card, shrunk until its send request fits Feishu's size and component limits. */
    ObjectNode card(OutboundMessage m, Locale locale) {
        FeishuCardLimits limits = FeishuCardLimits.GENEROUS;
        while (true) {
            ObjectNode card = render(m, locale, limits);
            if (fits(card)) {
                return card;
            }
            if (limits.atFloor()) {
                throw ChatDeliveryException.permanentFailure("the message is too large for a Feishu card even when "
                        + "shortened (" + requestBytes(card) + " bytes, " + components(card) + " components)");
            }
            limits = limits.halved();
        }
    }

    String content(OutboundMessage m, Locale locale, ObjectMapper json) {
        try {
            return json.writeValueAsString(card(m, locale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("card cannot be serialised", e);
        }
    }

    private ObjectNode render(OutboundMessage m, Locale locale, FeishuCardLimits limits) {
        ObjectNode card = NODES.objectNode().put("schema", "2.0");
        card.putObject("config").put("update_multi", true);
        if (m.header() != null && !m.header().isBlank()) {
            ObjectNode header = card.putObject("header");
            header.set("title", plain(cut(m.header(), limits.label())));
            header.put("template", template(m.tone()));
        }
        ArrayNode elements = card.putObject("body").putArray("elements");
        if (!m.mentions().isEmpty()) {
            elements.add(markdown(mentions(m)));
        }
        if (!m.text().isBlank()) {
            elements.add(plainDiv(cut(m.text(), limits.text())));
        }
        addFields(elements, m.fields(), limits);
        if (m.code() != null && !m.code().isBlank()) {
            elements.addObject().put("tag", "hr");
            elements.add(plainDiv(cut(m.code(), limits.code())));
        }
        if (!m.links().isEmpty()) {
            elements.add(markdown(links(m.links())));
        }
        addButtons(elements, m.buttons(), limits);
        if (m.form() != null) {
            String submit = m.form().submitLabel() != null && !m.form().submitLabel().isBlank() ? m.form().submitLabel()
                    : texts.get(locale, "feishu.form.submit");
            elements.add(FeishuFormRenderer.form(m.form(), submit, limits));
        }
        if (elements.isEmpty()) {
            elements.add(plainDiv(ELLIPSIS));
        }
        return card;
    }

    private static void addFields(ArrayNode elements, List<Field> fields, FeishuCardLimits limits) {
        int shown = fields.size() <= limits.fields() ? fields.size() : limits.fields() - 1;
        for (Field f : fields.subList(0, shown)) {
            elements.add(boldLine(cut(f.label(), limits.label())));
            elements.add(plainDiv(cut(f.value().isEmpty() ? "-" : f.value(), limits.value())));
        }
        if (shown < fields.size()) {
            elements.add(plainDiv(more(fields.size() - shown)));
        }
    }

    private static void addButtons(ArrayNode elements, List<Button> buttons, FeishuCardLimits limits) {
        if (buttons.isEmpty()) {
            return;
        }
        // Column set (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/column-set):
        // "flow" lets the buttons wrap onto new lines on narrow screens.
        ObjectNode row = elements.addObject().put("tag", "column_set").put("flex_mode", "flow");
        ArrayNode columns = row.putArray("columns");
        int shown = buttons.size() <= limits.buttons() ? buttons.size() : limits.buttons() - 1;
        for (Button b : buttons.subList(0, shown)) {
            ObjectNode button = NODES.objectNode().put("tag", "button");
            button.set("text", plain(cut(b.label().isBlank() ? b.actionId() : b.label(), FeishuCardLimits.BUTTON_TEXT)));
            button.put("type", switch (b.style()) {
                case PRIMARY -> "primary_filled";
                case DANGER -> "danger";
                case DEFAULT -> "default";
            });
            ObjectNode callback = button.putArray("behaviors").addObject().put("type", "callback");
            callback.putObject("value").put(ACTION_ID, b.actionId()).put(VALUE, b.value());
            columns.addObject().put("tag", "column").put("width", "auto").putArray("elements").add(button);
        }
        if (shown < buttons.size()) {
            elements.add(plainDiv(more(buttons.size() - shown)));
        }
    }

    /** {@code <at id=…></at>} notifies a Feishu user; people without an open_id are named in plain words. */
    static String mentions(OutboundMessage m) {
        StringBuilder sb = new StringBuilder();
        for (var mention : m.mentions()) {
            String id = mention.userId(Platform.FEISHU);
            sb.append(sb.length() == 0 ? "" : " ");
            sb.append(id != null && id.matches("[A-Za-z0-9_-]{1,64}") ? "<at id=" + id + "></at>"
                    : "@" + LarkMarkdown.escape(cut(mention.name(), 100)));
        }
        return sb.toString();
    }

    private static String links(List<OutboundMessage.Link> links) {
        StringBuilder sb = new StringBuilder();
        for (var l : links) {
            String label = l.label().isBlank() ? l.url() : l.label();
            sb.append(sb.length() == 0 ? "" : " · ").append('[').append(LarkMarkdown.escape(cut(label, 200)))
                    .append("](").append(l.url().replace("(", "%28").replace(")", "%29").replace(" ", "%20"))
                    .append(')');
        }
        return sb.toString();
    }

    private static boolean fits(ObjectNode card) {
        return requestBytes(card) <= FeishuCardLimits.BUDGET_BYTES && components(card) <= FeishuCardLimits.MAX_COMPONENTS;
    }

    /** Bytes the card takes in a send request, where it travels as a JSON string inside the JSON body. */
    static int requestBytes(JsonNode card) {
        try {
            return JSON.writeValueAsString(JSON.writeValueAsString(card)).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Components of the card: every object with a {@code tag} except the text objects inside components. */
    static int components(JsonNode node) {
        int n = 0;
        if (node.isObject() && node.has("tag") && !node.path("tag").asText().equals("plain_text")
                && !node.path("tag").asText().equals("lark_md")) {
            n++;
        }
        for (JsonNode child : node) {
            n += components(child);
        }
        return n;
    }

    static String more(int n) {
        return ELLIPSIS + " +" + n;
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

    static ObjectNode plainDiv(String content) {
        ObjectNode div = NODES.objectNode().put("tag", "div");
        div.set("text", plain(content));
        return div;
    }

    /** A label in bold: escaped words inside markdown's bold marks. */
    static ObjectNode boldLine(String words) {
        return markdown("**" + LarkMarkdown.escape(words) + "**");
    }

    private static ObjectNode markdown(String content) {
        return NODES.objectNode().put("tag", "markdown").put("content", content);
    }

    static ObjectNode plain(String content) {
        return NODES.objectNode().put("tag", "plain_text").put("content", content.isEmpty() ? " " : content);
    }
}
