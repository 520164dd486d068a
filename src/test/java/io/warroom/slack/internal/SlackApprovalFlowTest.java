package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.timeline.Timeline;
import io.warroom.timeline.TimelineEntry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 4's acceptance scenario: {@code /warroom restart ...} by one person in Slack, the card in the
 * channel, their own Approve refused, a second person approves (clicking twice), the restart runs once
 * against the sandbox cluster, and the card is updated in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-approval;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.delivery.poll-interval=100ms"})
class SlackApprovalFlowTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofSeconds(1));
    static final Duration WAIT = Duration.ofSeconds(15);
    // Demo roster: Zhao Liu (tech lead) asks; Li Si (SRE) approves.
    static final String ZHAO = "U0ZHAOLIU";
    static final String LI = "U0LISI";

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired Timeline timeline;

    private static String approveValue(JsonNode blocks) {
        for (JsonNode block : blocks) {
            for (JsonNode e : block.path("elements")) {
                if (e.path("action_id").asText().equals("approval.approve")) {
                    return e.path("value").asText();
                }
            }
        }
        throw new AssertionError("no Approve button in " + blocks);
    }

    @Test
    void aRestartNeedsASecondPersonAndRunsOnceEvenWhenClickedTwice() throws Exception {
        var slack = new SignedSlack(port);
        String ch = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        long started = System.nanoTime();
        var ack = slack.slashCommand(ZHAO, ch, "restart backend -n after-sales-prod", "trig-" + UUID.randomUUID());
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("acknowledged well inside Slack's 3 s")
                .isLessThan(Duration.ofSeconds(3));

        var card = await().atMost(WAIT).until(() -> FAKE.posted(ch).stream()
                .filter(p -> p.blocks().toString().contains("Approval needed: restart backend")).findFirst().orElse(null),
                p -> p != null);
        assertThat(card.blocks().toString()).contains("kubernetes restart after-sales-prod/backend", "warroom-operator");
        String id = approveValue(card.blocks());

        slack.interaction(SignedSlack.blockAction(ZHAO, ch, card.ts(), null, "approval.approve", id, "t1"));
        await().atMost(WAIT).until(() -> FAKE.ephemerals(ch).stream()
                .anyMatch(e -> e.user().equals(ZHAO) && e.text().contains("cannot approve it")));

        slack.interaction(SignedSlack.blockAction(LI, ch, card.ts(), null, "approval.approve", id, "t2"));
        slack.interaction(SignedSlack.blockAction(LI, ch, card.ts(), null, "approval.approve", id, "t3"));

        await().atMost(WAIT).until(() -> jdbc.sql("select state from approval_request where public_id = ?").param(id)
                .query(String.class).single().equals("EXECUTED"));
        await().atMost(WAIT).until(() -> FAKE.posted(ch).stream().anyMatch(p -> p.ts().equals(card.ts())
                && p.blocks().toString().contains("Done: restart backend")));
        var updated = FAKE.posted(ch).stream().filter(p -> p.ts().equals(card.ts())).findFirst().orElseThrow();
        assertThat(updated.blocks().toString()).contains("李四 Li Si").doesNotContain("approval.approve");
        await().atMost(WAIT).until(() -> FAKE.ephemerals(ch).stream()
                .anyMatch(e -> e.user().equals(LI) && e.text().contains("already approved")));

        var kinds = timeline.entries("conversation:slack:" + ch).stream().map(TimelineEntry::kind).toList();
        assertThat(kinds).containsSubsequence("approval.requested", "command.received", "approval.click-refused",
                "approval.granted", "action.executed");
        assertThat(kinds.stream().filter("action.executed"::equals).count()).isEqualTo(1);
        assertThat(kinds.stream().filter("approval.granted"::equals).count()).isEqualTo(1);
    }
}
