package io.warroom.check.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Person;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * For lists with {@code on-failure: thread}: a failing check gets an alert-like card of its own in each
 * channel; later runs reply in its thread while it fails, and the card turns green when it recovers.
 */
@Component
class FailureThreads {

    private final CheckRunRepository repository;
    private final CheckReports reports;
    private final Outbox outbox;
    private final ChatLocales locales;

    FailureThreads(CheckRunRepository repository, CheckReports reports, Outbox outbox, ChatLocales locales) {
        this.repository = repository;
        this.reports = reports;
        this.outbox = outbox;
        this.locales = locales;
    }

    void update(CheckReports.Run run, List<Conversation> channels, List<Person> mention) {
        Instant at = run.at();
        for (CheckRunner.Outcome o : run.outcomes()) {
            CheckList list = run.list();
            Check check = o.check();
            var open = repository.failure(list.id(), check.id());
            if (!o.verdict().ok()) {
                if (open.isEmpty()) {
                    String key = "check-failure:" + list.id() + ":" + check.id() + ":" + at.toEpochMilli();
                    repository.openFailure(list.id(), check.id(), at, key);
                    for (Conversation c : channels) {
                        outbox.enqueue(Delivery.post(c, key, reports.failureCard(list, check, o.verdict(), at, false,
                                locales.of(c), mention), Priority.NORMAL));
                    }
                } else {
                    for (Conversation c : channels) {
                        outbox.enqueue(Delivery.replyTo(c, open.get().threadKey(), null,
                                reports.stillFailing(o.verdict(), at, locales.of(c)), Priority.NORMAL));
                    }
                }
            } else if (open.isPresent() && repository.closeFailure(list.id(), check.id(), open.get().threadKey())) {
                for (Conversation c : channels) {
                    outbox.enqueue(Delivery.replyTo(c, open.get().threadKey(), null,
                            reports.recovered(o.verdict(), at, locales.of(c)), Priority.NORMAL));
                    outbox.enqueue(Delivery.update(c, open.get().threadKey(), reports.failureCard(list, check, o.verdict(),
                            open.get().failingSince(), true, locales.of(c), List.of()), Priority.NORMAL));
                }
            }
        }
    }
}
