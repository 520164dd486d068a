package io.warroom.alert.internal.thread;

import io.warroom.alert.internal.AlertGroup;
import io.warroom.alert.internal.AlertRepository;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.alert.internal.runbook.Runbooks;
import io.warroom.alert.internal.thread.ThreadRepository.Mode;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.directory.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps an alert group's chat presence current, in every destination of its route: one root message per
 * group and channel (claimed in the database, so it is posted once whatever the replicas), edited in place,
 * with one short line in its thread per change; or, during a storm, a line in the channel's digest.
 * Everything goes through the outbox in the caller's transaction.
 */
@Component
public class ThreadPublisher {

    private final Routing routing;
    private final Runbooks runbooks;
    private final AlertRepository alerts;
    private final ThreadRepository threads;
    private final Storms storms;
    private final AlertCard card;
    private final Outbox outbox;
    private final ChatLocales locales;
    private final Texts texts;
    private final Clock clock;

    ThreadPublisher(Routing routing, Runbooks runbooks, AlertRepository alerts, ThreadRepository threads, Storms storms,
                    AlertCard card, Outbox outbox, ChatLocales locales, Texts texts, Clock clock) {
        this.routing = routing;
        this.runbooks = runbooks;
        this.alerts = alerts;
        this.threads = threads;
        this.storms = storms;
        this.card = card;
        this.outbox = outbox;
        this.locales = locales;
        this.texts = texts;
        this.clock = clock;
    }

    public static String rootKey(long groupId) {
        return "alert:" + groupId;
    }

    /**
     * After a change to the group: makes sure it has its place in every destination (a group first seen
     * resolved gets none), edits the root or digest, and adds {@code lines} to its thread.
     * @param urgent a critical group started firing: its messages take the priority lane
     */
    public void refresh(AlertGroup g, List<Line> lines, boolean urgent) {
        Instant now = clock.instant();
        AlertCard.Details details = details(g);
        // Sorted, so notifications for different groups lock shared channels in one order (no deadlock).
        for (Conversation where : routing.byId(g.routeId()).to().stream()
                .sorted(java.util.Comparator.comparing((Conversation c) -> c.platform().id() + ":" + c.channel())).toList()) {
            Optional<ThreadRepository.Thread> thread = threads.thread(g.id(), where);
            List<Line> toPost = lines;
            if (thread.isEmpty()) {
                if (!g.firing()) {
                    continue;
                }
                thread = Optional.of(open(g, where, details, now));
                if (thread.get().mode() == Mode.ROOT) {
                    continue;
                }
            }
            if (thread.get().mode() == Mode.ROOT) {
                Locale l = locales.of(where);
                outbox.enqueue(Delivery.update(where, rootKey(g.id()), render(g, details, l, now),
                        urgent ? Priority.URGENT : Priority.ROUTINE));
                for (Line line : toPost) {
                    reply(where, rootKey(g.id()), OutboundMessage.text(text(line, l)), urgent ? Priority.URGENT : Priority.ROUTINE);
                }
            } else {
                storms.requestRefresh(thread.get().stormId(), now);
            }
        }
    }

    /** Posts {@code line} with mentions in the group's thread (or its storm digest's thread) everywhere: escalation. */
    public void notify(AlertGroup g, List<Person> people, Line line) {
        for (var thread : threads.threads(g.id())) {
            Locale l = locales.of(thread.where());
            var message = OutboundMessage.builder().tone(OutboundMessage.Tone.DANGER).text(text(line, l));
            people.forEach(p -> message.mention(p.mention()));
            String root = thread.mode() == Mode.ROOT ? rootKey(g.id()) : Storms.digestKey(thread.stormId());
            reply(thread.where(), root, message.build(), Priority.URGENT);
        }
    }

    /** Gives a group from a storm digest its own root in this channel (the digest's "Open" button). */
    public boolean promote(AlertGroup g, Conversation where) {
        if (!threads.promote(g.id(), where)) {
            return false;
        }
        Instant now = clock.instant();
        postRoot(g, where, details(g), now);
        return true;
    }

