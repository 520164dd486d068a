package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends requests to Warroom's /slack/events the way Slack does: bodies shaped like Slack's documented
 * payloads (with the fields Warroom ignores), signed with {@link SlackSignature.Generator}.
 */
public class SignedSlack {

    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String url;

    public SignedSlack(int port) {
        this.url = "http://127.0.0.1:" + port + "/slack/events";
    }

    HttpResponse<String> send(String contentType, String body, Map<String, String> headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static Map<String, String> signature(String body, long timestamp) {
        String ts = Long.toString(timestamp);
        return new LinkedHashMap<>(Map.of(
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE, new SlackSignature.Generator(SECRET).generate(ts, body)));
    }

    HttpResponse<String> signedForm(String body) throws Exception {
        return send("application/x-www-form-urlencoded", body, signature(body, Instant.now().getEpochSecond()));
    }

    HttpResponse<String> signedJson(String body, Map<String, String> extra) throws Exception {
        Map<String, String> headers = signature(body, Instant.now().getEpochSecond());
        headers.putAll(extra);
        return send("application/json", body, headers);
    }

    public static String slashCommandBody(String user, String userName, String channel, String text, String trigger) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        f.put("team_id", FakeSlackApi.TEAM);
        f.put("team_domain", "warroom-test");
        f.put("enterprise_id", "E0001");
        f.put("enterprise_name", "Globular Construct Inc");
        f.put("channel_id", channel);
        f.put("channel_name", "ops");
        f.put("user_id", user);
        f.put("user_name", userName);
        f.put("command", "/warroom");
        f.put("text", text);
        f.put("response_url", "https://hooks.slack.com/commands/T0WARROOM/1234/5678");
        f.put("trigger_id", trigger);
        f.put("api_app_id", "A0WARROOM");
        f.put("is_enterprise_install", "false");
        return form(f);
    }

    public HttpResponse<String> slashCommand(String user, String channel, String text, String trigger) throws Exception {
        return signedForm(slashCommandBody(user, user.toLowerCase(), channel, text, trigger));
    }

    public HttpResponse<String> interaction(Map<String, Object> payload) throws Exception {
        return signedForm("payload=" + URLEncoder.encode(json.writeValueAsString(payload), StandardCharsets.UTF_8));
    }

    public static Map<String, Object> blockAction(String user, String channel, String messageTs, String threadTs,
                                           String actionId, String value, String trigger) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("subtype", "bot_message");
        message.put("text", "fallback");
        message.put("ts", messageTs);
        message.put("bot_id", FakeSlackApi.BOT_ID);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        message.put("blocks", java.util.List.of());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "block_actions");
        p.put("user", Map.of("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(), "team_id", FakeSlackApi.TEAM));
        p.put("api_app_id", "A0WARROOM");
        p.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        p.put("container", Map.of("type", "message", "message_ts", messageTs, "channel_id", channel, "is_ephemeral", false));
        p.put("trigger_id", trigger);
        p.put("team", Map.of("id", FakeSlackApi.TEAM, "domain", "warroom-test"));
        p.put("enterprise", null);
        p.put("is_enterprise_install", false);
        p.put("channel", Map.of("id", channel, "name", "ops"));
        p.put("message", message);
        p.put("state", Map.of("values", Map.of()));
        p.put("response_url", "https://hooks.slack.com/actions/T0WARROOM/1/abc");
        p.put("actions", java.util.List.of(Map.of("action_id", actionId, "block_id", "b" + UUID.randomUUID(),
                "text", Map.of("type", "plain_text", "text", "Do it", "emoji", true), "value", value,
                "style", "primary", "type", "button", "action_ts", "1700000000.123456")));
        return p;
    }

    public static Map<String, Object> viewSubmission(String user, String viewId, String callbackId, String metadata,
                                              Map<String, Map<String, Object>> values, String trigger) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", viewId);
        view.put("team_id", FakeSlackApi.TEAM);
        view.put("type", "modal");
        view.put("blocks", java.util.List.of());
        view.put("private_metadata", metadata);
        view.put("callback_id", callbackId);
        view.put("state", Map.of("values", values));
        view.put("hash", "1700000000.abcdef");
        view.put("title", Map.of("type", "plain_text", "text", "Test form"));
        view.put("clear_on_close", false);
        view.put("notify_on_close", false);
        view.put("close", Map.of("type", "plain_text", "text", "Cancel"));
        view.put("submit", Map.of("type", "plain_text", "text", "Send"));
        view.put("previous_view_id", null);
        view.put("root_view_id", viewId);
        view.put("app_id", "A0WARROOM");
        view.put("external_id", "");
        view.put("app_installed_team_id", FakeSlackApi.TEAM);
        view.put("bot_id", FakeSlackApi.BOT_ID);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "view_submission");
        p.put("team", Map.of("id", FakeSlackApi.TEAM, "domain", "warroom-test"));
        p.put("user", Map.of("id", user, "username", user.toLowerCase(), "name", user.toLowerCase(), "team_id", FakeSlackApi.TEAM));
        p.put("api_app_id", "A0WARROOM");
        p.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        p.put("trigger_id", trigger);
        p.put("view", view);
        p.put("response_urls", java.util.List.of());
        p.put("is_enterprise_install", false);
        p.put("enterprise", null);
        return p;
    }

    public static Map<String, Object> textValue(String value) {
        return Map.of("type", "plain_text_input", "value", value);
    }

    public static Map<String, Object> selectValue(String value) {
        return Map.of("type", "static_select", "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
    }

    String eventCallback(String eventId, Map<String, Object> event) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        p.put("team_id", FakeSlackApi.TEAM);
        p.put("context_team_id", FakeSlackApi.TEAM);
        p.put("context_enterprise_id", null);
        p.put("api_app_id", "A0WARROOM");
        p.put("event", event);
        p.put("type", "event_callback");
        p.put("event_id", eventId);
        p.put("event_time", Instant.now().getEpochSecond());
        p.put("authorizations", java.util.List.of(Map.of("enterprise_id", "", "team_id", FakeSlackApi.TEAM,
                "user_id", FakeSlackApi.BOT_USER, "is_bot", true, "is_enterprise_install", false)));
        p.put("is_ext_shared_channel", false);
        p.put("event_context", "4-eyJldCI6ImFwcF9tZW50aW9uIn0");
        return json.writeValueAsString(p);
    }

    static Map<String, Object> appMention(String user, String channel, String text, String ts, String threadTs) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("client_msg_id", UUID.randomUUID().toString());
        e.put("type", "app_mention");
        e.put("text", text);
        e.put("user", user);
        e.put("ts", ts);
        e.put("blocks", java.util.List.of());
        e.put("team", FakeSlackApi.TEAM);
        if (threadTs != null) {
            e.put("thread_ts", threadTs);
        }
        e.put("channel", channel);
        e.put("event_ts", ts);
        return e;
    }

    static Map<String, Object> reactionAdded(String user, String reaction, String channel, String ts) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "reaction_added");
        e.put("user", user);
        e.put("reaction", reaction);
        e.put("item_user", "U0SOMEONE");
        e.put("item", Map.of("type", "message", "channel", channel, "ts", ts));
        e.put("event_ts", "1700000001.000200");
        return e;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
