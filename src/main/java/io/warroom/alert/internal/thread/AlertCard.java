package io.warroom.alert.internal.thread;

import io.warroom.alert.AlertCardExtension;
import io.warroom.alert.internal.AlertGroup;
import io.warroom.alert.internal.runbook.Runbook;
import io.warroom.chat.ChatTimes;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.OutboundMessage.Tone;
import io.warroom.chat.Texts;
import io.warroom.directory.Directory;
import io.warroom.directory.Person;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The root message of an alert group: its whole state at a glance (status, severity, counts, targets,
 * how long, where from), its links and the buttons to act on it. Rebuilt from the stored group on every
 * change and edited in place.
 */
@Component
public class AlertCard {

    /** Runbook commands offered as buttons on the root; the rest are in the thread. */
    static final int MAX_COMMAND_BUTTONS = 4;
    static final int MAX_TEXT = 1500;

    private final Texts texts;
    private final ChatTimes times;
    private final Directory directory;
    private final List<AlertCardExtension> extensions;

    AlertCard(Texts texts, ChatTimes times, Directory directory, List<AlertCardExtension> extensions) {
        this.texts = texts;
        this.times = times;
        this.directory = directory;
        this.extensions = extensions;
    }

    /**
     * What the card shows beyond the group row: {@code targets} distinguish its alerts (firing first),
     * {@code graphUrl} is a firing alert's generator URL, {@code deadline} when it must be acknowledged.
     */
    public record Details(List<String> targets, int totalTargets, String graphUrl, Instant deadline, Instant firingSince) {
    }

    /** Targets listed on the card; the rest are counted. */
    public static final int SHOWN_TARGETS = 8;

    public OutboundMessage root(AlertGroup g, Details d, Optional<Runbook> runbook, Locale l, Instant now) {
        List<String> targets = d.targets();
        Instant deadline = d.deadline();
        var m = OutboundMessage.builder()
                .header(texts.get(l, "alert.card.header", g.severity().toUpperCase(Locale.ROOT), g.title()))
                .tone(tone(g, now))
                .text(summary(g));
        m.field(texts.get(l, "alert.card.status"), status(g, d, l, now));
        m.field(texts.get(l, "alert.card.alerts"), counts(g, l));
        if (!targets.isEmpty()) {
            int shown = Math.min(targets.size(), SHOWN_TARGETS);
            int hidden = Math.max(d.totalTargets(), targets.size()) - shown;
            String more = hidden > 0 ? "\n" + texts.get(l, "alert.card.more", hidden) : "";
            m.field(texts.get(l, "alert.card.targets"), String.join("\n", targets.subList(0, shown)) + more);
        }
        m.field(texts.get(l, "alert.card.source"), g.source() + (g.receiver().isEmpty() ? "" : " · " + g.receiver()));
        m.field(texts.get(l, "alert.card.id"), g.publicId() + " · /warroom alert " + g.publicId());
        links(g, d.graphUrl(), m, l);
        if (g.firing()) {
            buttons(g, runbook, m, l, now);
        }
        extensions.forEach(e -> e.buttons(g.summary(), l).forEach(b -> m.button(b.actionId(), b.label(), b.value(), b.style())));
        return m.build();
    }

