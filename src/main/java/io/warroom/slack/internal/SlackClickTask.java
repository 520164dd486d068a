package io.warroom.slack.internal;

import io.warroom.chat.ActionRouter;
import io.warroom.chat.Actor;
import io.warroom.chat.Conversation;
import io.warroom.chat.InboundAction;
import io.warroom.chat.Platform;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A Slack button click, run after Slack got its answer. The listener stores the click as a task due now,
 * keyed by the interaction's {@code trigger_id} (Slack repeats it when it retries), and acknowledges at once;
 * the task runner claims it once across replicas and routes it here, where the handler's work, the note to
 * the clicker (an ephemeral message through the outbox) and the task's "done" mark commit together. So no
 * click runs before the ack (Slack's 3-second {@code dispatch_failed} window), none runs twice, and a crash
 * after the ack loses none.
 */
@Component
@OnSlack
class SlackClickTask implements TaskHandler {

    static final String KIND = "slack.click";
    private static final Logger log = LoggerFactory.getLogger(SlackClickTask.class);

    private final Tasks tasks;
    private final ActionRouter router;
    private final ActionReplies replies;
    private final Clock clock;

    SlackClickTask(Tasks tasks, ActionRouter router, ActionReplies replies, Clock clock) {
        this.tasks = tasks;
        this.router = router;
        this.replies = replies;
        this.clock = clock;
    }

    /**
     * Stores the click; {@code here} is where the clicker is told the outcome. Joins the caller's transaction.
     * @return false when this click was stored before (a retry by Slack)
     */
    boolean accept(InboundAction click, Conversation here, String dedupeKey) {
        Map<String, String> data = new HashMap<>();
        data.put("channel", click.conversation().channel());
        put(data, "thread", click.conversation().thread());
        put(data, "here", here.thread());
        data.put("user", click.actor().userId());
        put(data, "name", click.actor().displayName());
        data.put("action", click.actionId());
        data.put("value", click.value());
        put(data, "message", click.messageRef());
        put(data, "trigger", click.trigger());
        return tasks.schedule(KIND + ":" + dedupeKey, KIND, clock.instant(), data);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        Map<String, String> d = task.data();
        String channel = task.get("channel");
        InboundAction click = new InboundAction(new Conversation(Platform.SLACK, channel, d.get("thread")),
                new Actor(Platform.SLACK, task.get("user"), d.get("name")), task.get("action"),
                d.getOrDefault("value", ""), Map.of(), d.get("message"), d.get("trigger"));
        try {
            replies.tell(new Conversation(Platform.SLACK, channel, d.get("here")), click.actor().userId(),
                    router.route(click));
        } catch (ActionRouter.UnknownActionException e) {
            log.warn("Slack click on unknown action {}", click.actionId());
        }
    }

    private static void put(Map<String, String> data, String key, String value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
