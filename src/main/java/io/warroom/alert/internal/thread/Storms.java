package io.warroom.alert.internal.thread;

import io.warroom.alert.AlertStormEnded;
import io.warroom.alert.AlertStormStarted;
import io.warroom.alert.internal.AlertGroup;
import io.warroom.alert.internal.AlertRepository;
import io.warroom.alert.internal.AlertsProperties;
import io.warroom.chat.ChatLocales;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Texts;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import io.warroom.schedule.Task;
import io.warroom.schedule.TaskHandler;
import io.warroom.schedule.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Alert storms: when more than the threshold of new groups arrive in one channel within the window, new
 * (non-critical) groups join one digest message for that channel, edited in place, instead of each
 * posting a root. The storm ends after a quiet period without new groups (a durable task checks).
 */
@Component
class Storms implements TaskHandler {

    static final String END = "alert.storm-end";
    private static final int OPEN_BUTTONS = 5;
    private static final int LISTED = 10;

    private final ThreadRepository threads;
    private final AlertRepository alerts;
    private final Outbox outbox;
    private final Tasks tasks;
    private final ChatLocales locales;
    private final ChatTimes times;
    private final Texts texts;
    private final ApplicationEventPublisher events;
    private final AlertsProperties.Storm settings;
    private final Clock clock;

    Storms(ThreadRepository threads, AlertRepository alerts, Outbox outbox, Tasks tasks, ChatLocales locales,
           ChatTimes times, Texts texts, ApplicationEventPublisher events, AlertsProperties properties, Clock clock) {
        this.threads = threads;
        this.alerts = alerts;
        this.outbox = outbox;
        this.tasks = tasks;
        this.locales = locales;
        this.times = times;
        this.texts = texts;
        this.events = events;
        this.settings = properties.storm();
        this.clock = clock;
    }

    static String digestKey(long stormId) {
        return "alert-storm:" + stormId;
    }

    /** The storm a new group in this channel joins: the open one, or one this group starts. */
    Optional<Long> stormFor(Conversation where, Instant now) {
        var open = threads.openStorm(where);
        if (open.isPresent()) {
            return Optional.of(open.get().id());
        }
        if (threads.newThreadsSince(where, now.minus(settings.window())) < settings.threshold()) {
            return Optional.empty();
        }
        boolean started = threads.startStorm(where, now);
        var storm = threads.openStorm(where).orElseThrow();
        if (started) {
            Locale l = locales.of(where);
            outbox.enqueue(Delivery.post(where, digestKey(storm.id()), digest(storm, List.of(), l, now), Priority.NORMAL));
            requestRefresh(storm.id(), now);
            events.publishEvent(new AlertStormStarted("conversation:" + where.platform().id() + ":" + where.channel(),
                    now, "warroom", where.platform().id(), where.channel(), storm.id(), settings.threshold()));
            scheduleEnd(storm.id(), now.plus(settings.quiet()));
        }
        return Optional.of(storm.id());
    }

    void joined(long stormId, Instant now) {
        requestRefresh(stormId, now);
    }

    /**
     * Asks for the digest to be rebuilt within a couple of seconds. During a storm every notification would
     * otherwise rebuild it from all its groups; one durable task per storm and two-second slot does it once
     * for everything that arrived in that slot (the outbox then coalesces the edits, too).
     */
    void requestRefresh(long stormId, Instant now) {
        long slot = now.getEpochSecond() / 2;
        String key = DigestRefresh.KIND + ":" + stormId + ":" + slot;
        // Read first: notifications of one storm would otherwise all queue on the same unique key.
        if (!tasks.exists(key)) {
            tasks.schedule(key, DigestRefresh.KIND, Instant.ofEpochSecond((slot + 1) * 2), Map.of("storm", Long.toString(stormId)));
        }
    }