    private String summary(AlertGroup g) {
        Map<String, String> a = g.commonAnnotations();
        String summary = a.getOrDefault("summary", "");
        String description = a.getOrDefault("description", "");
        String text = summary.isEmpty() ? description : description.isEmpty() ? summary : summary + "\n" + description;
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    private Tone tone(AlertGroup g, Instant now) {
        if (!g.firing()) {
            return Tone.SUCCESS;
        }
        if (g.handled() || g.silenced(now)) {
            return Tone.NEUTRAL;
        }
        if (g.acked()) {
            return Tone.INFO;
        }
        return g.critical() ? Tone.DANGER : AlertGroup.Severity.rank(g.severity()) >= 3 ? Tone.WARNING : Tone.INFO;
    }

    String status(AlertGroup g, Details d, Locale l, Instant now) {
        Instant deadline = d.deadline();
        if (!g.firing()) {
            Instant end = g.resolvedAt() != null ? g.resolvedAt() : g.lastChange();
            return texts.get(l, "alert.status.resolved", times.format(end),
                    times.duration(Duration.between(g.episodeStarted(), end), l));
        }
        // Alertmanager's own start (before group_wait and any delay), when it reports one still firing.
        Instant start = d.firingSince() != null && d.firingSince().isBefore(g.episodeStarted()) ? d.firingSince() : g.episodeStarted();
        String since = times.duration(Duration.between(start, now), l);
        StringBuilder sb = new StringBuilder(texts.get(l, "alert.status.firing", since));
        if (g.silenced(now)) {
            sb.append('\n').append(texts.get(l, "alert.status.silenced", name(g.silencedBy()), times.format(g.silencedUntil())));
        }
        if (g.handled()) {
            sb.append('\n').append(texts.get(l, "alert.status.handled", name(g.handledBy()), times.format(g.handledAt())));
        } else if (g.acked()) {
            sb.append('\n').append(texts.get(l, "alert.status.acked", name(g.ackedBy()), times.format(g.ackedAt())));
        } else if (!g.silenced(now) && deadline != null) {
            sb.append('\n').append(texts.get(l, deadline.isAfter(now) ? "alert.status.ack-by" : "alert.status.overdue",
                    times.format(deadline)));
        }
        return sb.toString();
    }

    private String counts(AlertGroup g, Locale l) {
        String counts = texts.get(l, "alert.card.counts", g.firingCount(), g.resolvedCount());
        return g.truncated() > 0 ? counts + "\n" + texts.get(l, "alert.card.truncated", g.truncated()) : counts;
    }

    private void links(AlertGroup g, String graphUrl, OutboundMessage.Builder m, Locale l) {
        m.link(texts.get(l, "alert.link.runbook"), g.commonAnnotations().get("runbook_url"));
        m.link(texts.get(l, "alert.link.graph"), graphUrl);
        String am = g.externalUrl();
        if (am != null && OutboundMessage.Link.isWebUrl(am)) {
            String filter = g.groupLabels().isEmpty() ? "" : "?filter=" + URLEncoder.encode(matchers(g), StandardCharsets.UTF_8);
            m.link(texts.get(l, "alert.link.alertmanager"), stripSlash(am) + "/#/alerts" + filter);
            m.link(texts.get(l, "alert.link.silence-page"), stripSlash(am) + "/#/silences/new" + filter);
        }
    }

    private void buttons(AlertGroup g, Optional<Runbook> runbook, OutboundMessage.Builder m, Locale l, Instant now) {
        String id = Long.toString(g.id());
        if (g.acked()) {
            m.button(AlertActions.UNACK, texts.get(l, "alert.button.unack"), id, Style.DEFAULT);
        } else {
            m.button(AlertActions.ACK, texts.get(l, "alert.button.ack"), id, Style.PRIMARY);
        }
        if (!g.handled()) {
            m.button(AlertActions.RESOLVE, texts.get(l, "alert.button.resolve"), id, Style.DEFAULT);
        }
        if (g.silenced(now)) {
            m.button(AlertActions.EXPIRE, texts.get(l, "alert.button.expire"), id, Style.DEFAULT);
        } else {
            m.button(AlertActions.SILENCE, texts.get(l, "alert.button.silence", "1h"), id + ":1h", Style.DEFAULT);
            m.button(AlertActions.SILENCE, texts.get(l, "alert.button.silence", "4h"), id + ":4h", Style.DEFAULT);
            m.button(AlertActions.SILENCE_FORM, texts.get(l, "alert.button.silence-custom"), id, Style.DEFAULT);
        }
        runbook.ifPresent(r -> {
            List<String> commands = r.commandsFor(g.labels());
            for (int i = 0; i < Math.min(commands.size(), MAX_COMMAND_BUTTONS); i++) {
                m.button(AlertActions.RUN, "▶ " + commands.get(i), id + ":" + i, Style.DEFAULT);
            }
        });
    }

    /** The group's labels as Alertmanager matchers, {@code {alertname="X",service="y"}}. */
    public static String matchers(AlertGroup g) {
        return g.groupLabels().entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private String name(String personId) {
        return directory.person(personId).map(Person::name).orElse(personId);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
