package io.warroom.check.internal;

import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.directory.Person;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The report of a run: one line when everything passed; otherwise what failed, each with its details, the
 * on-call engineer mentioned if the list says so, and a button to run the checks again.
 */
@Component
class CheckReports {

    static final String RERUN = "check.rerun";

    private final Texts texts;
    private final ChatTimes times;

    CheckReports(Texts texts, ChatTimes times) {
        this.texts = texts;
        this.times = times;
    }

    /** A finished run as the report needs it. */
    record Run(String publicId, CheckList list, List<CheckRunner.Outcome> outcomes, Instant at) {
        long failed() {
            return outcomes.stream().filter(o -> !o.verdict().ok()).count();
        }
    }

    OutboundMessage report(Run run, Locale l, List<Person> mention) {
        String when = times.format(run.at());
        int total = run.outcomes().size();
        long failed = run.failed();
        var m = OutboundMessage.builder();
        if (failed == 0) {
            m.tone(OutboundMessage.Tone.SUCCESS).text(texts.get(l, "check.report.green", run.list().name(l), when, total));
        } else {
            m.tone(OutboundMessage.Tone.DANGER)
                    .header(texts.get(l, "check.report.header", run.list().name(l), when, failed, total))
                    .text(texts.get(l, "check.report.passed", total - failed));
            for (CheckRunner.Outcome o : run.outcomes()) {
                if (!o.verdict().ok()) {
                    m.field(o.check().names().in(l), verdict(o.verdict(), l)
                            + (o.check().runbook() == null ? "" : "\n" + texts.get(l, "check.report.runbook", o.check().runbook())));
                }
            }
            mention.forEach(p -> m.mention(p.mention()));
        }
        m.button(RERUN, texts.get(l, "check.report.rerun"), run.publicId(), OutboundMessage.Style.DEFAULT);
        return m.build();
    }

    /** The card of a check failing on its own thread, while it fails and once it recovered. */
    OutboundMessage failureCard(CheckList list, Check check, Verdict v, Instant since, boolean recovered, Locale l,
                                List<Person> mention) {
        var m = OutboundMessage.builder()
                .tone(recovered ? OutboundMessage.Tone.SUCCESS : OutboundMessage.Tone.DANGER)
                .header(texts.get(l, recovered ? "check.failure.recovered.header" : "check.failure.header",
                        check.names().in(l)))
                .text(verdict(v, l))
                .field(texts.get(l, "check.failure.list"), list.name(l))
                .field(texts.get(l, "check.failure.since"), times.format(since));
        if (check.runbook() != null) {
            m.field(texts.get(l, "check.failure.runbook"), check.runbook());
        }
        if (!recovered) {
            mention.forEach(p -> m.mention(p.mention()));
        }
        return m.build();
    }

    OutboundMessage stillFailing(Verdict v, Instant at, Locale l) {
        return OutboundMessage.builder().tone(OutboundMessage.Tone.WARNING)
                .text(texts.get(l, "check.failure.still", times.format(at), verdict(v, l))).build();
    }

    OutboundMessage recovered(Verdict v, Instant at, Locale l) {
        return OutboundMessage.builder().tone(OutboundMessage.Tone.SUCCESS)
                .text(texts.get(l, "check.failure.recovered", times.format(at), verdict(v, l))).build();
    }

    String verdict(Verdict v, Locale l) {
        return texts.get(l, v.key(), v.args().toArray());
    }
}
