package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An incident without a war room (P2) from declaration to closed: listing and showing it, a status update,
 * resolving (the record form comes at once), one reminder to the commander a day later, the record written
 * in two goes (closing it), edited afterwards (each edit on the timeline, only what changed), and exported
 * into the channel by command and by the card's button.
 */
class IncidentLifecycleTest extends ConsoleClockTestBase {

    private static final String ID = "INC-20261216-01";

    @Test
    void fromDeclaredToClosedWithTheReminderAndTheRecord() {
        clock.set(Instant.parse("2026-12-16T01:00:00Z"));
        say("ops", "li.si", "incident declare P2 slow search --service search");
        assertThat(jdbc.sql("select count(*) from incident_room where incident_id = ?").param(ID).query(Long.class).single())
                .as("P2 has no war room").isZero();
        assertThat(last("ops").header()).isEqualTo("P2 · " + ID + " · slow search");

        say("ops", "zhao.liu", "incidents");
        assertThat(last("ops").fields()).anyMatch(f -> f.label().equals("P2 " + ID) && f.value().contains("slow search"));
        say("ops", "zhao.liu", "incident " + ID);
        assertThat(last("ops").header()).isEqualTo("P2 · " + ID + " · slow search");
        say("ops", "li.si", "incident status monitoring index rebuilt, watching latency");
        assertThat(card("ops").text()).contains("index rebuilt, watching latency");
        assertThat(card("ops").fields()).anyMatch(f -> f.value().equals("monitoring"));

        say("ops", "li.si", "incident resolve");
        OutboundMessage form = botMessages("ops").stream().filter(m -> m.form() != null).reduce((a, b) -> b).orElseThrow();
        assertThat(form.form().formId()).isEqualTo("incident.record-form:" + ID);
        assertThat(form.form().inputs()).extracting(OutboundMessage.Input::name)
                .containsExactly("type", "description", "impact", "root_cause", "prevention");

        clock.advance(Duration.ofHours(23));
        settle();
        assertThat(reminders()).isZero();
        clock.advance(Duration.ofHours(2));
        settle();
        assertThat(reminders()).isEqualTo(1);
        assertThat(botMessages("ops").stream().filter(m -> m.text().contains("its incident record is not done yet")).findFirst()
                .orElseThrow().mentions()).extracting(OutboundMessage.Mention::name).containsExactly("李四 Li Si");
        clock.advance(Duration.ofDays(2));
        settle();
        assertThat(reminders()).as("reminded once").isEqualTo(1);

        assertThat(submit("ops", "li.si", "incident.record-form:" + ID, Map.of("type", "capacity",
                "impact", "Search p95 over 3 s for 40 minutes.")).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(status()).isEqualTo("RESOLVED");
        assertThat(submit("ops", "li.si", "incident.record-form:" + ID, Map.of("type", "capacity",
                "impact", "Search p95 over 3 s for 40 minutes.", "root_cause", "The index outgrew the heap.",
                "prevention", "Alert on index size.")).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(status()).isEqualTo("CLOSED");
        submit("ops", "zhao.liu", "incident.record-form:" + ID, Map.of("type", "capacity",
                "impact", "Search p95 over 3 s for 40 minutes.", "root_cause", "The index outgrew the JVM heap.",
                "prevention", "Alert on index size."));
        List<String> edits = timeline.entries(Incidents.stream(ID)).stream()
                .filter(e -> e.kind().equals("incident.record-edited")).map(e -> e.details()).toList();
        assertThat(edits).hasSize(3);
        assertThat(edits.get(2)).contains("root_cause", "JVM heap").doesNotContain("prevention", "impact");
        assertThat(status()).isEqualTo("CLOSED");
        ActionOutcome bad = submit("ops", "li.si", "incident.record-form:" + ID, Map.of("type", "aliens"));
        assertThat(bad.kind()).isEqualTo(ActionOutcome.Kind.INVALID);
        assertThat(bad.fieldErrors()).containsKey("type");

        say("ops", "zhao.liu", "incident export " + ID);
        assertThat(botMessages("ops")).anyMatch(m -> ("Incident record " + ID + ": slow search").equals(m.header())
                && m.fields().stream().anyMatch(f -> f.value().equals("The index outgrew the JVM heap.")));
        assertThat(last("ops").header()).isEqualTo("Steps taken");
        assertThat(last("ops").code()).contains("Status (monitoring): index rebuilt, watching latency");
        assertThat(card("ops").buttons()).extracting(OutboundMessage.Button::actionId)
                .containsExactly("incident.record", "incident.export");
        long exports = botMessages("ops").stream().filter(m -> m.header() != null && m.header().startsWith("Incident record " + ID)).count();
        assertThat(click("ops", "sun.ba", "incident.export", ID).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(botMessages("ops").stream().filter(m -> m.header() != null && m.header().startsWith("Incident record " + ID)))
                .hasSize((int) exports + 1);
    }

    private OutboundMessage last(String channel) {
        var all = botMessages(channel);
        return all.get(all.size() - 1);
    }

    /** The incident card in the channel, as updated. */
    private OutboundMessage card(String channel) {
        return botMessages(channel).stream().filter(m -> ("P2 · " + ID + " · slow search").equals(m.header())).findFirst().orElseThrow();
    }

    private long reminders() {
        return botMessages("ops").stream().filter(m -> m.text().contains("its incident record is not done yet")).count();
    }

    private String status() {
        return jdbc.sql("select status from incident where id = ?").param(ID).query(String.class).single();
    }
}
