package io.warroom.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console over real HTTP, with the outbox dispatcher running: what a user of the page gets. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "spring.datasource.url=jdbc:h2:mem:console-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ConsoleApiTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> say(String as, String channel, String text) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("as", as, "text", text));
        return post("/console/api/channels/" + channel + "/messages", "application/json", body);
    }

    private List<JsonNode> messages(String as, String channel) throws Exception {
        JsonNode list = json.readTree(get("/console/api/channels/" + channel + "/messages?as=" + as).body());
        List<JsonNode> result = new ArrayList<>();
        list.forEach(result::add);
        return result;
    }

    private JsonNode botReplyContaining(String as, String channel, String text) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> messages(as, channel).stream()
                .filter(m -> m.path("author").asText().equals("warroom"))
                .filter(m -> m.path("text").asText().contains(text)).findFirst().orElse(null), m -> m != null);
    }

    private long messageCount() {
        return jdbc.sql("select count(*) from console_message").query(Long.class).single();
    }

    @Test
    void helpIsAnsweredToTheAskerOnly() throws Exception {
        assertThat(say("zhang.san", "ops", "/warroom help").statusCode()).isEqualTo(202);
        JsonNode reply = botReplyContaining("zhang.san", "ops", "Warroom commands");
        assertThat(reply.path("text").asText()).contains("/warroom oncall [role]", "/warroom whoami");
        assertThat(reply.path("html").asText()).contains("card-header");
        assertThat(reply.path("ephemeral").asBoolean()).isTrue();
        assertThat(messages("li.si", "ops")).noneMatch(m -> m.path("text").asText().contains("Warroom commands"));
    }

    @Test
    void typoGetsUsageAndASuggestion() throws Exception {
        say("wang.wu", "incidents", "/warroom hepl");
        JsonNode reply = botReplyContaining("wang.wu", "incidents", "Did you mean: help");
        assertThat(reply.path("text").asText()).contains("Unknown command \"hepl\"", "/warroom help [command]");
    }

    @Test
    void badArgumentsGetUsage() throws Exception {
        say("wang.wu", "incidents", "/warroom oncall dbaa");
        botReplyContaining("wang.wu", "incidents", "Unknown role \"dbaa\". Known roles: dba");
        say("wang.wu", "incidents", "/warroom whoami please");
        botReplyContaining("wang.wu", "incidents", "\"whoami\" takes no arguments.");
    }

    @Test
    void oncallIsPostedForEveryoneAndRecordedOnTheTimeline() throws Exception {
        say("li.si", "oncall", "/warroom oncall");
        botReplyContaining("zhao.liu", "oncall", "tech-lead: 赵六 Zhao Liu");

        String timeline = get("/console/api/timeline/export?stream=conversation:console:oncall&format=md").body();
        assertThat(timeline).contains("/warroom oncall", "command.received", "li.si", "intact");
        JsonNode verify = json.readTree(get("/console/api/timeline/verify?stream=conversation:console:oncall").body());
        assertThat(verify.path("intact").asBoolean()).isTrue();
    }

    @Test
    void notesGoOnTheTimeline() throws Exception {
        say("zhao.liu", "incidents", "/warroom note \"restarted backend | errors dropping\"");
        botReplyContaining("zhao.liu", "incidents", "Noted on the timeline: restarted backend | errors dropping");
        String timeline = get("/console/api/timeline/export?stream=conversation:console:incidents&format=json").body();
        assertThat(timeline).contains("\"kind\" : \"note.added\"", "\"summary\" : \"restarted backend | errors dropping\"",
                "\"actor\" : \"zhao.liu\"");
    }

    @Test
    void aReplyInAThreadStaysInTheThread() throws Exception {
        say("chen.qi", "ops", "looking at the database");
        long root = messages("chen.qi", "ops").stream().filter(m -> m.path("text").asText().equals("looking at the database"))
                .findFirst().orElseThrow().path("id").asLong();
        String body = json.writeValueAsString(java.util.Map.of("as", "chen.qi", "text", "/warroom whoami", "threadId", root));
        assertThat(post("/console/api/channels/ops/messages", "application/json", body).statusCode()).isEqualTo(202);
        JsonNode reply = botReplyContaining("chen.qi", "ops", "陈七 Chen Qi");
        assertThat(reply.path("threadId").asLong()).isEqualTo(root);
    }

    @Test
    void malformedOrForgedRequestsAreRefusedAndChangeNothing() throws Exception {
        long before = messageCount();
        assertThat(post("/console/api/channels/ops/messages", "application/json", "{\"as\":").statusCode()).isEqualTo(400);
        assertThat(post("/console/api/channels/ops/messages", "text/plain", "{\"as\":\"li.si\",\"text\":\"hi\"}").statusCode())
                .isEqualTo(415);
        assertThat(say("mallory", "ops", "/warroom help").statusCode()).isEqualTo(400);
        assertThat(say("li.si", "no-such-channel", "/warroom help").statusCode()).isEqualTo(400);
        assertThat(say("li.si", "ops", "x".repeat(ConsoleController.MAX_TEXT + 1)).statusCode()).isEqualTo(400);
        assertThat(post("/console/api/channels/ops/messages", "application/json",
                "{\"as\":\"li.si\",\"text\":\"/warroom help\",\"threadId\":987654}").statusCode()).isEqualTo(400);
        assertThat(post("/console/api/actions", "application/json",
                "{\"as\":\"li.si\",\"messageId\":987654,\"actionId\":\"approval.approve\",\"value\":\"1\"}").statusCode())
                .isEqualTo(400);
        assertThat(messageCount()).isEqualTo(before);
    }

    @Test
    void aClickOnAButtonThatIsNotOnTheMessageIsRefused() throws Exception {
        say("li.si", "ops", "/warroom oncall");
        JsonNode card = botReplyContaining("li.si", "ops", "On call now");
        String click = json.writeValueAsString(java.util.Map.of("as", "li.si", "messageId", card.path("id").asLong(),
                "actionId", "approval.approve", "value", "42"));
        HttpResponse<String> r = post("/console/api/actions", "application/json", click);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not on this message");
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        JsonNode readiness = json.readTree(get("/actuator/health/readiness").body());
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        String prometheus = get("/actuator/prometheus").body();
        assertThat(prometheus).contains("warroom_delivery_queue_depth");
    }

    @Test
    void thePageIsServed() throws Exception {
        HttpResponse<String> page = get("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
    }
}
