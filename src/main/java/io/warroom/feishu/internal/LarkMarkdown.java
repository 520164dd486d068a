package io.warroom.feishu.internal;

/**
 * Escaping for the few words Warroom puts inside card markdown (field labels, link labels, names): every
 * character that markdown or Feishu's extensions give a meaning to is written as a numeric character
 * reference, which markdown shows as the character itself (CommonMark "Entity and numeric character
 * references"; Feishu's rich-text page lists the same escapes for its special characters). Covered: HTML tags
 * and entities ({@code <at>}, {@code <font>}, {@code &}), emphasis and strikethrough ({@code * _ ~}), code
 * ({@code `}), links and images ({@code [ ] ( ) !}), headings, tables, escapes ({@code # | \}), emoji
 * shortcodes ({@code :DONE:}) and {@code $}. Line breaks become spaces: these words always stand on one line,
 * so nothing can start a list, quote or heading.
 */
final class LarkMarkdown {

    private static final String SPECIAL = "&<>*_~`[]()!#|\\:$";

    private LarkMarkdown() {
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (SPECIAL.indexOf(c) >= 0) {
                sb.append("&#").append((int) c).append(';');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
