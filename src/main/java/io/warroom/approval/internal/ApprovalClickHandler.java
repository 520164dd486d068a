package io.warroom.approval.internal;

import io.warroom.approval.ApprovalCancelled;
import io.warroom.approval.ApprovalClickRefused;
import io.warroom.approval.ApprovalGranted;
import io.warroom.approval.ApprovalRejected;
import io.warroom.chat.ActionHandler;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Platform;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Approve / Reject / Cancel clicks. Each click is judged afresh from the stored request and the directory
 * (a button proves nothing); the request row is locked while a click is judged, and the move out of
 * PENDING is a conditional update, so exactly one click starts the action.
 */
@Component
class ApprovalClickHandler implements ActionHandler {

    private final ApprovalRepository repository;
    private final Policies policies;
    private final Directory directory;
    private final CardUpdates cards;
    private final ApprovalRunner runner;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Texts texts;
    private final ChatLocales locales;
    private final Clock clock;
    private final boolean consoleExposed;

    ApprovalClickHandler(ApprovalRepository repository, Policies policies, Directory directory, CardUpdates cards,
                         ApprovalRunner runner, ApplicationEventPublisher events, TransactionTemplate tx, Texts texts,
                         ChatLocales locales, Clock clock,
                         @Value("${warroom.console.expose:false}") boolean consoleExposed) {
        this.repository = repository;
        this.policies = policies;
        this.directory = directory;
        this.cards = cards;
        this.runner = runner;
        this.events = events;
        this.tx = tx;
        this.texts = texts;
        this.locales = locales;
        this.clock = clock;
        this.consoleExposed = consoleExposed;
    }

    @Override
    public String prefix() {
        return "approval.";
    }

    @Override
    public ActionOutcome handle(InboundAction click) {
        return tx.execute(status -> judge(click));
    }

    private ActionOutcome judge(InboundAction click) {
        // The clicker reads the toast: in the language of where they clicked, not of where it was asked.
        Locale l = locales.of(click.conversation());
        var record = repository.lock(click.value()).orElse(null);
        if (record == null) {
            return ActionOutcome.refused(texts.get(l, "approval.refused.missing"));
        }
        Person person = directory.resolve(click.actor()).orElse(null);
        // Anyone who reaches an exposed console can pick any identity: its clicks cannot count as a second person.
        if (person == null || (consoleExposed && click.actor().platform() == Platform.CONSOLE)) {
            return refuse(record, click, null, Text.of("approval.refused.unknown-person"));
        }
        Instant now = clock.instant();
        if (!record.state().open()) {
            Text state = Text.of("approval.state." + record.state().name().toLowerCase(Locale.ROOT));
            return refuse(record, click, person, Text.of("approval.refused.closed", state));
        }
        if (!record.expiresAt().isAfter(now)) {
            return refuse(record, click, person, Text.of("approval.refused.expired"));
        }
        Policy policy = policies.byId(record.policyId()).orElse(null);
        return switch (click.actionId()) {
            case ApprovalCard.APPROVE -> approve(record, policy, click, person, now);
            case ApprovalCard.REJECT -> reject(record, policy, click, person, now);
            case ApprovalCard.CANCEL -> cancel(record, policy, click, person, now);
            default -> refuse(record, click, person, Text.of("approval.refused.missing"));
        };
    }

    private ActionOutcome approve(ApprovalRecord r, Policy policy, InboundAction click, Person person, Instant now) {
        Locale l = locales.of(click.conversation());
        if (person.id().equals(r.requester())) {
            return refuse(r, click, person, Text.of("approval.refused.own"));
        }
        if (policy == null || !policy.approvers().includes(person, directory, now)) {
            Text who = policy == null ? Text.plain("—") : policy.approvers().describe();
            return refuse(r, click, person, Text.of("approval.refused.not-approver", who));
        }
        if (!repository.vote(r.id(), person.id(), click.actor().platform(), now)) {
            return refuse(r, click, person, Text.of("approval.refused.voted"));
        }
        int votes = repository.voters(r.id()).size();
        events.publishEvent(new ApprovalGranted(r.stream(), now, person.id(), r.publicId(), r.action().describe(),
                votes, r.approvalsNeeded()));
        if (votes < r.approvalsNeeded()) {
            var card = cards.refresh(r.publicId());
            return ActionOutcome.done(texts.get(l, "approval.toast.voted", votes, r.approvalsNeeded())).withCard(card);
        }
        if (!repository.decide(r.id(), ApprovalRecord.State.EXECUTING, person.id(), now)) {
            return refuse(r, click, person, Text.of("approval.refused.closed", Text.of("approval.state.executing")));
        }
        var card = cards.refresh(r.publicId());
        runner.runAfterCommit(r.publicId());
        return ActionOutcome.done(texts.get(l, "approval.toast.approved")).withCard(card);
    }

    private ActionOutcome reject(ApprovalRecord r, Policy policy, InboundAction click, Person person, Instant now) {
        Locale l = locales.of(click.conversation());
        boolean approver = policy != null && policy.approvers().includes(person, directory, now)
                && !person.id().equals(r.requester());
        if (!approver) {
            Text who = policy == null ? Text.plain("—") : policy.approvers().describe();
            return refuse(r, click, person, Text.of("approval.refused.not-approver", who));
        }
        if (!repository.decide(r.id(), ApprovalRecord.State.REJECTED, person.id(), now)) {
            return refuse(r, click, person, Text.of("approval.refused.expired"));
        }
        events.publishEvent(new ApprovalRejected(r.stream(), now, person.id(), r.publicId(), r.action().describe()));
        var card = cards.refresh(r.publicId());
        return ActionOutcome.done(texts.get(l, "approval.toast.rejected")).withCard(card);
    }

    private ActionOutcome cancel(ApprovalRecord r, Policy policy, InboundAction click, Person person, Instant now) {
        Locale l = locales.of(click.conversation());
        if (!person.id().equals(r.requester())) {
            return refuse(r, click, person, Text.of("approval.refused.not-requester"));
        }
        if (policy != null && !policy.requesterMayCancel()) {
            return refuse(r, click, person, Text.of("approval.refused.cancel-not-allowed"));
        }
        if (!repository.decide(r.id(), ApprovalRecord.State.CANCELLED, person.id(), now)) {
            return refuse(r, click, person, Text.of("approval.refused.expired"));
        }
        events.publishEvent(new ApprovalCancelled(r.stream(), now, person.id(), r.publicId(), r.action().describe()));
        var card = cards.refresh(r.publicId());
        return ActionOutcome.done(texts.get(l, "approval.toast.cancelled")).withCard(card);
    }

    /** The clicker reads why in their language; the timeline records it in English, like every entry. */
    private ActionOutcome refuse(ApprovalRecord r, InboundAction click, Person person, Text reason) {
        String actor = person != null ? person.id() : click.actor().platform().id() + ":" + click.actor().userId();
        events.publishEvent(new ApprovalClickRefused(r.stream(), clock.instant(), actor, r.publicId(),
                click.actionId().substring(prefix().length()), texts.get(Locale.ENGLISH, reason)));
        return ActionOutcome.refused(texts.get(locales.of(click.conversation()), reason));
    }
}
