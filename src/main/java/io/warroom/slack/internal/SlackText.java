package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.TextCut;

/**
 * Text for Slack: escaping of mrkdwn's control characters and cutting to a limit visibly (an ellipsis) without
 * splitting a surrogate pair or an escape, so no cut can produce invalid JSON or a broken entity.
 */
final class SlackText {

    static final String ELLIPSIS = TextCut.ELLIPSIS;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlackText() {
    }

    /**
     * Slack's three control characters in mrkdwn and the top-level {@code text}: with them escaped, nothing a
     * user typed can become a mention ({@code <!channel>}, {@code <@U…>}), a link or a channel reference.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} shortened to {@code max} UTF-16 units, ending in an ellipsis, never inside an escape. */
    static String cut(String text, int max) {
        String cut = TextCut.cut(text, max);
        if (cut.length() == text.length()) {
            return cut;
        }
        String kept = cut.substring(0, cut.length() - ELLIPSIS.length());
        int amp = kept.lastIndexOf('&');
        if (amp >= 0 && kept.indexOf(';', amp) < 0 && kept.length() - amp < 5) {
            kept = kept.substring(0, amp);
        }
        return kept + ELLIPSIS;
    }

    static ObjectNode plain(String text) {
        return NODES.objectNode().put("type", "plain_text").put("text", text.isEmpty() ? " " : text).put("emoji", true);
    }

    static ObjectNode mrkdwn(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text.isEmpty() ? " " : text);
    }

    static String orElse(String first, String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
