package io.warroom.chat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Fits command output into a chat message and says how much was cut. */
public final class OutputTrimmer {

    static final int MAX_LINES = 40;
    static final int MAX_CHARS = 2800;

    private OutputTrimmer() {
    }

    /** {@code keepEnd}: logs are read from the end, tables and lists from the top. */
    public static String trim(String body, boolean keepEnd, Locale locale, Texts texts) {
        List<String> lines = Arrays.asList(body.split("\n", -1));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1);
        }
        int total = lines.size();
        List<String> kept = keepEnd ? lines.subList(Math.max(0, total - MAX_LINES), total) : lines.subList(0, Math.min(total, MAX_LINES));
        StringBuilder out = new StringBuilder();
        int shown = 0;
        if (keepEnd) {
            // Walk backwards so the newest lines survive the character limit.
            StringBuilder rev = new StringBuilder();
            for (int i = kept.size() - 1; i >= 0; i--) {
                String line = kept.get(i);
                if (rev.length() + line.length() + 1 > MAX_CHARS) {
                    break;
                }
                rev.insert(0, line + "\n");
                shown++;
            }
            out.append(rev);
        } else {
            for (String line : kept) {
                if (out.length() + line.length() + 1 > MAX_CHARS) {
                    break;
                }
                out.append(line).append('\n');
                shown++;
            }
        }
        int cut = total - shown;
        if (cut > 0) {
            String note = texts.get(locale, keepEnd ? "output.cut.start" : "output.cut.end", cut);
            return keepEnd ? note + "\n" + out.toString().stripTrailing() : out.toString().stripTrailing() + "\n" + note;
        }
        return out.toString().stripTrailing();
    }
}
