package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.chat.OutboundMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The P0 checklist with a clock the test moves: each stage against its budget, exactly one nudge for a stage
 * past its budget however long it stays late, a stage ticked by its button, "notify" done by the war room
 * opening, and "recover" done by a real restart, asked for with the checklist's button, approved by a second
 * person and run on the sandbox cluster.
 */
class ChecklistTest extends ConsoleClockTestBase {

    private static final String ID = "INC-20261202-01";

    @Test
    void stagesRunAgainstTheirBudgetsWithOneNudgeAndRecoverIsDoneByAnApprovedRestart() {
        clock.set(Instant.parse("2026-12-02T02:00:00Z"));
        say("incidents", "zhang.san", "incident declare P0 backend down --service backend");
        String room = room(ID);

        OutboundMessage checklist = checklist(room);
        assertThat(checklist.header()).isEqualTo("P0 checklist · " + ID);
        assertThat(checklist.text()).contains("▶ 1. Confirm the outage: since 2026-12-02 10:00 (UTC+8), budget 1 min, due 2026-12-02 10:01 (UTC+8)",
                "✓ 2. Notify the tech lead and CTO: 0 s of 2 min (war room opened)", "○ 3. Locate the cause: budget 5 min",
                "○ 6. Write the incident record: within 1 d of resolving");
        assertThat(checklist.buttons()).extracting(OutboundMessage.Button::label)
                .containsExactly("/warroom health backend", "/warroom pods backend", "Done: Confirm the outage");

        // Within budget: nothing. Past it: one nudge, and however late it gets, no second one.
        clock.advance(Duration.ofSeconds(50));
        settle();
        assertThat(nudges(room)).isZero();
        clock.advance(Duration.ofSeconds(20));
        settle();
        assertThat(nudges(room)).isEqualTo(1);
        assertThat(checklist(room).text()).contains("⚠ 1. Confirm the outage: since 2026-12-02 10:00 (UTC+8), budget 1 min ran out");
        clock.advance(Duration.ofMinutes(5));
        settle();
        assertThat(nudges(room)).isEqualTo(1);
        assertThat(kinds(Incidents.stream(ID)).stream().filter("incident.stage-overdue"::equals)).hasSize(1);

        ActionOutcome ticked = click(room, "li.si", "incident.stage-done", ID + "|confirm");
        assertThat(ticked.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(click(room, "li.si", "incident.stage-done", ID + "|confirm").kind()).isEqualTo(ActionOutcome.Kind.REFUSED);
        assertThat(checklist(room).text()).contains("✓ 1. Confirm the outage: 6 min of 1 min, over budget (ticked)",
                "▶ 3. Locate the cause: since 2026-12-02 10:06 (UTC+8), budget 5 min");

        // Recover: the restart button types the command for the clicker; it waits for a second person.
        ActionOutcome run = click(room, "zhang.san", "incident.run", ID + "|recover|0");
        assertThat(run.message()).isEqualTo("Running /warroom restart backend");
        String request = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select public_id from approval_request where command_text = 'restart backend' and channel = ?")
                .param(room).query(String.class).optional().orElse(null), r -> r != null);
        settle();
        assertThat(botMessages(room)).anyMatch(m -> m.header() != null && m.header().contains("Approval needed: restart backend"));
        assertThat(stageDone("recover")).isFalse();
        assertThat(click(room, "li.si", "approval.approve", request).kind()).isEqualTo(ActionOutcome.Kind.DONE);

        await().atMost(Duration.ofSeconds(30)).until(() -> stageDone("recover"));
        assertThat(jdbc.sql("select done_how from incident_stage where incident_id = ? and stage_id = 'recover'").param(ID)
                .query(String.class).single()).isEqualTo("action-executed");
        settle();
        assertThat(checklist(room).text()).contains("✓ 4. Recover (restart or roll back)", "(approved action ran)");
        assertThat(kinds(Incidents.stream(ID))).containsSubsequence("incident.stage-completed", "incident.stage-overdue",
                "incident.stage-completed", "incident.stage-completed");
    }

    private OutboundMessage checklist(String room) {
        return botMessages(room).stream().filter(m -> m.header() != null && m.header().contains("checklist"))
                .findFirst().orElseThrow();
    }

    private long nudges(String room) {
        return botMessages(room).stream().filter(m -> m.text().contains("is past its 1 min budget")).count();
    }

    private boolean stageDone(String stage) {
        return jdbc.sql("select done_at is not null from incident_stage where incident_id = ? and stage_id = ?")
                .params(ID, stage).query(Boolean.class).single();
    }
}
