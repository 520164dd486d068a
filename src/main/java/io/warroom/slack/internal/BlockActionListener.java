package io.warroom.slack.internal;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.InboundDeliveries;
import io.warroom.chat.Platform;
import io.warroom.directory.Directory;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Button clicks. The value is the opaque id the button carried; {@link ActionRouter} finds the handler,
 * which re-checks who clicked. The click is recorded under its {@code trigger_id} (unique per
 * interaction, repeated when Slack retries) in the handler's transaction, so a retried click has no
 * second effect. The outcome is shown to the clicker as an ephemeral message.
 */
@Component
@OnSlack
class BlockActionListener implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(BlockActionListener.class);

    private final ActionRouter router;
    private final Directory directory;
    private final InboundDeliveries deliveries;
    private final TransactionTemplate tx;
    private final ActionReplies replies;
    private final FormReopener forms;

    BlockActionListener(ActionRouter router, Directory directory, InboundDeliveries deliveries, TransactionTemplate tx,
                        ActionReplies replies, FormReopener forms) {
        this.router = router;
        this.directory = directory;
        this.deliveries = deliveries;
        this.tx = tx;
        this.replies = replies;
        this.forms = forms;
    }

    @Override
    public void register(App app) {
        app.blockAction(Pattern.compile(".+"), (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
                return ctx.ack();
            }
            var clicked = p.getActions().get(0);
            String actionId = BlockKitRenderer.originalActionId(clicked.getActionId());
            if (actionId.equals(SlackChatGateway.OPEN_FORM_ACTION)) {
                forms.reopen(p.getUser().getId(), clicked.getValue(), p.getTriggerId());
                return ctx.ack();
            }
            var container = p.getContainer();
            String channel = container != null && container.getChannelId() != null ? container.getChannelId()
                    : p.getChannel() != null ? p.getChannel().getId() : null;
            String messageTs = container == null ? null : container.getMessageTs();
            if (channel == null || messageTs == null) {
                // Buttons inside modals are not used by Warroom.
                return ctx.ack();
            }
            String parentTs = p.getMessage() != null && p.getMessage().getThreadTs() != null
                    ? p.getMessage().getThreadTs() : container.getThreadTs();
            // Results of the click go into the clicked message's thread; the clicker's note stays where they are.
            Conversation thread = new Conversation(Platform.SLACK, channel, parentTs != null ? parentTs : messageTs);
            Conversation here = new Conversation(Platform.SLACK, channel, parentTs);
            Actor actor = new Actor(Platform.SLACK, p.getUser().getId(), p.getUser().getUsername());
            InboundAction action = new InboundAction(thread, actor, actionId, clicked.getValue(), Map.of(), messageTs,
                    p.getTriggerId());
            directory.resolve(actor);
            try {
                tx.executeWithoutResult(status -> {
                    if (p.getTriggerId() != null && !deliveries.firstTime("slack", "action:" + p.getTriggerId())) {
                        return;
                    }
                    replies.tell(here, actor.userId(), router.route(action));
                });
            } catch (ActionRouter.UnknownActionException e) {
                log.warn("Slack click on unknown action {}", actionId);
            }
            return ctx.ack();
        });
    }
}
