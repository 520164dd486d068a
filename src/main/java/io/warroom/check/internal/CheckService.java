package io.warroom.check.internal;

import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.check.CheckResults;
import io.warroom.check.CheckRunFinished;
import io.warroom.check.FailedCheck;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Directory;
import io.warroom.directory.OnDuty;
import io.warroom.directory.Person;
import io.warroom.shared.PublicIds;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a list of checks, records the run and its results, publishes {@link CheckRunFinished} (timeline
 * stream {@code checks:<list>}) and queues the report, all in one transaction: the scheduled task that
 * runs it commits them with its "done" mark, so a slot reports once.
 */
@Service
class CheckService implements CheckResults {

    private final CheckCatalog catalog;
    private final CheckRunner runner;
    private final CheckRunRepository repository;
    private final CheckReports reports;
    private final FailureThreads threads;
    private final Outbox outbox;
    private final ChatLocales locales;
    private final Directory directory;
    private final CheckProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckService(CheckCatalog catalog, CheckRunner runner, CheckRunRepository repository, CheckReports reports,
                 FailureThreads threads, Outbox outbox, ChatLocales locales, Directory directory, CheckProperties properties,
                 ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.runner = runner;
        this.repository = repository;
        this.reports = reports;
        this.threads = threads;
        this.outbox = outbox;
        this.locales = locales;
        this.directory = directory;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Runs {@code list} (or only {@code only} of it) and posts the report to {@code to}.
     * @param trigger schedule, command or rerun
     * @param slot    the scheduled time, for scheduled runs
     * @param by      who asked, or null for the schedule
     */
    @Transactional
    CheckReports.Run run(CheckList list, Check only, String trigger, Instant slot, String by, List<Conversation> to) {
        Instant started = clock.instant();
        List<CheckRunner.Outcome> outcomes = runner.run(only == null ? list.checks() : List.of(only));
        Instant finished = clock.instant();
        String publicId = PublicIds.next();
        int failed = (int) outcomes.stream().filter(o -> !o.verdict().ok()).count();
        long runId = repository.insertRun(publicId, list.id(), only == null ? null : only.id(), trigger, slot, by, started,
                finished, outcomes.size() - failed, failed);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            var o = outcomes.get(i);
            repository.insertResult(runId, i, o.check().id(), o.verdict());
            if (!o.verdict().ok()) {
                failures.add(o.check().id());
            }
        }
        events.publishEvent(new CheckRunFinished("checks:" + list.id(), finished, by == null ? "warroom" : by, publicId,
                list.id(), trigger, outcomes.size() - failed, failed, String.join(", ", failures)));
        var run = new CheckReports.Run(publicId, list, outcomes, slot != null ? slot : finished);
        List<Person> onCall = onCall();
        List<Person> mention = failed > 0 && list.onFailure().equals("mention") ? onCall : List.of();
        for (Conversation c : to) {
            outbox.enqueue(Delivery.post(c, null, reports.report(run, locales.of(c), mention), Priority.NORMAL));
        }
        if (list.onFailure().equals("thread") && only == null) {
            threads.update(run, properties.conversations(), onCall);
        }
        return run;
    }

    /** The first responder now: who a failed check should reach. */
    private List<Person> onCall() {
        List<OnDuty> duty = directory.onDuty(clock.instant());
        return duty.isEmpty() ? List.of() : List.of(duty.get(0).person());
    }

    @Override
    public List<FailedCheck> failedBetween(Instant from, Instant to, Locale locale) {
        return repository.failedBetween(from, to).stream().map(r -> {
            String name = catalog.list(r.listId()).flatMap(l -> l.checks().stream().filter(c -> c.id().equals(r.checkId())).findFirst())
                    .map(c -> c.names().in(locale)).orElse(r.checkId());
            return new FailedCheck(r.listId(), r.checkId(), name, r.at(), reports.verdict(r.verdict(), locale));
        }).toList();
    }
}
