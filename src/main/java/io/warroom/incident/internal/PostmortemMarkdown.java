package io.warroom.incident.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The incident record as a Markdown document in the reader's language, with the runbook's headings. */
@Component
class PostmortemMarkdown {

    private final Texts texts;
    private final ChatTimes times;

    PostmortemMarkdown(Texts texts, ChatTimes times) {
        this.texts = texts;
        this.times = times;
    }

    String render(Postmortem p, Locale l) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(texts.get(l, "incident.record.title", p.id(), p.title())).append("\n\n");
        md.append(texts.get(l, "incident.record.summary", p.severity(), p.status())).append("\n\n");
        section(md, l, "incident.record.time");
        line(md, l, "incident.record.started", p.startedAt());
        line(md, l, "incident.record.identified", p.identifiedAt());
        line(md, l, "incident.record.mitigated", p.mitigatedAt());
        line(md, l, "incident.record.resolved", p.resolvedAt());
        if (p.resolvedAt() != null) {
            md.append("- ").append(texts.get(l, "incident.record.duration")).append(": ")
                    .append(times.duration(Duration.between(p.startedAt(), p.resolvedAt()), l)).append('\n');
        }
        line(md, l, "incident.record.closed", p.closedAt());
        md.append('\n');
        field(md, l, "incident.record.type", p.type());
        field(md, l, "incident.record.description", p.description());
        field(md, l, "incident.record.impact", p.impact());
        section(md, l, "incident.record.steps");
        if (!p.stages().isEmpty()) {
            md.append("| ").append(texts.get(l, "incident.record.stage")).append(" | ")
                    .append(texts.get(l, "incident.record.budget")).append(" | ")
                    .append(texts.get(l, "incident.record.took")).append(" | ")
                    .append(texts.get(l, "incident.record.done-by")).append(" |\n|---|---|---|---|\n");
            for (var s : p.stages()) {
                md.append("| ").append(cell(s.title())).append(" | ")
                        .append(times.duration(Duration.ofSeconds(s.budgetSeconds()), l)).append(" | ")
                        .append(s.seconds() == null ? "—" : times.duration(Duration.ofSeconds(s.seconds()), l)
                                + (s.overBudget() ? " " + texts.get(l, "incident.record.over-budget") : ""))
                        .append(" | ").append(s.how() == null ? "—" : cell(texts.get(l, "incident.checklist.how." + s.how())
                                + (s.by() == null || s.by().equals("Warroom") ? "" : ", " + s.by())))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("| ").append(texts.get(l, "incident.record.when")).append(" | ")
                .append(texts.get(l, "incident.record.who")).append(" | ")
                .append(texts.get(l, "incident.record.what")).append(" |\n|---|---|---|\n");
        for (var s : p.steps()) {
            md.append("| ").append(times.format(s.at())).append(" | ").append(cell(s.who())).append(" | ")
                    .append(cell(s.what())).append(" |\n");
        }
        md.append('\n');
        field(md, l, "incident.record.root-cause", p.rootCause());
        field(md, l, "incident.record.prevention", p.prevention());
        section(md, l, "incident.record.handlers");
        p.handlers().forEach(h -> md.append("- ").append(h.name()).append(": ").append(String.join(", ", h.parts())).append('\n'));
        md.append('\n');
        section(md, l, "incident.record.alerts");
        if (p.alerts().isEmpty()) {
            md.append(texts.get(l, "incident.record.no-alerts")).append("\n\n");
        } else {
            p.alerts().forEach(a -> md.append("- ").append(a).append('\n'));
            md.append('\n');
        }
        section(md, l, "incident.record.verification");
        for (var c : p.chains()) {
            md.append("- ").append(c.intact()
                    ? texts.get(l, "incident.record.chain.intact", c.label(), c.entries())
                    : "**" + texts.get(l, "incident.record.chain.broken", c.label(), c.brokenAt(), c.reason()) + "**");
            if (c.lastHash() != null) {
                md.append(texts.get(l, "incident.record.chain.last-hash", c.stream(), c.lastHash()));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private void section(StringBuilder md, Locale l, String key) {
        md.append("## ").append(texts.get(l, key)).append("\n\n");
    }

    private void field(StringBuilder md, Locale l, String key, String value) {
        section(md, l, key);
        md.append(value == null ? "_" + texts.get(l, "incident.record.missing") + "_" : value.strip()).append("\n\n");
    }

    private void line(StringBuilder md, Locale l, String key, Instant at) {
        if (at != null) {
            md.append("- ").append(texts.get(l, key)).append(": ").append(times.format(at)).append('\n');
        }
    }

    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
