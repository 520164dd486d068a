package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest users paste into Slack asks for everything the adapter uses and points at /slack/events. */
class SlackManifestTest {

    private final JsonNode manifest = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("bot/slack/manifest.yaml").toFile());
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
}
