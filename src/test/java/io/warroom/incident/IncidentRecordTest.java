package io.warroom.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.warroom.chat.ActionOutcome;
import io.warroom.support.Golden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The incident record from a scripted incident (declare → stages → status → restart approved and run →
 * resolve → the record form), exported as Markdown in English and Chinese and pinned by golden files, with the
 * timelines' verification; served over HTTP to this machine; and a tampered timeline row makes it say so.
 */
class IncidentRecordTest extends ConsoleClockTestBase {

    private static final String ID = "INC-20261130-01";

    @Autowired io.warroom.incident.internal.RecordsForTests records;

    @Test
    void aScriptedIncidentGivesTheRecordInEnglishAndChineseWithItsVerification() throws Exception {
        clock.set(Instant.parse("2026-11-30T06:00:00Z"));
        say("incidents", "zhang.san", "incident declare P0 backend down --service backend");
        String room = room(ID);
        step(45);
        click(room, "zhang.san", "incident.stage-done", ID + "|confirm");
        step(60);
        say(room, "zhao.liu", "incident status identified a bad config was pushed at 13:55");
        step(120);
        click(room, "zhao.liu", "incident.stage-done", ID + "|locate");
        step(60);
        click(room, "zhang.san", "incident.run", ID + "|recover|0");
        String request = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select public_id from approval_request where command_text = 'restart backend' and channel = ?")
                .param(room).query(String.class).optional().orElse(null), r -> r != null);
        step(30);
        assertThat(click(room, "li.si", "approval.approve", request).kind()).isEqualTo(ActionOutcome.Kind.DONE);
        String roomStream = "conversation:console:" + room;
        await().atMost(Duration.ofSeconds(40)).until(() -> kinds(roomStream).contains("action.rollout-finished")
                && kinds(Incidents.stream(ID)).stream().filter("incident.stage-completed"::equals).count() == 4);
        step(120);
        say(room, "li.si", "note error rate back under 0.1 %");
        click(room, "zhang.san", "incident.stage-done", ID + "|verify");
        step(60);
        say(room, "zhang.san", "incident resolve");
        step(600);
        ActionOutcome saved = submit(room, "zhang.san", "incident.record-form:" + ID, Map.of(
                "type", "change", "description", "The backend answered 503 to every request after a config push.",
                "impact", "All after-sales users for 9 minutes; about 1,200 failed requests.",
                "root_cause", "A config push set the database pool size to 0.",
                "prevention", "Validate pool settings in CI; canary config pushes."));
        assertThat(saved.kind()).isEqualTo(ActionOutcome.Kind.DONE);
        assertThat(jdbc.sql("select status from incident where id = ?").param(ID).query(String.class).single()).isEqualTo("CLOSED");

        // Hashes cover the approval's random id, so they differ between runs: pinned as a shape, checked below.
        Golden.assertMatches("incident/record-en.md", withoutHashes(records.markdown(ID, Locale.ENGLISH)));
        Golden.assertMatches("incident/record-zh-CN.md", withoutHashes(records.markdown(ID, Locale.SIMPLIFIED_CHINESE)));
        String lastHash = timeline.entries(Incidents.stream(ID)).get(timeline.entries(Incidents.stream(ID)).size() - 1).hash();
        assertThat(records.markdown(ID, Locale.ENGLISH)).contains("(stream `incident:" + ID + "`, last hash `" + lastHash + "`)");

        var http = HttpClient.newHttpClient();
        var md = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/incidents/" + ID + "/record?lang=en"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).isEqualTo(records.markdown(ID, Locale.ENGLISH));
        var js = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/incidents/" + ID
                + "/record?format=json&lang=zh-CN")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(js.statusCode()).isEqualTo(200);
        var tree = json.readTree(js.body());
        assertThat(tree.path("rootCause").asText()).isEqualTo("A config push set the database pool size to 0.");
        assertThat(tree.path("chains").get(0).path("intact").asBoolean()).isTrue();
        assertThat(tree.path("steps").size()).isGreaterThan(10);

        // Someone edits the incident's timeline behind Warroom's back: the record says it cannot be trusted.
        jdbc.sql("update timeline_entry set summary = 'nothing happened' where stream_id = ? and position = 5")
                .param(Incidents.stream(ID)).update();
        assertThat(records.markdown(ID, Locale.ENGLISH))
                .contains("**Incident timeline: HASH CHAIN BROKEN at entry 5 (content does not match its hash); this record cannot be trusted**");
        assertThat(records.markdown(ID, Locale.SIMPLIFIED_CHINESE)).contains("故障时间线：哈希链在第 5 条处断裂");
    }

    private static String withoutHashes(String markdown) {
        return markdown.replaceAll("[0-9a-f]{64}", "<sha-256>").replaceAll("conversation:console:[a-z0-9-]+", "conversation:console:<room>");
    }

    private void step(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
        settle();
    }
}