    void refreshDigest(long stormId) {
        var storm = threads.storm(stormId).orElseThrow();
        List<AlertGroup> groups = alerts.ofStorm(stormId);
        Locale l = locales.of(storm.where());
        outbox.enqueue(Delivery.update(storm.where(), digestKey(stormId), digest(storm, groups, l, clock.instant()),
                Priority.ROUTINE));
    }

    private OutboundMessage digest(ThreadRepository.Storm storm, List<AlertGroup> groups, Locale l, Instant now) {
        List<AlertGroup> firing = groups.stream().filter(AlertGroup::firing)
                .sorted(Comparator.comparingInt((AlertGroup g) -> -AlertGroup.Severity.rank(g.severity()))
                        .thenComparingInt(g -> -g.firingCount()))
                .toList();
        int alertsFiring = firing.stream().mapToInt(AlertGroup::firingCount).sum();
        long critical = firing.stream().filter(AlertGroup::critical).count();
        boolean over = storm.endedAt() != null;
        var m = OutboundMessage.builder()
                .tone(over ? OutboundMessage.Tone.NEUTRAL : critical > 0 ? OutboundMessage.Tone.DANGER : OutboundMessage.Tone.WARNING)
                .header(texts.get(l, over ? "alert.storm.header-over" : "alert.storm.header", alertsFiring, firing.size(), groups.size()))
                .text(texts.get(l, "alert.storm.text", times.format(storm.startedAt()),
                        times.duration(Duration.between(storm.startedAt(), over ? storm.endedAt() : now), l)));
        if (!firing.isEmpty()) {
            String listed = firing.stream().limit(LISTED)
                    .map(g -> g.publicId() + " [" + g.severity() + "] " + g.title() + " (" + g.firingCount() + ")")
                    .collect(Collectors.joining("\n"));
            if (firing.size() > LISTED) {
                listed += "\n" + texts.get(l, "alert.card.more", firing.size() - LISTED);
            }
            m.field(texts.get(l, "alert.storm.groups", critical), listed);
            m.field(texts.get(l, "alert.storm.top"), topContexts(firing));
        }
        m.field(texts.get(l, "alert.storm.how"), texts.get(l, "alert.storm.how-text"));
        firing.stream().limit(OPEN_BUTTONS).forEach(g -> m.button(AlertActions.OPEN,
                texts.get(l, "alert.button.open", g.publicId()), Long.toString(g.id()), OutboundMessage.Style.DEFAULT));
        return m.build();
    }

    /** The label values the storm's groups share most (service, namespace, ...), with counts. */
    private static String topContexts(List<AlertGroup> groups) {
        Map<String, Integer> counts = new HashMap<>();
        for (AlertGroup g : groups) {
            var labels = g.labels();
            AlertGroup.CONTEXT.stream().map(k -> labels.get(k) == null ? null : k + "=" + labels.get(k))
                    .filter(v -> v != null).forEach(v -> counts.merge(v, g.firingCount(), Integer::sum));
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("\n"));
    }

    private void scheduleEnd(long stormId, Instant at) {
        tasks.schedule(END + ":" + stormId + ":" + at.getEpochSecond(), END, at, Map.of("storm", Long.toString(stormId)));
    }

    @Override
    public String kind() {
        return END;
    }

    /** Ends the storm after a quiet period, or looks again when the last new group plus the quiet period is up. */
    @Override
    public void run(Task task) {
        long id = Long.parseLong(task.get("storm"));
        var storm = threads.storm(id).orElse(null);
        if (storm == null || storm.endedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        Instant quietUntil = threads.lastJoined(id).orElse(storm.startedAt()).plus(settings.quiet());
        if (quietUntil.isAfter(now)) {
            scheduleEnd(id, quietUntil);
            return;
        }
        if (threads.endStorm(id, now)) {
            events.publishEvent(new AlertStormEnded("conversation:" + storm.where().platform().id() + ":"
                    + storm.where().channel(), now, "warroom", storm.where().platform().id(), storm.where().channel(), id,
                    threads.groupsOfStorm(id).size()));
            refreshDigest(id);
        }
    }
}
