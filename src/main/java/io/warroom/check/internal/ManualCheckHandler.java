package io.warroom.check.internal;

import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A run someone asked for ({@code /warroom check}, the "run again" button): queued as a task due at once,
 * so the command or click is answered within the platforms' few seconds and the run happens once, on one
 * replica, with the report posted where it was asked.
 */
@Component
class ManualCheckHandler implements TaskHandler {

    static final String KIND = "check.now";

    private final CheckCatalog catalog;
    private final CheckService checks;
    private final Tasks tasks;
    private final Clock clock;

    ManualCheckHandler(CheckCatalog catalog, CheckService checks, Tasks tasks, Clock clock) {
        this.catalog = catalog;
        this.checks = checks;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Queues a run of {@code list} (or one check of it) for {@code by}, reported in {@code where}. */
    void queue(CheckList list, Check only, String trigger, String by, Conversation where) {
        Map<String, String> data = new HashMap<>(Map.of("list", list.id(), "trigger", trigger, "by", by,
                "platform", where.platform().id(), "channel", where.channel()));
        if (only != null) {
            data.put("only", only.id());
        }
        if (where.thread() != null) {
            data.put("thread", where.thread());
        }
        tasks.schedule(KIND + ":" + UUID.randomUUID(), KIND, clock.instant(), data);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        var list = catalog.list(task.get("list"));
        if (list.isEmpty()) {
            return;
        }
        String onlyId = task.data().get("only");
        Check only = onlyId == null ? null
                : list.get().checks().stream().filter(c -> c.id().equals(onlyId)).findFirst().orElse(null);
        if (onlyId != null && only == null) {
            return;
        }
        var where = new Conversation(Platform.fromId(task.get("platform")), task.get("channel"), task.data().get("thread"));
        checks.run(list.get(), only, task.get("trigger"), null, task.get("by"), List.of(where));
    }
}
