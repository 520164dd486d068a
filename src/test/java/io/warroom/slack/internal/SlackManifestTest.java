package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manifest users paste into Slack asks for everything the adapter uses and points at /slack/events; its
 * Socket Mode variant is the same app with Socket Mode on and no request URL.
 */
class SlackManifestTest {

    private final JsonNode manifest = read("bot/slack/manifest.yaml");

    private static JsonNode read(String file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of(file).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    @Test
    void everyRequestUrlIsTheBoltEndpoint() {
        String url = "https://YOUR-HOST" + SlackConfiguration.PATH;
        assertThat(manifest.at("/features/slash_commands/0/url").asText()).isEqualTo(url);
        assertThat(manifest.at("/features/slash_commands/0/command").asText()).isEqualTo("/warroom");
        assertThat(manifest.at("/features/slash_commands/0/usage_hint").asText()).isNotBlank();
        assertThat(manifest.at("/settings/interactivity/request_url").asText()).isEqualTo(url);
        assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/settings/event_subscriptions/request_url").asText()).isEqualTo(url);
        assertThat(manifest.at("/settings/socket_mode_enabled").asBoolean(true)).isFalse();
        assertThat(manifest.at("/settings/org_deploy_enabled").asBoolean(true)).isFalse();
        assertThat(manifest.at("/features/bot_user/display_name").asText()).isNotBlank();
    }

    @Test
    void scopesAndEventsCoverWhatTheAdapterCalls() {
        assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
                .containsExactlyInAnyOrder("app_mention", "reaction_added");
        assertThat(texts(manifest.at("/oauth_config/scopes/bot"))).containsExactlyInAnyOrder(
                "commands", "chat:write", "chat:write.public", "channels:manage", "groups:write", "channels:read",
                "groups:read", "users:read", "users:read.email", "reactions:read", "channels:history",
                "groups:history", "pins:write", "app_mentions:read");
    }

    @Test
    void theSocketModeVariantIsTheSameAppWithoutRequestUrls() {
        JsonNode socket = read("bot/slack/manifest-socket-mode.yaml");
        assertThat(socket.at("/settings/socket_mode_enabled").asBoolean(false)).isTrue();
        assertThat(socket.toString()).doesNotContain("YOUR-HOST").doesNotContain("request_url").doesNotContain("\"url\"");
        assertThat(socket.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
        // Apart from the URLs and the switch, both manifests must ask for the same app.
        var http = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) http.at("/features/slash_commands/0")).remove("url");
        ((com.fasterxml.jackson.databind.node.ObjectNode) http.at("/settings/interactivity")).remove("request_url");
        ((com.fasterxml.jackson.databind.node.ObjectNode) http.at("/settings/event_subscriptions")).remove("request_url");
        ((com.fasterxml.jackson.databind.node.ObjectNode) http.at("/settings")).put("socket_mode_enabled", true);
        assertThat(socket).isEqualTo(http);
    }
}
