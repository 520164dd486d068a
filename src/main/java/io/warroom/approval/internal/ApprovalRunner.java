package io.warroom.approval.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionResult;
import io.warroom.action.Progress;
import io.warroom.approval.ActionExecuted;
import io.warroom.approval.ActionFailed;
import io.warroom.approval.RolloutFinished;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutputTrimmer;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an approved action once it is claimed (state EXECUTING), outside the click's request: checks the
 * digest, calls the executor with the policy's identity, records the result, and follows a rollout to
 * its end. A crash while EXECUTING leaves the request there: it is never run a second time by itself.
 */
@Component
class ApprovalRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApprovalRunner.class);

    private final ApprovalRepository repository;
    private final ActionExecutors executors;
    private final CardUpdates cards;
    private final Outbox outbox;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Texts texts;
    private final ApprovalProperties properties;
    private final ChatTimes times;
    private final Clock clock;
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "warroom-approval");
        t.setDaemon(true);
        return t;
    });

    ApprovalRunner(ApprovalRepository repository, ActionExecutors executors, CardUpdates cards, Outbox outbox,
                   org.springframework.context.ApplicationEventPublisher events, TransactionTemplate tx, Texts texts,
                   ApprovalProperties properties, ChatTimes times, Clock clock) {
        this.repository = repository;
        this.executors = executors;
        this.cards = cards;
        this.outbox = outbox;
        this.events = events;
        this.tx = tx;
        this.texts = texts;
        this.properties = properties;
        this.times = times;
        this.clock = clock;
    }

    /** Starts the run once the claiming transaction has committed (never for a rolled-back claim). */
    void runAfterCommit(String publicId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                pool.execute(() -> run(publicId));
            }
        });
    }

    void run(String publicId) {
        ApprovalRecord r = repository.byPublicId(publicId).orElseThrow();
        if (r.state() != ApprovalRecord.State.EXECUTING) {
            return;
        }
        Locale l = r.locale();
        // The stored action is re-read and re-hashed: anything changed since the request means it does not run.
        if (!r.action().digest().equals(r.digest())) {
            failed(r, "TAMPERED", Text.of("approval.result.tampered"));
            return;
        }
        ActionResult result;
        try {
            result = executors.get(r.action().executor()).execute(r.action(), r.runAs());
        } catch (ActionException e) {
            failed(r, e.reason().name(), e.text());
            return;
        } catch (RuntimeException e) {
            log.error("Approved action {} failed unexpectedly", publicId, e);
            failed(r, "FAILED", Text.of("approval.result.unexpected", e.getClass().getSimpleName()));
            return;
        }
        tx.executeWithoutResult(s -> {
            repository.finish(r.id(), ApprovalRecord.State.EXECUTED, texts.get(l, result.summary()));
            events.publishEvent(new ActionExecuted(r.stream(), clock.instant(), "warroom", publicId,
                    r.action().describe(), r.runAs().impersonating() ? r.runAs().user() : "warroom",
                    texts.get(Locale.ENGLISH, result.summary()), result.summary()));
            cards.refresh(publicId);
            outbox.enqueue(Delivery.replyTo(r.conversation(), r.cardKey(), resultKey(r), resultMessage(r, result),
                    Priority.URGENT));
        });
        if (result.followable()) {
            follow(r, clock.instant().plus(properties.rolloutTimeout()), null);
        }
    }

    private void follow(ApprovalRecord r, Instant deadline, Progress last) {
        pool.schedule(() -> {
            try {
                Progress p = executors.get(r.action().executor()).progress(r.action(), r.runAs()).orElse(null);
                if (p == null) {
                    return;
                }
                boolean timedOut = !p.finished() && clock.instant().isAfter(deadline);
                if (!p.equals(last) || timedOut) {
                    tx.executeWithoutResult(s -> {
                        outbox.enqueue(Delivery.update(r.conversation(), resultKey(r), progressMessage(r, p, timedOut),
                                Priority.NORMAL));
                        if (p.finished() || timedOut) {
                            events.publishEvent(new RolloutFinished(r.stream(), clock.instant(), "warroom", r.publicId(),
                                    r.action().describe(), timedOut ? "TIMEOUT" : p.state().name(),
                                    texts.get(Locale.ENGLISH, p.summary())));
                            // The card itself says how the rollout ended, not only the thread.
                            repository.appendResult(r.id(), progressMessage(r, p, timedOut).text());
                            cards.refresh(r.publicId());
                        }
                    });
                }
                if (!p.finished() && !timedOut) {
                    follow(r, deadline, p);
                }
            } catch (RuntimeException e) {
                log.warn("Following rollout of {} failed: {}", r.publicId(), e.getMessage());
                if (clock.instant().isBefore(deadline)) {
                    follow(r, deadline, last);
                }
            }
        }, properties.followInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Records that the approved action did not run or failed: the card, its thread and the timeline say why.
     * A target that changed since the approval gets its own header, so nobody reads it as a broken cluster.
     */
    private void failed(ApprovalRecord r, String reason, Text why) {
        Locale l = r.locale();
        String message = texts.get(l, why);
        String header = reason.equals(ActionException.Reason.CHANGED.name()) ? "approval.result.header.changed"
                : "approval.result.header.failed";
        tx.executeWithoutResult(s -> {
            repository.finish(r.id(), ApprovalRecord.State.FAILED, message);
            events.publishEvent(new ActionFailed(r.stream(), clock.instant(), "warroom", r.publicId(),
                    r.action().describe(), reason, texts.get(Locale.ENGLISH, why), why));
            cards.refresh(r.publicId());
            outbox.enqueue(Delivery.replyTo(r.conversation(), r.cardKey(), resultKey(r), OutboundMessage.builder()
                    .tone(Tone.DANGER).header(texts.get(l, header, r.commandText()))
                    .text(message).build(), Priority.URGENT));
        });
    }

    private OutboundMessage resultMessage(ApprovalRecord r, ActionResult result) {
        Locale l = r.locale();
        var m = OutboundMessage.builder().tone(Tone.SUCCESS)
                .header(texts.get(l, "approval.result.header.ok", r.commandText()))
                .text(texts.get(l, result.summary()));
        result.lines().forEach(line -> m.field(texts.get(l, line.label()), texts.get(l, line.value())));
        if (!result.body().isEmpty()) {
            m.code(OutputTrimmer.trim(result.body(), false, r.locale(), texts));
        }
        if (result.sandbox()) {
            m.field(texts.get(r.locale(), "approval.sandbox"), texts.get(r.locale(), "approval.sandbox.note"));
        }
        return m.build();
    }

    private OutboundMessage progressMessage(ApprovalRecord r, Progress p, boolean timedOut) {
        Locale l = r.locale();
        String key = timedOut ? "approval.rollout.timeout" : switch (p.state()) {
            case IN_PROGRESS -> "approval.rollout.in-progress";
            case COMPLETE -> "approval.rollout.complete";
            case FAILED -> "approval.rollout.failed";
        };
        Tone tone = timedOut || p.state() == Progress.State.FAILED ? Tone.DANGER
                : p.state() == Progress.State.COMPLETE ? Tone.SUCCESS : Tone.INFO;
        var m = OutboundMessage.builder().tone(tone).header(r.commandText())
                .text(timedOut ? texts.get(l, key, times.duration(properties.rolloutTimeout(), l)) : texts.get(l, key, p.summary()));
        p.lines().forEach(line -> m.field(texts.get(l, line.label()), texts.get(l, line.value())));
        return m.build();
    }

    private static String resultKey(ApprovalRecord r) {
        return r.cardKey() + ":result";
    }

    /** Lets an action in flight finish (it must not be left half-done and EXECUTING); stops following rollouts. */
    @Override
    public void destroy() throws InterruptedException {
        if (pool instanceof java.util.concurrent.ScheduledThreadPoolExecutor scheduled) {
            scheduled.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("Approved actions still running at shutdown; they stay EXECUTING and are not re-run");
            pool.shutdownNow();
        }
    }
}
