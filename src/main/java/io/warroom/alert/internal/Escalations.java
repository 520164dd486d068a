package io.warroom.alert.internal;

import io.warroom.alert.AlertEscalated;
import io.warroom.alert.internal.routing.Escalation;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.alert.internal.thread.Line;
import io.warroom.alert.internal.thread.ThreadPublisher;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Acknowledgement deadlines and escalation chains, as durable tasks: one task per step, keyed by group,
 * episode, round, step and due time, so each step runs once across replicas and a restart resumes the
 * chain where it stood. A step re-checks the group when it runs: acknowledged, marked resolved or
 * resolved groups stop the chain; so does a silence, whose end starts it again if still needed.
 */
@Component
class Escalations implements TaskHandler {

    static final String KIND = "alert.escalate";

    private final AlertRepository repository;
    private final Routing routing;
    private final ThreadPublisher publisher;
    private final Directory directory;
    private final Tasks tasks;
    private final EscalationWebhooks webhooks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalations(AlertRepository repository, Routing routing, ThreadPublisher publisher, Directory directory, Tasks tasks,
                EscalationWebhooks webhooks, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.routing = routing;
        this.publisher = publisher;
        this.directory = directory;
        this.tasks = tasks;
        this.webhooks = webhooks;
        this.events = events;
        this.clock = clock;
    }

    /** Starts the chain: its first step is due at {@code from} plus the group's acknowledgement deadline. */
    void start(AlertGroup g, Instant from) {
        var route = routing.byId(g.routeId());
        Escalation chain = routing.escalation(route, g.severity());
        if (chain.steps().isEmpty()) {
            return;
        }
        schedule(g, 0, 0, from.plus(routing.deadline(route, g.severity())));
    }

    /** Stops whatever is pending of the group's chain (ack, resolve, silence). */
    void stop(AlertGroup g) {
        tasks.cancel(KIND + ":" + g.id() + ":");
    }

    private void schedule(AlertGroup g, int round, int step, Instant due) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("group", Long.toString(g.id()));
        data.put("episode", Integer.toString(g.episode()));
        data.put("round", Integer.toString(round));
        data.put("step", Integer.toString(step));
        tasks.schedule(KIND + ":" + g.id() + ":" + g.episode() + ":" + round + ":" + step + ":" + due.getEpochSecond(),
                KIND, due, data);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(Task task) {
        AlertGroup g = repository.lock(Long.parseLong(task.get("group"))).orElse(null);
        Instant now = clock.instant();
        if (g == null || g.episode() != Integer.parseInt(task.get("episode")) || !g.firing() || g.acked() || g.handled()) {
            return;
        }
        int round = Integer.parseInt(task.get("round"));
        int step = Integer.parseInt(task.get("step"));
        if (g.silenced(now)) {
            // The silence's end starts the chain again if the group still needs someone (SilenceEnds).
            return;
        }
        var route = routing.byId(g.routeId());
        Escalation chain = routing.escalation(route, g.severity());
        if (step >= chain.steps().size()) {
            return;
        }
        Escalation.Step s = chain.steps().get(step);
        List<Person> people = s.roles().stream().flatMap(r -> directory.withRole(r, now).stream()).distinct().toList();
        Duration waiting = Duration.between(g.episodeStarted(), now);
        publisher.notify(g, people, people.isEmpty()
                ? Line.of("alert.escalation.nobody", String.join(", ", s.roles()), Duration.ofSeconds(waiting.getSeconds()).toMinutes())
                : Line.of("alert.escalation.notify", Duration.ofSeconds(waiting.getSeconds()).toMinutes(), String.join(", ", s.roles())));
        if (s.webhook() != null) {
            webhooks.request(g, s.webhook().name(), round, step + 1, people, now);
        }
        events.publishEvent(new AlertEscalated(g.stream(), now, "warroom", g.publicId(), round, step + 1, s.roles(),
                people.stream().map(Person::id).toList(), s.webhook() == null ? null : s.webhook().name()));
        if (step + 1 < chain.steps().size()) {
            schedule(g, round, step + 1, now.plus(chain.steps().get(step + 1).after()));
        } else if (round < chain.repeat()) {
            schedule(g, round + 1, 0, now.plus(routing.deadline(route, g.severity())));
        }
    }
}
