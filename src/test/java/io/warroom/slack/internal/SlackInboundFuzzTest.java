package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.support.Mutations;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A fuzzer over real HTTP: slash commands, button clicks, modal submissions and events, damaged and then
 * signed correctly (so they reach Bolt's form and JSON decoding and Warroom's listeners), or damaged after
 * signing (so the checks must stop them). Each gets a verdict, never a server error; Slack keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:slack-fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "warroom.slack.bot-token=" + FakeSlackApi.TOKEN,
        "warroom.slack.signing-secret=" + SignedSlack.SECRET,
        "warroom.delivery.poll-interval=100ms"})
class SlackInboundFuzzTest {

    static final FakeSlackApi FAKE = new FakeSlackApi(Duration.ofSeconds(1));
    static final int CASES = 250;
    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void slackApi(DynamicPropertyRegistry registry) {
        registry.add("warroom.slack.api-base-url", FAKE::baseUrl);
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @LocalServerPort int port;

    @Test
    void damagedRequestsGetAVerdictNeverAServerError() throws Exception {
        var slack = new SignedSlack(port);
        String channel = "CFZ" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
        Random r = new Random(20261130L);
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < CASES; i++) {
            String trigger = "t" + i;
            String contentType = "application/x-www-form-urlencoded";
            String body = switch (r.nextInt(4)) {
                case 0 -> Mutations.text(SignedSlack.slashCommandBody("U0LISI", "li", channel, "oncall", trigger), r);
                case 1 -> "payload=" + URLEncoder.encode(Mutations.json(JSON.writeValueAsString(SignedSlack.blockAction("U0LISI",
                        channel, "1700000000.000100", null, "approval.approve", "nosuchrequest", trigger)), r), StandardCharsets.UTF_8);
                case 2 -> "payload=" + URLEncoder.encode(Mutations.json(JSON.writeValueAsString(SignedSlack.viewSubmission("U0LISI",
                        "V1", "form", "{}", Map.of(), trigger)), r), StandardCharsets.UTF_8);
                default -> {
                    contentType = "application/json";
                    yield Mutations.json(slack.eventCallback("Ev" + i, SignedSlack.appMention("U0LISI", channel, "<@U0BOT> oncall",
                            "1700000000.0001" + i, null)), r);
                }
            };
            boolean afterSigning = r.nextInt(4) == 0;
            var headers = SignedSlack.signature(body, Instant.now().getEpochSecond());
            HttpResponse<String> response = slack.send(contentType, afterSigning ? Mutations.text(body, r) : body, headers);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode()).as("case %d: %s", i, body).isIn(200, 400, 401, 404);
            assertThat(response.body()).doesNotContain(SignedSlack.SECRET, FakeSlackApi.TOKEN);
        }
        assertThat(statuses).containsKeys(200, 401);

        slack.slashCommand("U0LISI", channel, "oncall", "t-final");
        await().atMost(Duration.ofSeconds(20)).until(() -> !FAKE.posted(channel).isEmpty() || !FAKE.ephemerals(channel).isEmpty());
    }
}
