package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Field;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.Option;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@link OutboundMessage} → Block Kit: a header block, a mrkdwn section, field sections (at most 10
 * fields each), an actions block; forms become a modal view. Texts are cut to Slack's limits and
 * user text is escaped ({@code & < >}) so nobody can smuggle a mention or link into a card.
 */
@Component
@OnSlack
class BlockKitRenderer {

    static final int MAX_FIELDS = 10;
    static final int MAX_BUTTONS = 25;
    /** Suffix separating a repeated action id from its ordinal (Slack wants action ids unique per block). */
    static final char REPEAT = '#';

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The blocks of a message (any form is left out: forms open through {@link #modal}). */
    ArrayNode blocks(OutboundMessage message) {
        ArrayNode blocks = nodes.arrayNode();
        String emoji = emoji(message.tone());
        if (message.header() != null && !message.header().isBlank()) {
            ObjectNode header = blocks.addObject().put("type", "header");
            header.set("text", plain(cut(emoji + message.header(), 150)));
            emoji = "";
        }
        String mentions = mentions(message);
        if (!message.text().isBlank() || !mentions.isEmpty()) {
            String text = mentions.isEmpty() ? escape(message.text())
                    : message.text().isBlank() ? mentions : mentions + "\n" + escape(message.text());
            blocks.addObject().put("type", "section").set("text", mrkdwn(cut(emoji + text, 3000)));
        }
        addFields(blocks, message.fields());
        if (message.code() != null) {
            // A code block, so pod tables keep their columns; a fence inside the output must not end it.
            String code = escape(message.code()).replace("```", "` ` `");
            blocks.addObject().put("type", "section").set("text", mrkdwn("```" + cut(code, 2990) + "```"));
        }
        addLinks(blocks, message.links());
        addButtons(blocks, message.buttons());
        return blocks;
    }

    /**
     * The top-level {@code text} Slack shows in notifications and parses like mrkdwn: escaped like the
     * blocks, so user text cannot ping anyone, with the message's own mentions written as real ones.
     */
    String fallbackText(OutboundMessage message) {
        String mentions = mentions(message);
        String body = escape(message.contentText());
        return cut(mentions.isEmpty() ? body : mentions + "\n" + body, 3000);
    }

    /** {@code <@U…>} for people with a Slack id; the others by name, so the message says they were not reached. */
    private static String mentions(OutboundMessage message) {
        StringBuilder sb = new StringBuilder();
        for (var m : message.mentions()) {
            String id = m.userId(io.warroom.chat.Platform.SLACK);
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(id != null && id.matches("[A-Z0-9]{2,30}") ? "<@" + id + ">" : "@" + escape(m.name()));
        }
        return sb.toString();
    }

    private void addLinks(ArrayNode blocks, List<OutboundMessage.Link> links) {
        if (links.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (var l : links) {
            String item = "<" + escape(l.url()) + "|" + escape(l.label().replace('|', '/')) + ">";
            if (sb.length() + item.length() + 3 > 3000) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " · ").append(item);
        }
        blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(sb.toString()));
    }

    /** A modal for the message's form; {@code metadata} is returned by Slack on submission. */
    ObjectNode modal(OutboundMessage message, String metadata, String closeLabel) {
        Form form = message.form();
        if (form == null) {
            throw new IllegalArgumentException("the message has no form");
        }
        ObjectNode view = nodes.objectNode();
        view.put("type", "modal");
        view.put("callback_id", form.formId());
        view.set("title", plain(cut(orElse(form.title(), message.header(), "Warroom"), 24)));
        view.set("submit", plain(cut(orElse(form.submitLabel(), null, "Submit"), 24)));
        view.set("close", plain(cut(closeLabel, 24)));
        view.put("private_metadata", metadata);
        ArrayNode blocks = view.putArray("blocks");
        if (!message.text().isBlank()) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(cut(escape(message.text()), 3000)));
        }
        addFields(blocks, message.fields());
        for (Input input : form.inputs()) {
            blocks.add(input(input));
        }
        return view;
    }

    private void addFields(ArrayNode blocks, List<Field> fields) {
        for (int i = 0; i < fields.size(); i += MAX_FIELDS) {
            ArrayNode section = blocks.addObject().put("type", "section").putArray("fields");
            for (Field f : fields.subList(i, Math.min(fields.size(), i + MAX_FIELDS))) {
                section.add(mrkdwn(cut("*" + escape(f.label()) + "*\n" + escape(f.value()), 2000)));
            }
        }
    }

    private void addButtons(ArrayNode blocks, List<Button> buttons) {
        for (int i = 0; i < buttons.size(); i += MAX_BUTTONS) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            Map<String, Integer> seen = new HashMap<>();
            for (Button b : buttons.subList(i, Math.min(buttons.size(), i + MAX_BUTTONS))) {
                int n = seen.merge(b.actionId(), 1, Integer::sum);
                ObjectNode button = elements.addObject().put("type", "button");
                button.set("text", plain(cut(b.label(), 75)));
                button.put("action_id", n == 1 ? b.actionId() : b.actionId() + REPEAT + n);
                button.put("value", b.value());
                switch (b.style()) {
                    case PRIMARY -> button.put("style", "primary");
                    case DANGER -> button.put("style", "danger");
                    case DEFAULT -> { }
                }
            }
        }
    }

    /** The action id a button was given before {@link #addButtons} made it unique. */
    static String originalActionId(String actionId) {
        int at = actionId.lastIndexOf(REPEAT);
        if (at > 0 && at < actionId.length() - 1 && actionId.substring(at + 1).chars().allMatch(Character::isDigit)) {
            return actionId.substring(0, at);
        }
        return actionId;
    }

    private ObjectNode input(Input input) {
        ObjectNode block = nodes.objectNode().put("type", "input").put("block_id", input.name());
        block.set("label", plain(cut(orElse(input.label(), null, input.name()), 2000)));
        block.put("optional", !input.required());
        ObjectNode element = block.putObject("element");
        switch (input.type()) {
            case SELECT -> {
                if (input.options().isEmpty()) {
                    textInput(element, input, false);
                } else {
                    element.put("type", "static_select").put("action_id", input.name());
                    ArrayNode options = element.putArray("options");
                    for (Option o : input.options()) {
                        ObjectNode option = option(o);
                        options.add(option);
                        if (o.value().equals(input.initialValue())) {
                            element.set("initial_option", option.deepCopy());
                        }
                    }
                }
            }
            case CHECKBOX -> {
                element.put("type", "checkboxes").put("action_id", input.name());
                List<Option> choices = input.options().isEmpty()
                        ? List.of(new Option("true", orElse(input.label(), null, input.name())))
                        : input.options();
                ArrayNode options = element.putArray("options");
                ArrayNode initial = nodes.arrayNode();
                List<String> chosen = input.initialValue() == null ? List.of() : List.of(input.initialValue().split(","));
                for (Option o : choices) {
                    ObjectNode option = option(o);
                    options.add(option);
                    if (chosen.contains(o.value())) {
                        initial.add(option.deepCopy());
                    }
                }
                if (!initial.isEmpty()) {
                    element.set("initial_options", initial);
                }
            }
            case MULTILINE -> textInput(element, input, true);
            case TEXT -> textInput(element, input, false);
        }
        return block;
    }

    private void textInput(ObjectNode element, Input input, boolean multiline) {
        element.put("type", "plain_text_input").put("action_id", input.name());
        if (multiline) {
            element.put("multiline", true);
        }
        if (input.initialValue() != null && !input.initialValue().isEmpty()) {
            element.put("initial_value", input.initialValue());
        }
    }

    private ObjectNode option(Option o) {
        ObjectNode option = nodes.objectNode();
        option.set("text", plain(cut(o.label() == null ? o.value() : o.label(), 75)));
        option.put("value", cut(o.value(), 150));
        return option;
    }

    private ObjectNode plain(String text) {
        return nodes.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private ObjectNode mrkdwn(String text) {
        return nodes.objectNode().put("type", "mrkdwn").put("text", text);
    }

    /** Slack's three control characters in mrkdwn. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String emoji(OutboundMessage.Tone tone) {
        return switch (tone) {
            case NEUTRAL -> "";
            case INFO -> ":information_source: ";
            case SUCCESS -> ":white_check_mark: ";
            case WARNING -> ":warning: ";
            case DANGER -> ":rotating_light: ";
        };
    }

    private static String orElse(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
