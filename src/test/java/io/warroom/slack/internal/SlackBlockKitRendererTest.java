package io.warroom.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.warroom.chat.Conversation;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.chat.Platform;
import io.warroom.support.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block Kit output pinned by golden files (regenerate with -Dgolden.update=true and review the diff). */
class SlackBlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private String pretty(JsonNode node) throws Exception {
        return json.writeValueAsString(node) + "\n";
    }

    @Test
    void plainTextIsOneEscapedSection() throws Exception {
        var blocks = renderer.blocks(OutboundMessage.text("p99 > 2s & rising for <api>; see <@U123|boss>"));
        Golden.assertMatches("slack/plain-text.json", pretty(blocks));
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("p99 &gt; 2s &amp; rising for &lt;api&gt;; see &lt;@U123|boss&gt;");
    }

    @Test
    void commandOutputIsACodeBlock() throws Exception {
        var blocks = renderer.blocks(OutboundMessage.builder().header("/warroom pods backend").text("3/3 ready")
                .code("NAME       READY\nbackend-1  1/1 <ok> & ```x```").build());
        Golden.assertMatches("slack/command-output.json", pretty(blocks));
    }

    @Test
    void cardHasHeaderTextFieldsInSectionsOfTenAndButtons() throws Exception {
        var builder = OutboundMessage.builder().header("Approval needed: restart deploy/api")
                .tone(OutboundMessage.Tone.WARNING)
                .text("Zhang San asks to run *k8s.restart* in namespace prod.");
        for (int i = 1; i <= 11; i++) {
            builder.field("Field " + i, "value " + i);
        }
        var message = builder
                .button("approval.approve", "Approve", "apr-17", Style.PRIMARY)
                .button("approval.reject", "Reject", "apr-17", Style.DANGER)
                .button("approval.details", "Details", "apr-17", Style.DEFAULT)
                .button("approval.details", "Details (zh)", "apr-17", Style.DEFAULT)
                .build();
        var blocks = renderer.blocks(message);
        Golden.assertMatches("slack/card.json", pretty(blocks));
        assertThat(blocks).extracting(b -> b.path("type").asText())
                .containsExactly("header", "section", "section", "section", "actions");
        assertThat(blocks.get(2).path("fields")).hasSize(10);
        assertThat(blocks.get(3).path("fields")).hasSize(1);
        assertThat(BlockKitRenderer.originalActionId(blocks.get(4).path("elements").get(3).path("action_id").asText()))
                .isEqualTo("approval.details");
    }

    @Test
    void formBecomesAModalWithInputBlocksNamedAfterTheInputs() throws Exception {
        var form = new OutboundMessage.Form("handoff.submit", "Shift handoff for the night of 22 Nov", "Hand over", List.of(
                new Input("summary", "What happened", InputType.MULTILINE, true, null, null),
                new Input("open", "Open issues", InputType.TEXT, false, "none", null),
                new Input("health", "System health", InputType.SELECT, true, "green",
                        List.of(new Option("green", "Green"), new Option("amber", "Amber"), new Option("red", "Red"))),
                new Input("ack", "Next shift acknowledged", InputType.CHECKBOX, false, null, null)));
        var message = OutboundMessage.builder().header("Shift handoff").text("Fill in before 09:00 & hand over.")
                .form(form).build();
        var where = new Conversation(Platform.SLACK, "C0OPS", "1700000000.000100");
        var view = renderer.modal(message, FormMetadata.of(where, form.formId()).toJson(), "Cancel");
        Golden.assertMatches("slack/form-modal.json", pretty(view));
        assertThat(view.path("title").path("text").asText()).hasSizeLessThanOrEqualTo(24);
        assertThat(FormMetadata.parse(view.path("private_metadata").asText()).conversation()).isEqualTo(where);
    }

    @Test
    void whatDoesNotFitAMessageOrAModalIsCountedNotDropped() {
        var builder = OutboundMessage.builder().header("Storm digest").text("many alerts").code("x");
        for (int i = 0; i < 700; i++) {
            builder.field("alert " + i, "firing");
        }
        for (int i = 0; i < 30; i++) {
            builder.button("alert.ack", "Ack " + i, "a" + i, Style.DEFAULT);
        }
        var blocks = renderer.blocks(builder.build());
        assertThat(BlockKitRules.message(blocks)).isEmpty();
        assertThat(blocks.toString()).contains("… +").contains("Ack 29");

        var inputs = new java.util.ArrayList<Input>();
        for (int i = 0; i < 150; i++) {
            inputs.add(new Input("in" + i, "Input " + i, InputType.TEXT, false, null, null));
        }
        var options = new java.util.ArrayList<Option>();
        for (int i = 0; i < 250; i++) {
            options.add(new Option("v" + i, "Choice " + i));
        }
        inputs.set(0, new Input("in0", "Pick one", InputType.SELECT, true, "v200", options));
        var message = OutboundMessage.builder().text("A long form").field("f", "v")
                .form(new OutboundMessage.Form("big.form", "Big", null, inputs)).build();
        var view = renderer.modal(message, "{}", "Cancel");
        assertThat(BlockKitRules.view(view)).isEmpty();
        assertThat(view.path("blocks").get(view.path("blocks").size() - 1).toString()).contains("… +51");
        var select = view.path("blocks").get(0).path("element");
        assertThat(select.path("option_groups")).hasSize(3);
        assertThat(select.path("initial_option").path("value").asText()).isEqualTo("v200");
    }

    private static OutboundMessage.Mention mention(String name, String slackId, String feishuId) {
        var ids = new java.util.EnumMap<Platform, String>(Platform.class);
        if (slackId != null) {
            ids.put(Platform.SLACK, slackId);
        }
        if (feishuId != null) {
            ids.put(Platform.FEISHU, feishuId);
        }
        return new OutboundMessage.Mention(name, ids);
    }

    @Test
    void mentionsNotifyOnlyWhoTheMessageNamesAndUserTextCannotPing() throws Exception {
        var message = OutboundMessage.builder().header("Escalation <!channel>")
                .mention(mention("Li Si", "U0LISI", null)).mention(mention("Wang <Wu>", null, "ou_w"))
                .text("nobody acked <!here> & <@U999>").build();
        var blocks = renderer.blocks(message);
        String section = blocks.get(1).path("text").path("text").asText();
        assertThat(section).startsWith("<@U0LISI> @Wang &lt;Wu&gt;\n").contains("&lt;!here&gt; &amp; &lt;@U999&gt;");
        String fallback = renderer.fallbackText(message);
        assertThat(fallback).startsWith("<@U0LISI> @Wang &lt;Wu&gt;\n").contains("&lt;!channel&gt;")
                .doesNotContain("<!here>", "<@U999>", "<!channel>");
    }

    @Test
    void linksAreAContextLineAndOnlyWebUrlsSurvive() throws Exception {
        var message = OutboundMessage.builder().text("firing")
                .link("Runbook | steps", "https://wiki.example.com/run?a=1&b=2")
                .link("evil", "javascript:alert(1)").link("empty", "").build();
        var blocks = renderer.blocks(message);
        assertThat(message.links()).hasSize(1);
        assertThat(blocks.get(1).path("type").asText()).isEqualTo("context");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText())
                .isEqualTo("<https://wiki.example.com/run?a=1&amp;b=2|Runbook / steps>");
    }
}
