package io.warroom.incident.internal;

import io.warroom.alert.AlertGroupFired;
import io.warroom.chat.ChatLocales;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The playbook's automatic rules on alerts. A group that starts firing with matching labels gets one durable
 * task, keyed by the group, in the alert's own transaction: the declaration happens once whichever replica
 * received the webhook, however often Alertmanager repeats it and whether or not the group fires again later.
 * The declaring itself runs outside the webhook's transaction, so intake stays fast during a storm.
 */
@Component
class AutoDeclare implements TaskHandler {

    static final String KIND = "incident.auto-declare";
    private static final Logger log = LoggerFactory.getLogger(AutoDeclare.class);

    private final Tasks tasks;
    private final Playbook playbook;
    private final AlertDeclarations declarations;
    private final ChatLocales locales;

    AutoDeclare(Tasks tasks, Playbook playbook, AlertDeclarations declarations, ChatLocales locales) {
        this.tasks = tasks;
        this.playbook = playbook;
        this.declarations = declarations;
        this.locales = locales;
    }

    @EventListener
    void on(AlertGroupFired fired) {
        playbook.alerts().autoFor(fired.labels()).ifPresent(rule ->
                tasks.schedule(KIND + ":" + fired.groupId(), KIND, fired.occurredAt(),
                        Map.of("group", fired.groupId(), "rule", rule.name())));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        String group = task.data().get("group");
        declarations.declareByRule(group, locales.defaultLocale()).ifPresentOrElse(
                d -> log.info("Alert group {} declared {} by rule {}", group, d.incidentId(), task.data().get("rule")),
                () -> log.info("Alert group {} no longer fires or matches rule {}; nothing declared", group,
                        task.data().get("rule")));
    }
}
