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
import java.util.LinkedHashMap;
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
 * ({@code response_action: errors}, keyed by block id); a refusal is shown on the first field. Runs in the
 * request, which Slack gives 3 s: handlers must be quick.
 */
@Component
@OnSlack
class ViewSubmissionListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ViewSubmissionListener.class);

    private final ActionRouter router;
    private final Directory directory;
    private final InboundDeliveries deliveries;
    private final TransactionTemplate tx;
    private final ActionReplies replies;

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
            directory.resolve(actor);
            ActionOutcome outcome;
            try {
                outcome = tx.execute(status -> {
                    if (p.getTriggerId() != null && !deliveries.firstTime("slack", "view:" + p.getTriggerId())) {
                        return null;
                    }
                    ActionOutcome o = router.route(new InboundAction(where, actor, meta.formId(), "", values, null,
                            p.getTriggerId()));
                    if (o.kind() == ActionOutcome.Kind.INVALID) {
                        // Nothing happened: a corrected resubmission must not look like a repeat.
                        status.setRollbackOnly();
                    } else if (o.kind() == ActionOutcome.Kind.DONE) {
                        replies.tell(where, actor.userId(), o);
                    }
                    return o;
                });
            } catch (ActionRouter.UnknownActionException e) {
                log.warn("Slack form {} has no handler", meta.formId());
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
                replies.tell(where, actor.userId(), outcome);
                return ctx.ack();
            }
            return ctx.ackWithErrors(Map.of(firstBlock, message));
        });
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
