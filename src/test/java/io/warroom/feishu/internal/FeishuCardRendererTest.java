package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.support.Golden;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Feishu card JSON of each kind of message, pinned by golden files. */
class FeishuCardRendererTest {

    private final ObjectMapper json = new ObjectMapper();
    private final FeishuCardRenderer renderer = new FeishuCardRenderer(io.warroom.support.Bundles.texts());

    /** The card as pretty JSON, after checking that Feishu would accept it. */
    private String render(OutboundMessage m, Locale locale) throws Exception {
        var card = renderer.card(m, locale);
        assertThat(FeishuCardRules.check(card)).isEmpty();
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n";
    }

    @Test
    void plainTextIsShownLiterally() throws Exception {
        var m = OutboundMessage.text("Noted: restarted *backend* <at id=all></at> & [link](http://x) ~~old~~ `code` ou_x #1");
        Golden.assertMatches("feishu/text.json", render(m, Locale.ENGLISH));
    }

    @Test
    void commandOutputIsPlainText() throws Exception {
        var m = OutboundMessage.builder().header("/warroom pods backend").text("backend: 3/3 pods ready")
                .code("NAME        READY  STATUS\nbackend-1   1/1    Running\n**not bold** <at id=all></at>").build();
        Golden.assertMatches("feishu/command-output.json", render(m, Locale.ENGLISH));
    }

    @Test
    void aCardWithFieldsAndButtons() throws Exception {
        var m = OutboundMessage.builder()
                .header("Approval needed: restart backend")
                .tone(OutboundMessage.Tone.DANGER)
                .text("李四 asks to run this in after-sales-prod.")
                .field("Command", "restart backend -n after-sales-prod")
                .field("Requested by", "李四 Li Si")
                .field("Expires", "10:42")
                .button("approval.approve", "Approve", "17", OutboundMessage.Style.PRIMARY)
                .button("approval.reject", "Reject", "17", OutboundMessage.Style.DANGER)
                .button("approval.details", "Details", "17", null)
                .build();
        Golden.assertMatches("feishu/approval-card.json", render(m, Locale.ENGLISH));
    }

    @Test
    void aFormWithEveryKindOfInput() throws Exception {
        var form = new OutboundMessage.Form("handoff.submit", "Shift handoff", null, List.of(
                new Input("summary", "What happened", InputType.MULTILINE, true, null, null),
                new Input("ticket", "Ticket", InputType.TEXT, false, "OPS-1", null),
                new Input("severity", "Severity", InputType.SELECT, true, "P2",
                        List.of(new Option("P1", "P1 major"), new Option("P2", "P2 minor"))),
                new Input("followup", "Needs follow-up", InputType.CHECKBOX, false, "true", null)));
        var m = OutboundMessage.builder().header("交接班").tone(OutboundMessage.Tone.INFO).form(form).build();
        Golden.assertMatches("feishu/handoff-form.zh-CN.json", render(m, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void tonesPickHeaderColours() throws Exception {
        StringBuilder all = new StringBuilder();
        for (var tone : OutboundMessage.Tone.values()) {
            var card = renderer.card(OutboundMessage.builder().header(tone.name()).tone(tone).text("x").build(), Locale.ENGLISH);
            all.append(tone).append(" -> ").append(card.path("header").path("template").asText()).append('\n');
        }
        Golden.assertMatches("feishu/tones.txt", all.toString());
    }

    @Test
    void mentionsUseAtTagsAndLinksAreMarkdownLinks() {
        var ids = new java.util.EnumMap<io.warroom.chat.Platform, String>(io.warroom.chat.Platform.class);
        ids.put(io.warroom.chat.Platform.FEISHU, "ou_lisi00000002");
        var m = OutboundMessage.builder().text("<at id=all></at> hi")
                .mention(new OutboundMessage.Mention("李四", ids))
                .mention(new OutboundMessage.Mention("No Feishu", java.util.Map.of()))
                .link("Runbook [x]", "https://wiki.example.com/a_(b)").build();
        var card = renderer.card(m, java.util.Locale.SIMPLIFIED_CHINESE);
        var elements = card.path("body").path("elements");
        assertThat(elements.get(0).path("tag").asText()).isEqualTo("markdown");
        assertThat(elements.get(0).path("content").asText()).isEqualTo("<at id=ou_lisi00000002></at> @No Feishu");
        assertThat(elements.get(1).path("text").path("tag").asText()).as("user text is plain text").isEqualTo("plain_text");
        assertThat(elements.get(1).path("text").path("content").asText()).isEqualTo("<at id=all></at> hi");
        assertThat(elements.get(2).path("content").asText())
                .isEqualTo("[Runbook &#91;x&#93;](https://wiki.example.com/a_%28b%29)");
        assertThat(FeishuCardRules.check(card)).isEmpty();
    }

    @Test
    void aFormNamesItsSubmitButtonAfterTheFormAndKeepsEveryNameUnique() {
        var form = new OutboundMessage.Form("handoff.submit", "Shift handoff", null, List.of(
                new Input("submit", "A field called submit", InputType.TEXT, false, null, null),
                new Input("form", "And one called form", InputType.CHECKBOX, false, "true", null),
                new Input("checks", "Checks", InputType.CHECKBOX, false, "a,c",
                        List.of(new Option("a", "A"), new Option("b", "B"), new Option("c", "C")))));
        var card = renderer.card(OutboundMessage.builder().form(form).build(), Locale.ENGLISH);
        assertThat(FeishuCardRules.check(card)).isEmpty();
        var submit = FeishuRequests.submit("ev", "ou_x", "oc_x", "om_x", card,
                java.util.Map.of("submit", "typed", "form", true, "checks", List.of("c", "a")));
        var action = submit.path("event").path("action");
        assertThat(FeishuNames.formIdOf(action.path("name").asText())).isEqualTo("handoff.submit");
        assertThat(card.toString()).contains("\"selected_values\":[\"a\",\"c\"]");
    }

    @Test
    void aHugeMessageIsShortenedVisiblyToFitFeishusSizeLimit() {
        var builder = OutboundMessage.builder().header("H".repeat(500)).text("长".repeat(40_000)).code("x\n".repeat(20_000));
        for (int i = 0; i < 400; i++) {
            builder.field("field " + i, "v".repeat(3000));
        }
        for (int i = 0; i < 60; i++) {
            builder.button("b." + i, "button " + i, "v" + i, null);
        }
        var card = renderer.card(builder.build(), Locale.ENGLISH);
        assertThat(FeishuCardRules.check(card)).isEmpty();
        assertThat(card.toString()).contains("… +");
    }
}
