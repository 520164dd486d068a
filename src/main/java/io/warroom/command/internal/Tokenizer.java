package io.warroom.command.internal;

import io.warroom.command.UsageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits command text like a shell would, minus expansion: whitespace separates, single or double quotes
 * group (with backslash escapes inside double quotes). Chat clients often send typographic quotes; they
 * count as plain ones.
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        String s = normaliseQuotes(text);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    current.append(s.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unbalanced.quote", String.valueOf(quote));
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static String normaliseQuotes(String s) {
        return s.replace('\u201c', '"').replace('\u201d', '"').replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u00a0', ' ').replace('\u3000', ' ');
    }
}
