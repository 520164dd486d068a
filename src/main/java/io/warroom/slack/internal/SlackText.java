package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Text for Slack: escaping of mrkdwn's control characters and cutting to a limit visibly (an ellipsis) without
 * splitting a surrogate pair or an escape, so no cut can produce invalid JSON or a broken entity.
 */
final class SlackText {

    static final String ELLIPSIS = "…";
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

    /** {@code text} shortened to {@code max} UTF-16 units, ending in an ellipsis when shortened. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        // An escaped text must not end inside an entity (&amp; &lt; &gt;).
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && amp > end - 5 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, Math.max(0, end)) + ELLIPSIS;
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
