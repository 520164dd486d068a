package io.warroom.slack.internal;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.model.view.ViewState;
import io.warroom.chat.ActionOutcome;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundDeliveries;
import io.warroom.chat.Platform;
import io.warroom.directory.Directory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Modal submissions: the form id is the action id, the conversation comes from {@code private_metadata}
 * and the values from {@code view.state.values} (input name = block id). Field errors keep the modal open
 * ({@code response_action: errors}, keyed by block id); a refusal is shown on the first field.
 *
 * <p>Only this answer can keep a modal open, so the handler runs while Slack waits, but never past
 * {@link #BUDGET}: a submission still running then is acknowledged (the modal closes), finishes on its own
 * thread, and its outcome, errors included, reaches the person as an ephemeral message. The submission is
 * recorded under its {@code trigger_id} in the handler's transaction, so a retry by Slack has no second effect.
 */
@Component
@OnSlack
class ViewSubmissionListener implements SlackListener, DisposableBean {

    /** How long Slack's answer may wait for the handler: Slack gives up after 3 s, the network needs the rest. */
    static final Duration BUDGET = Duration.ofMillis(2000);
    private static final Logger log = LoggerFactory.getLogger(ViewSubmissionListener.class);

    private final ActionRouter router;
    private final Directory directory;
    private final InboundDeliveries deliveries;
    private final TransactionTemplate tx;
    private final ActionReplies replies;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "warroom-slack-submission");
        t.setDaemon(true);
        return t;
    });

    ViewSubmissionListener(ActionRouter router, Directory directory, InboundDeliveries deliveries,
                           TransactionTemplate tx, ActionReplies replies) {
        this.router = router;
        this.directory = directory;
        this.deliveries = deliveries;
        this.tx = tx;
        this.replies = replies;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(Pattern.compile(".+"), (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            var view = p.getView();
            FormMetadata meta = view == null ? null : FormMetadata.parse(view.getPrivateMetadata());
            if (meta == null || p.getUser() == null || !meta.formId().equals(view.getCallbackId())) {
                log.warn("Ignored a view submission that Warroom did not open (callback {})",
                        view == null ? null : view.getCallbackId());
                return ctx.ack();
            }
            Map<String, String> values = values(view.getState());
            Actor actor = new Actor(Platform.SLACK, p.getUser().getId(), p.getUser().getUsername());
            Conversation where = meta.conversation();
            InboundAction submission = new InboundAction(where, actor, meta.formId(), "", values, null, p.getTriggerId());
            CompletableFuture<ActionOutcome> running = CompletableFuture.supplyAsync(() -> submit(submission), workers);
            ActionOutcome outcome;
            try {
                outcome = running.get(BUDGET.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("Slack form {} took longer than {} ms: closing the modal, the outcome follows as a message",
                        meta.formId(), BUDGET.toMillis());
                running.thenAccept(late -> tellLate(where, actor, late));
                return ctx.ack();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ActionRouter.UnknownActionException) {
                    log.warn("Slack form {} has no handler", meta.formId());
                    return ctx.ack();
                }
                throw new IllegalStateException("Slack form " + meta.formId() + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ctx.ack();
            }
            if (outcome == null || outcome.kind() == ActionOutcome.Kind.DONE) {
                return ctx.ack();
            }
            if (outcome.kind() == ActionOutcome.Kind.INVALID && !outcome.fieldErrors().isEmpty()) {
                return ctx.ackWithErrors(outcome.fieldErrors());
            }
            String firstBlock = values.keySet().stream().findFirst().orElse(null);
            String message = outcome.message() != null ? outcome.message()
                    : String.join("; ", outcome.fieldErrors().values());
            if (firstBlock == null) {
                tx.executeWithoutResult(s -> replies.tell(where, actor.userId(), outcome));
                return ctx.ack();
            }
            return ctx.ackWithErrors(Map.of(firstBlock, message));
        });
    }

    /** Runs the handler once per trigger; null when this submission was handled before (Slack retried it). */
    private ActionOutcome submit(InboundAction submission) {
        directory.resolve(submission.actor());
        return tx.execute(status -> {
            if (submission.trigger() != null && !deliveries.firstTime("slack", "view:" + submission.trigger())) {
                return null;
            }
            ActionOutcome o = router.route(submission);
            if (o.kind() == ActionOutcome.Kind.INVALID) {
                // Nothing happened: a corrected resubmission must not look like a repeat.
                status.setRollbackOnly();
            } else if (o.kind() == ActionOutcome.Kind.DONE) {
                replies.tell(submission.conversation(), submission.actor().userId(), o);
            }
            return o;
        });
    }

    /** The modal is closed by now: whatever the outcome says, the person reads it as a message. */
    private void tellLate(Conversation where, Actor actor, ActionOutcome outcome) {
        if (outcome != null && outcome.kind() != ActionOutcome.Kind.DONE) {
            tx.executeWithoutResult(s -> replies.tell(where, actor.userId(), outcome));
        }
    }

    @Override
    public void destroy() {
        workers.shutdown();
    }

    /** Input name → value: text as typed, a select's chosen value, checkboxes' chosen values joined by commas. */
    static Map<String, String> values(ViewState state) {
        Map<String, String> result = new LinkedHashMap<>();
        if (state == null || state.getValues() == null) {
            return result;
        }
        state.getValues().forEach((blockId, actions) -> actions.values().stream().findFirst().ifPresent(v -> {
            String value;
            if (v.getSelectedOption() != null) {
                value = v.getSelectedOption().getValue();
            } else if (v.getSelectedOptions() != null) {
                value = v.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue)
                        .collect(Collectors.joining(","));
            } else {
                value = v.getValue();
            }
            result.put(blockId, value == null ? "" : value);
        }));
        return result;
    }
}
