package io.warroom.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.warroom.chat.OutboundMessage;
import io.warroom.support.OutboundMessages;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the message, the console's HTML is made only of the renderer's own elements and quoted attributes:
 * with those taken out no {@code <} remains, so nothing a user wrote becomes markup, a script or a link; the
 * only links are the message's http(s) links.
 */
class ConsoleConformanceTest {

    private static final Pattern OWN_TAGS = Pattern.compile("</?(div|span|dl|dt|dd|pre|br|a|button|form|label|select"
            + "|option|textarea|input)( [a-z-]+(=\"[^\"<>]*\")?)*>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private final ConsoleRenderer renderer = new ConsoleRenderer();

    @Provide
    Arbitrary<OutboundMessage> messages() {
        return OutboundMessages.messages();
    }

    @Property(tries = 200)
    void userTextNeverBecomesMarkup(@ForAll("messages") OutboundMessage m) {
        String html = renderer.render(m);
        assertThat(OWN_TAGS.matcher(html).replaceAll("")).doesNotContain("<", ">");
        var hrefs = HREF.matcher(html);
        while (hrefs.find()) {
            String href = org.springframework.web.util.HtmlUtils.htmlUnescape(hrefs.group(1));
            assertThat(m.links()).anyMatch(l -> l.url().equals(href));
        }
    }
}
