package io.warroom.slack.internal;

import static io.warroom.slack.internal.BlockKitLimits.ACTIONS_ELEMENTS;
import static io.warroom.slack.internal.BlockKitLimits.BUTTON_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.CALLBACK_ID;
import static io.warroom.slack.internal.BlockKitLimits.CONTEXT_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.FIELD_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.HEADER_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.MESSAGE_BLOCKS;
import static io.warroom.slack.internal.BlockKitLimits.MESSAGE_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.MODAL_BLOCKS;
import static io.warroom.slack.internal.BlockKitLimits.SECTION_FIELDS;
import static io.warroom.slack.internal.BlockKitLimits.SECTION_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.VIEW_TITLE;
import static io.warroom.slack.internal.SlackText.cut;
import static io.warroom.slack.internal.SlackText.escape;
import static io.warroom.slack.internal.SlackText.mrkdwn;
import static io.warroom.slack.internal.SlackText.orElse;
import static io.warroom.slack.internal.SlackText.plain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Button;
import io.warroom.chat.OutboundMessage.Field;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.Platform;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@link OutboundMessage} → Block Kit: a header block, a mrkdwn section, field sections, a code section,
 * a links context, actions blocks; forms become a modal view. Every limit comes from {@link BlockKitLimits}:
 * long texts end in an ellipsis, and what does not fit in the block budget (fields first, then buttons) is
 * replaced by a line saying how many were left out, so nothing is cut silently. User text is escaped
 * ({@link SlackText#escape}) everywhere Slack parses it, so nobody can smuggle a mention or link into a card.
 */
@Component
@OnSlack
class BlockKitRenderer {

    /** Suffix separating a repeated action id from its ordinal (Slack wants action ids unique per block). */
    static final char REPEAT = '#';

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** The blocks of a message (any form is left out: forms open through {@link #modal}). */
    ArrayNode blocks(OutboundMessage message) {
        ArrayNode head = nodes.arrayNode();
        String emoji = emoji(message.tone());
        if (message.header() != null && !message.header().isBlank()) {
            head.addObject().put("type", "header").set("text", plain(cut(emoji + message.header(), HEADER_TEXT)));
            emoji = "";
        }
        String mentions = mentions(message);
        if (!message.text().isBlank() || !mentions.isEmpty()) {
            String text = mentions.isEmpty() ? escape(message.text())
                    : message.text().isBlank() ? mentions : mentions + "\n" + escape(message.text());
            head.addObject().put("type", "section").set("text", mrkdwn(cut(emoji + text, SECTION_TEXT)));
        }
        ArrayNode tail = nodes.arrayNode();
        if (message.code() != null) {
            // A code block, so pod tables keep their columns; a fence inside the output must not end it.
            String code = escape(message.code()).replace("```", "` ` `");
            tail.addObject().put("type", "section").set("text", mrkdwn("```" + cut(code, SECTION_TEXT - 6) + "```"));
        }
        addLinks(tail, message.links());
        // The budget: fixed blocks first, then buttons (they are what people act on), then fields.
        int remaining = MESSAGE_BLOCKS - head.size() - tail.size();
        int needed = blocksFor(message.buttons().size(), ACTIONS_ELEMENTS);
        int buttonBlocks = Math.min(needed, remaining - 2);
        int fieldRoom = remaining - buttonBlocks - (needed > buttonBlocks ? 1 : 0);
        ArrayNode blocks = nodes.arrayNode();
        blocks.addAll(head);
        addFields(blocks, message.fields(), fieldRoom);
        blocks.addAll(tail);
        addButtons(blocks, message.buttons(), buttonBlocks);
        if (blocks.isEmpty()) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(SlackText.ELLIPSIS));
        }
        return blocks;
    }

    /**
     * The top-level {@code text} Slack shows in notifications and parses like mrkdwn: escaped like the
     * blocks, so user text cannot ping anyone, with the message's own mentions written as real ones.
     */
    String fallbackText(OutboundMessage message) {
        String mentions = mentions(message);
        String body = escape(message.contentText());
        return cut(mentions.isEmpty() ? body : mentions + "\n" + body, MESSAGE_TEXT);
    }

    /** {@code <@U…>} for people with a Slack id; the others by name, so the message says they were not reached. */
    private static String mentions(OutboundMessage message) {
        StringBuilder sb = new StringBuilder();
        for (var m : message.mentions()) {
            String id = m.userId(Platform.SLACK);
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
        int shown = 0;
        for (var l : links) {
            // "|" ends the URL in Slack's link syntax and separates the label: encoded in the one, replaced in the other.
            String label = l.label().isBlank() ? l.url() : l.label();
            String item = "<" + escape(l.url().replace("|", "%7C")) + "|" + escape(cut(label.replace('|', '/'), 200)) + ">";
            if (sb.length() + item.length() + 16 > CONTEXT_TEXT) {
                break;
            }
            sb.append(sb.length() == 0 ? "" : " · ").append(item);
            shown++;
        }
        if (shown < links.size()) {
            sb.append(" · ").append(more(links.size() - shown));
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
        view.put("callback_id", cut(form.formId(), CALLBACK_ID));
        view.set("title", plain(cut(orElse(form.title(), message.header(), "Warroom"), VIEW_TITLE)));
        view.set("submit", plain(cut(orElse(form.submitLabel(), null, "Submit"), VIEW_TITLE)));
        view.set("close", plain(cut(orElse(closeLabel, null, "Cancel"), VIEW_TITLE)));
        view.put("private_metadata", metadata);
        ArrayNode blocks = view.putArray("blocks");
        // Inputs come first (a form must open); the text and fields share what is left. A form of more inputs
        // than a modal holds (no Warroom form comes near) says how many it could not show.
        boolean overflow = form.inputs().size() > MODAL_BLOCKS;
        List<Input> inputs = overflow ? form.inputs().subList(0, MODAL_BLOCKS - 1) : form.inputs();
        if (!message.text().isBlank() && inputs.size() + (overflow ? 1 : 0) < MODAL_BLOCKS) {
            blocks.addObject().put("type", "section").set("text", mrkdwn(cut(escape(message.text()), SECTION_TEXT)));
        }
        addFields(blocks, message.fields(), MODAL_BLOCKS - blocks.size() - inputs.size() - (overflow ? 1 : 0));
        for (Input input : inputs) {
            blocks.add(BlockKitInputs.input(input));
        }
        if (overflow) {
            blocks.addObject().put("type", "context").putArray("elements")
                    .add(mrkdwn(more(form.inputs().size() - inputs.size())));
        }
        return view;
    }

    /** Field sections of ten, in at most {@code room} blocks; the last line says how many did not fit. */
    private void addFields(ArrayNode blocks, List<Field> fields, int room) {
        if (fields.isEmpty() || room <= 0) {
            return;
        }
        int capacity = room * SECTION_FIELDS;
        int shown = fields.size() <= capacity ? fields.size() : capacity - 1;
        ArrayNode section = null;
        for (int i = 0; i < shown; i++) {
            if (i % SECTION_FIELDS == 0) {
                section = blocks.addObject().put("type", "section").putArray("fields");
            }
            Field f = fields.get(i);
            String label = "*" + cut(escape(f.label()), 200) + "*\n";
            section.add(mrkdwn(label + cut(escape(f.value()), FIELD_TEXT - label.length())));
        }
        if (shown < fields.size()) {
            if (shown % SECTION_FIELDS == 0) {
                section = blocks.addObject().put("type", "section").putArray("fields");
            }
            section.add(mrkdwn(more(fields.size() - shown)));
        }
    }

    private void addButtons(ArrayNode blocks, List<Button> buttons, int room) {
        int capacity = room * ACTIONS_ELEMENTS;
        List<Button> shown = buttons.subList(0, Math.min(buttons.size(), capacity));
        for (int i = 0; i < shown.size(); i += ACTIONS_ELEMENTS) {
            ArrayNode elements = blocks.addObject().put("type", "actions").putArray("elements");
            Map<String, Integer> seen = new HashMap<>();
            for (Button b : shown.subList(i, Math.min(shown.size(), i + ACTIONS_ELEMENTS))) {
                int n = seen.merge(b.actionId(), 1, Integer::sum);
                ObjectNode button = elements.addObject().put("type", "button");
                button.set("text", plain(cut(b.label(), BUTTON_TEXT)));
                button.put("action_id", n == 1 ? b.actionId() : b.actionId() + REPEAT + n);
                if (!b.value().isEmpty()) {
                    button.put("value", b.value());
                }
                switch (b.style()) {
                    case PRIMARY -> button.put("style", "primary");
                    case DANGER -> button.put("style", "danger");
                    case DEFAULT -> { }
                }
            }
        }
        if (shown.size() < buttons.size()) {
            blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(more(buttons.size() - shown.size())));
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

    private static int blocksFor(int items, int perBlock) {
        return (items + perBlock - 1) / perBlock;
    }

    /** "… +N": says that N items were left out, in any language. */
    static String more(int n) {
        return SlackText.ELLIPSIS + " +" + n;
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
}
