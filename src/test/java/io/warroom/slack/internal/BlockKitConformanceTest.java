package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.Platform;
import io.warroom.support.OutboundMessages;
import io.warroom.support.Utf16;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the message, Block Kit output keeps every documented limit ({@link BlockKitRules}) and nothing
 * from the message's words can ping anyone: the only {@code <…>} Slack will parse are the message's own
 * mentions of valid user ids and its http(s) links, and every {@code &} is one of the three escapes.
 */
class BlockKitConformanceTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();

    @Provide
    Arbitrary<OutboundMessage> messages() {
        return OutboundMessages.messages();
    }

    @Property(tries = 300)
    void messagesKeepEveryLimitAndPingOnlyWhomTheyMention(@ForAll("messages") OutboundMessage m) {
        JsonNode blocks = renderer.blocks(m);
        assertThat(BlockKitRules.message(blocks)).isEmpty();
        String fallback = renderer.fallbackText(m);
        assertThat(fallback.length()).isLessThanOrEqualTo(BlockKitLimits.MESSAGE_TEXT);
        assertThat(Utf16.valid(fallback)).isTrue();
        List<String> parsed = new ArrayList<>(mrkdwn(blocks));
        parsed.add(fallback);
        parsed.forEach(text -> assertOnlyOwnMarkup(text, m));
    }

    @Property(tries = 200)
    void formsOpenWithinTheModalLimitsWithEveryInputNamedAfterItself(@ForAll("messages") OutboundMessage m) {
        if (m.form() == null) {
            return;
        }
        var where = new Conversation(Platform.SLACK, "C0OPS", "1700000000.000100");
        JsonNode view = renderer.modal(m, FormMetadata.of(where, m.form().formId()).toJson(), "Cancel");
        assertThat(BlockKitRules.view(view)).isEmpty();
        Set<String> blockIds = new HashSet<>();
        view.path("blocks").forEach(b -> {
            if ("input".equals(b.path("type").asText())) {
                blockIds.add(b.path("block_id").asText());
                assertThat(b.path("element").path("action_id").asText()).isEqualTo(b.path("block_id").asText());
            }
        });
        assertThat(blockIds).containsExactlyInAnyOrderElementsOf(m.form().inputs().stream().map(i -> i.name()).toList());
        assertThat(FormMetadata.parse(view.path("private_metadata").asText()).formId()).isEqualTo(m.form().formId());
        mrkdwn(view.path("blocks")).forEach(text -> assertOnlyOwnMarkup(text, m));
    }

    /** Every mrkdwn text Slack will parse. */
    static List<String> mrkdwn(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
            found.add(node.path("text").asText());
        }
        node.forEach(child -> found.addAll(mrkdwn(child)));
        return found;
    }

    private static void assertOnlyOwnMarkup(String text, OutboundMessage m) {
        Set<String> allowed = new HashSet<>();
        m.mentions().forEach(mention -> {
            String id = mention.userId(Platform.SLACK);
            if (id != null && id.matches("[A-Z0-9]{2,30}")) {
                allowed.add("<@" + id + ">");
            }
        });
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            int from = at;
            boolean mention = allowed.stream().anyMatch(a -> text.startsWith(a, from));
            boolean link = m.links().stream().anyMatch(l -> text.startsWith("<" + SlackText.escape(l.url().replace("|", "%7C")) + "|", from));
            assertThat(mention || link).as("markup Warroom did not write at %d in %s", at, text).isTrue();
        }
        assertThat(text).doesNotContain("<!");
        for (int at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
            String rest = text.substring(at);
            assertThat(rest.startsWith("&amp;") || rest.startsWith("&lt;") || rest.startsWith("&gt;"))
                    .as("a raw entity in %s", text).isTrue();
        }
    }
}
