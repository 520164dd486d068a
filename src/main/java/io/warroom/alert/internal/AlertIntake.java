package io.warroom.alert.internal;

import io.warroom.alert.AlertGroupFired;
import io.warroom.alert.AlertGroupResolved;
import io.warroom.alert.AlertsChanged;
import io.warroom.alert.internal.routing.Routing;
import io.warroom.alert.internal.thread.Line;
import io.warroom.alert.internal.thread.ThreadPublisher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one notification, in one transaction with the group's row locked: each alert's reported state
 * is recorded once (re-sends and HA twins change nothing), applied when it moves the alert forward (late,
 * out-of-order states are kept as history but not applied), the group's counts and episode follow, the
 * timeline gets the facts, the chat threads their update, and escalation starts or stops.
 */
@Service
class AlertIntake {

    static final int LISTED = 5;

    private final AlertRepository repository;
    private final Routing routing;
    private final ThreadPublisher publisher;
    private final Escalations escalations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertIntake(AlertRepository repository, Routing routing, ThreadPublisher publisher, Escalations escalations,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.routing = routing;
        this.publisher = publisher;
        this.escalations = escalations;
        this.events = events;
        this.clock = clock;
    }

    record Result(String groupId, int applied, int repeated, int stale) {
    }

    @Transactional
    public Result receive(Notification n) {
        Instant now = clock.instant();
        String keyHash = sha256(n.groupKey());
        Map<String, String> labels = new LinkedHashMap<>(n.commonLabels());
        labels.putAll(n.groupLabels());
        repository.createIfAbsent(n, keyHash, routing.route(labels).id(), now);
        AlertGroup before = repository.lock(n.source(), keyHash).orElseThrow();
        Map<String, StoredAlert> stored = repository.alerts(before.id());
        List<Map<String, Object>> changes = new ArrayList<>();
        List<String> nowFiring = new ArrayList<>();
        List<String> nowResolved = new ArrayList<>();
        int repeated = 0;
        int stale = 0;
        // One report per alert: a notification never repeats a fingerprint, but a malformed one must not break the batch.
        Map<String, Notification.AlertState> byFingerprint = new LinkedHashMap<>();
        n.alerts().forEach(a -> byFingerprint.put(a.fingerprint(), a));
        List<Notification.AlertState> reported = List.copyOf(byFingerprint.values());
        boolean[] applies = new boolean[reported.size()];
        List<String> keys = new ArrayList<>(reported.size());
        for (int i = 0; i < reported.size(); i++) {
            applies[i] = StoredAlert.advances(stored.get(reported.get(i).fingerprint()), reported.get(i));
            keys.add(dedupeKey(n, keyHash, reported.get(i)));
        }
        boolean[] fresh = repository.recordStates(before.id(), keys, reported, applies, now);
        List<Notification.AlertState> created = new ArrayList<>();
        List<Map.Entry<StoredAlert, Notification.AlertState>> moved = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            Notification.AlertState a = reported.get(i);
            if (!fresh[i]) {
                repeated++;
                continue;
            }
            if (!applies[i]) {
                stale++;
                continue;
            }
            StoredAlert current = stored.get(a.fingerprint());
            if (current == null) {
                created.add(a);
            } else {
                moved.add(Map.entry(current, a));
            }
            changes.add(change(a, labels));
            (a.status() == Notification.Status.FIRING ? nowFiring : nowResolved).add(ThreadPublisher.target(a.labels(), labels));
        }
        repository.saveAlerts(before.id(), created, moved, now);
        if (changes.isEmpty()) {
            return new Result(before.publicId(), 0, repeated, stale);
        }
        var counts = repository.counts(before.id());
        boolean firing = counts.firing() > 0;
        boolean fired = firing && !before.firing();
        boolean resolvedNow = !firing && before.firing();
        int episode = fired ? before.episode() + 1 : before.episode();
        Instant started = fired ? now : before.episodeStarted();
        Instant resolvedAt = resolvedNow ? now : fired ? null : before.resolvedAt();
        repository.saveState(before.id(), n, firing, counts, episode, started, fired && before.episode() > 0, resolvedAt, now);
        AlertGroup g = repository.find(before.id()).orElseThrow();

        String actor = "alertmanager:" + n.source();
        events.publishEvent(new AlertsChanged(g.stream(), now, actor, g.publicId(), changes, n.truncatedAlerts()));
        if (fired) {
            events.publishEvent(new AlertGroupFired(g.stream(), now, actor, g.publicId(), g.title(), g.severity(),
                    g.labels(), g.episode()));
            escalations.start(g, now);
        }
        if (resolvedNow) {
            events.publishEvent(new AlertGroupResolved(g.stream(), now, actor, g.publicId(), g.title()));
            escalations.stop(g);
        }
        List<Line> lines = new ArrayList<>();
        if (fired && g.episode() > 1) {
            lines.add(Line.of("alert.line.refired", g.episode(), g.firingCount()));
        } else if (!nowFiring.isEmpty() && !fired) {
            lines.add(Line.of("alert.line.firing", nowFiring.size(), listed(nowFiring)));
        }
        if (resolvedNow) {
            lines.add(Line.of("alert.line.all-resolved", Duration.between(g.episodeStarted(), now).toMinutes()));
        } else if (!nowResolved.isEmpty()) {
            lines.add(Line.of("alert.line.resolved", nowResolved.size(), listed(nowResolved)));
        }
        boolean escalatedSeverity = AlertGroup.Severity.rank(g.severity()) > AlertGroup.Severity.rank(before.severity())
                && before.firing();
        publisher.refresh(g, lines, g.critical() && (fired || escalatedSeverity));
        return new Result(g.publicId(), changes.size(), repeated, stale);
    }

    private static String listed(List<String> targets) {
        String shown = String.join(", ", targets.subList(0, Math.min(LISTED, targets.size())));
        return targets.size() > LISTED ? shown + ", …" : shown;
    }

    private static Map<String, Object> change(Notification.AlertState a, Map<String, String> groupLabels) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("fingerprint", a.fingerprint());
        c.put("status", a.status() == Notification.Status.FIRING ? "firing" : "resolved");
        c.put("startsAt", a.startsAt().toString());
        if (a.endsAt() != null) {
            c.put("endsAt", a.endsAt().toString());
        }
        Map<String, String> own = new LinkedHashMap<>();
        a.labels().forEach((k, v) -> {
            if (!v.equals(groupLabels.get(k))) {
                own.put(k, v);
            }
        });
        c.put("labels", own);
        return c;
    }

    /** Same source, group, alert, status and times: the same report, however often it is delivered. */
    static String dedupeKey(Notification n, String keyHash, Notification.AlertState a) {
        return sha256(n.source() + "\n" + keyHash + "\n" + a.fingerprint() + "\n" + a.status() + "\n" + a.startsAt()
                + "\n" + a.endsAt());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
