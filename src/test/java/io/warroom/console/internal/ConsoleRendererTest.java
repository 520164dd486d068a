package io.warroom.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.InputType;
import io.warroom.chat.OutboundMessage.Option;
import io.warroom.chat.OutboundMessage.Style;
import io.warroom.support.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleRendererTest {

    private final ConsoleRenderer renderer = new ConsoleRenderer();

    @Test
    void cardWithFieldsAndButtons() {
        var message = OutboundMessage.builder()
                .header("Approval needed: scale backend")
                .tone(OutboundMessage.Tone.WARNING)
                .text("张三 asks to run:\nscale deployment/backend -n after-sales-prod --replicas 5")
                .field("Current → new", "3 → 5")
                .field("Expires", "10:15")
                .button("approval.approve", "Approve", "17", Style.PRIMARY)
                .button("approval.reject", "Reject", "17", Style.DANGER)
                .build();
        Golden.assertMatches("console/approval-card.html", renderer.render(message));
    }

    @Test
    void form() {
        var form = new Form("handoff.submit", "值班交接单", "Submit", List.of(
                new Input("incoming", "Incoming engineer", InputType.SELECT, true, "li.si",
                        List.of(new Option("li.si", "李四"), new Option("wang.wu", "王五"))),
                new Input("healthy", "Services healthy", InputType.CHECKBOX, false, "true", null),
                new Input("notes", "Notes", InputType.MULTILINE, false, "none", null),
                new Input("changes", "Recent changes", InputType.TEXT, false, null, null)));
        Golden.assertMatches("console/handoff-form.html",
                renderer.render(OutboundMessage.builder().header("Shift handoff").form(form).build()));
    }

    @Test
    void everythingFromTheMessageIsEscaped() {
        var hostile = OutboundMessage.builder()
                .header("<script>alert(1)</script>")
                .text("\"><img src=x onerror=alert(1)>")
                .field("<b>", "&amp;")
                .button("x\" onclick=\"alert(1)", "<i>", "\"'><", Style.DEFAULT)
                .build();
        String html = renderer.render(hostile);
        assertThat(html).doesNotContain("<script>", "<img", "<b>", "<i>", "\" onclick=");
        assertThat(html).contains("&lt;script&gt;", "&amp;amp;");
    }

    @Test
    void mentionsAndLinksAreEscapedAndLinksOpenSafely() {
        String html = renderer.render(io.warroom.chat.OutboundMessage.builder().text("t")
                .mention(new io.warroom.chat.OutboundMessage.Mention("<b>Li</b>", java.util.Map.of()))
                .link("Graph \"x\"", "https://prom.example.com/graph?g0.expr=a&x=1").link("bad", "javascript:x").build());
        assertThat(html).contains("<span class=\"mention\">@&lt;b&gt;Li&lt;/b&gt;</span>")
                .contains("<a href=\"https://prom.example.com/graph?g0.expr=a&amp;x=1\"")
                .doesNotContain("javascript:");
    }
}
