package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.support.Mutations;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A fuzzer over real HTTP: damaged events and callbacks, encrypted and signed correctly so they reach the
 * decoder behind the checks, and damaged envelopes that the checks must stop. Every one is answered with a
 * verdict (200, 400, 401, 403), never a server error, and the endpoint works normally afterwards.
 */
class FeishuInboundFuzzTest extends FeishuAppTestBase {

    static final int CASES = 250;

    @Test
    void damagedEventsAndCallbacksGetAVerdictNeverAServerError() throws Exception {
        String chat = "oc_fz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        FAKE.addChat(chat, "group", FeishuEventsTest.LI_SI);
        Random r = new Random(20261130L);
        var statuses = new java.util.TreeMap<Integer, Integer>();
        for (int i = 0; i < CASES; i++) {
            JsonNode template = switch (r.nextInt(3)) {
                case 0 -> FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", FeishuEventsTest.LI_SI, "oncall", true);
                case 1 -> FeishuRequests.click(FeishuRequests.newEventId(), FeishuEventsTest.LI_SI, chat, "om_x", "test.click", "ok");
                default -> FeishuRequests.envelope("url_verification", FeishuRequests.newEventId(), FeishuRequests.VERIFICATION_TOKEN)
                        .put("challenge", "c").put("type", "url_verification");
            };
            String json = r.nextBoolean() ? Mutations.json(template, r).toString() : Mutations.text(template.toString(), r);
            HttpResponse<String> response = switch (r.nextInt(4)) {
                case 0, 1 -> signed(FeishuRequests.encryptedBody(json, FeishuRequests.ENCRYPT_KEY));
                case 2 -> signed(Mutations.text(FeishuRequests.encryptedBody(json, FeishuRequests.ENCRYPT_KEY), r));
                default -> feishu().post(json, null, null, null);
            };
            statuses.merge(response.statusCode(), 1, Integer::sum);
            assertThat(response.statusCode()).as("case %d: %s", i, json).isIn(200, 400, 401, 403);
            assertThat(response.body()).doesNotContain(FeishuRequests.ENCRYPT_KEY, FeishuRequests.VERIFICATION_TOKEN);
        }
        assertThat(statuses).as("the checks stopped some, the decoder saw others").containsKeys(200, 400);

        feishu().send(FeishuRequests.message(FeishuRequests.newEventId(), chat, "group", FeishuEventsTest.LI_SI, "oncall", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> FAKE.messagesTo(chat).stream().anyMatch(m -> m.cardText().contains("当前值班")));
    }

    private HttpResponse<String> signed(String body) throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String nonce = UUID.randomUUID().toString();
        return feishu().post(body, ts, nonce, FeishuRequests.sign(ts, nonce, FeishuRequests.ENCRYPT_KEY, body));
    }
}