    private ThreadRepository.Thread open(AlertGroup g, Conversation where, AlertCard.Details details, Instant now) {
        // During a storm a new (non-critical) group simply joins it: nothing to count, so no lock. Otherwise
        // newcomers to the channel go one at a time, so the storm starts exactly at the threshold.
        Long stormId = g.critical() ? null : threads.openStorm(where).map(ThreadRepository.Storm::id).orElse(null);
        if (stormId == null) {
            threads.lockChannel(where);
            var existing = threads.thread(g.id(), where);
            if (existing.isPresent()) {
                return existing.get();
            }
            stormId = g.critical() ? null : storms.stormFor(where, now).orElse(null);
        }
        Mode mode = stormId == null ? Mode.ROOT : Mode.DIGEST;
        if (!threads.claim(g.id(), where, mode, stormId, now)) {
            return threads.thread(g.id(), where).orElseThrow();
        }
        if (mode == Mode.ROOT) {
            postRoot(g, where, details, now);
        } else {
            storms.joined(stormId, now);
        }
        return new ThreadRepository.Thread(g.id(), where, mode, stormId);
    }

    private void postRoot(AlertGroup g, Conversation where, AlertCard.Details details, Instant now) {
        Locale l = locales.of(where);
        Priority priority = g.critical() ? Priority.URGENT : Priority.NORMAL;
        outbox.enqueue(Delivery.post(where, rootKey(g.id()), render(g, details, l, now), priority));
        runbooks.forLabels(g.labels()).ifPresent(r -> {
            StringBuilder steps = new StringBuilder(texts.get(l, "alert.runbook.header"));
            List<String> list = r.steps(l);
            for (int i = 0; i < list.size(); i++) {
                steps.append('\n').append(i + 1).append(". ").append(list.get(i));
            }
            List<String> commands = r.commandsFor(g.labels());
            if (!commands.isEmpty()) {
                steps.append("\n\n").append(texts.get(l, "alert.runbook.commands"));
                commands.forEach(c -> steps.append("\n• /warroom ").append(c));
            }
            if (r.source() != null) {
                steps.append("\n\n").append(texts.get(l, "alert.runbook.source", r.source()));
            }
            String annotationSteps = g.commonAnnotations().get("steps");
            if (annotationSteps != null && !annotationSteps.isBlank()) {
                steps.append("\n\n").append(annotationSteps);
            }
            reply(where, rootKey(g.id()), OutboundMessage.text(steps.toString()), Priority.ROUTINE);
        });
    }

    private OutboundMessage render(AlertGroup g, AlertCard.Details details, Locale l, Instant now) {
        return card.root(g, details, runbooks.forLabels(g.labels()), l, now);
    }

    private void reply(Conversation where, String root, OutboundMessage message, Priority priority) {
        outbox.enqueue(Delivery.replyTo(where, root, null, message, priority));
    }

    String text(Line line, Locale l) {
        return texts.get(l, line.key(), line.args().toArray());
    }

    /** What tells this alert from the rest of its group (its instance, pod, host, else its own labels). */
    public static String target(java.util.Map<String, String> alertLabels, java.util.Map<String, String> groupLabels) {
        return Targets.describe(alertLabels, groupLabels);
    }

    public AlertCard.Details details(AlertGroup g) {
        List<String> targets = new ArrayList<>();
        String graph = null;
        Instant since = null;
        var labels = g.labels();
        // Firing first, oldest first: the first is when the group started firing, and the card shows only a few.
        for (var a : alerts.alertsOf(g.id(), AlertCard.SHOWN_TARGETS)) {
            boolean firing = a.status() == io.warroom.alert.internal.Notification.Status.FIRING;
            if (graph == null && firing) {
                graph = a.generatorUrl();
            }
            if (firing && (since == null || a.startsAt().isBefore(since))) {
                since = a.startsAt();
            }
            targets.add(target(a.labels(), labels) + (firing ? "" : " ✓"));
        }
        var route = routing.byId(g.routeId());
        return new AlertCard.Details(targets, g.firingCount() + g.resolvedCount(), graph,
                g.episodeStarted().plus(routing.deadline(route, g.severity())), since);
    }
}
