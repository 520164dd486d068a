package io.warroom.feishu.internal;

/**
 * Escaping for Feishu's {@code lark_md}: HTML-like tags ({@code <at>}, {@code <font>}), entities and
 * the markdown marks lark_md knows (bold/italic {@code *}, strikethrough {@code ~~}, links {@code [..](..)},
 * code {@code `}) are written as character references, which Feishu shows as the characters themselves.
 * Underscores and {@code #} mean nothing in lark_md and stay as they are (ids like {@code ou_x} stay readable).
 */
final class LarkMarkdown {

    private LarkMarkdown() {
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '*' -> sb.append("&#42;");
                case '~' -> sb.append("&#126;");
                case '`' -> sb.append("&#96;");
                case '[' -> sb.append("&#91;");
                case ']' -> sb.append("&#93;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
