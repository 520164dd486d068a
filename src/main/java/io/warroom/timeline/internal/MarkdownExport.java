package io.warroom.timeline.internal;

import io.warroom.timeline.TimelineEntry;
import io.warroom.timeline.Verification;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A timeline as a Markdown table, for pasting into a postmortem; the chain status is stated on top. */
@Component
class MarkdownExport {

    private final DateTimeFormatter format;

    MarkdownExport(@Value("${warroom.timezone:UTC}") String zone) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx").withZone(ZoneId.of(zone));
    }

    String render(String stream, List<TimelineEntry> entries, Verification verification) {
        StringBuilder md = new StringBuilder();
        md.append("# Timeline `").append(stream).append("`\n\n");
        if (verification.intact()) {
            md.append("Hash chain verified: ").append(entries.size()).append(" entries, intact.\n\n");
        } else {
            md.append("**Hash chain broken at entry ").append(verification.firstBrokenPosition()).append(": ")
                    .append(verification.reason()).append(".**\n\n");
        }
        md.append("| # | Time | Actor | Kind | What happened |\n|---|---|---|---|---|\n");
        for (TimelineEntry e : entries) {
            md.append("| ").append(e.position())
                    .append(" | ").append(format.format(e.occurredAt()))
                    .append(" | ").append(cell(e.actor()))
                    .append(" | ").append(cell(e.kind()))
                    .append(" | ").append(cell(e.summary()))
                    .append(" |\n");
        }
        if (!entries.isEmpty()) {
            md.append("\nLast hash: `").append(entries.get(entries.size() - 1).hash()).append("`\n");
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
