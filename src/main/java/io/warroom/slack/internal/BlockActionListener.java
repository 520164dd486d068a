package io.warroom.slack.internal;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Platform;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Button clicks. Nothing slow runs before Slack gets its answer: the click is stored as a task
 * ({@link SlackClickTask}) in one short transaction and acknowledged; the handler runs right after, once,
 * and the clicker sees the outcome as an ephemeral message. The "Open form" button of a form that could not
 * open by itself is acknowledged first too; its modal opens on another thread while the trigger is fresh.
 */
@Component
@OnSlack
class BlockActionListener implements SlackListener {

    private final SlackClickTask clicks;
    private final TransactionTemplate tx;
    private final FormReopener forms;

    BlockActionListener(SlackClickTask clicks, TransactionTemplate tx, FormReopener forms) {
        this.clicks = clicks;
        this.tx = tx;
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
                forms.reopenSoon(p.getUser().getId(), clicked.getValue(), p.getTriggerId());
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
            // trigger_id is unique per interaction and repeated on Slack's retries; without one, the click itself.
            String key = p.getTriggerId() != null ? p.getTriggerId()
                    : channel + ":" + messageTs + ":" + actor.userId() + ":" + clicked.getActionTs();
            tx.executeWithoutResult(s -> clicks.accept(action, here, key));
            return ctx.ack();
        });
    }
}
