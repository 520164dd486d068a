package io.warroom.feishu.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.warroom.chat.InboundAction;
import io.warroom.chat.OutboundMessage;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.Platform;
import io.warroom.support.Bundles;
import io.warroom.support.OutboundMessages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the message, the card is one Feishu accepts ({@link FeishuCardRules}: JSON 2.0, documented
 * components and properties, unique names, 30 KB, 200 components); its markdown holds no markup but the
 * message's own mentions and links; and a form submitted the way Feishu submits it comes back as the form's
 * id with each input's value under the input's name.
 */
class FeishuCardConformanceTest {

    private static final Pattern AT = Pattern.compile("<at id=([A-Za-z0-9_-]{1,64})></at>");
    private final FeishuCardRenderer renderer = new FeishuCardRenderer(Bundles.texts());
    private final FeishuCardActionListener listener = new FeishuCardActionListener(null, null, null, null, null, null);

    @Provide
    Arbitrary<OutboundMessage> messages() {
        return OutboundMessages.messages();
    }

    @Property(tries = 300)
    void cardsAreAcceptedAndMentionOnlyWhomTheMessageMentions(@ForAll("messages") OutboundMessage m) {
        JsonNode card = renderer.card(m, Locale.SIMPLIFIED_CHINESE);
        assertThat(FeishuCardRules.check(card)).isEmpty();
        Set<String> ids = new HashSet<>();
        m.mentions().forEach(x -> {
            if (x.userId(Platform.FEISHU) != null) {
                ids.add(x.userId(Platform.FEISHU));
            }
        });
        for (String markdown : markdown(card)) {
            Matcher at = AT.matcher(markdown);
            while (at.find()) {
                assertThat(ids).as("a mention Warroom did not write in %s", markdown).contains(at.group(1));
            }
            String rest = AT.matcher(markdown).replaceAll("");
            // Link destinations are the message's own http(s) URLs; take them out before looking for markup.
            for (int i = rest.indexOf("]("); i >= 0; i = rest.indexOf("](", i + 1)) {
                String from = rest.substring(i + 2);
                String url = m.links().stream().map(l -> l.url().replace("(", "%28").replace(")", "%29"))
                        .filter(u -> from.startsWith(u + ")")).findFirst().orElse(null);
                assertThat(url).as("a link Warroom did not write in %s", markdown).isNotNull();
                rest = rest.substring(0, i + 2) + rest.substring(i + 2 + url.length());
            }
            assertThat(rest).as("markup in %s", markdown).doesNotContain("<", ">", "`", "~", "_");
            for (int i = rest.indexOf('&'); i >= 0; i = rest.indexOf('&', i + 1)) {
                assertThat(rest.substring(i)).as("a raw entity in %s", markdown).matches("(?s)&#\\d+;.*");
            }
        }
    }

    @Property(tries = 200)
    void aSubmittedFormReachesTheDomainAsTheFormIdWithItsValuesByInputName(@ForAll("messages") OutboundMessage m) {
        if (m.form() == null) {
            return;
        }
        JsonNode card = renderer.card(m, Locale.ENGLISH);
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Input in : m.form().inputs()) {
            switch (in.type()) {
                case CHECKBOX -> {
                    if (in.options().isEmpty()) {
                        typed.put(in.name(), true);
                        expected.put(in.name(), "true");
                    } else if (card.toString().contains("multi_select_static")) {
                        String first = in.options().get(0).value();
                        boolean asSelect = hasComponent(card, FeishuNames.input(in.name()), "multi_select_static");
                        typed.put(in.name(), asSelect ? List.of(first) : first);
                        expected.put(in.name(), first);
                    } else {
                        typed.put(in.name(), in.options().get(0).value());
                        expected.put(in.name(), in.options().get(0).value());
                    }
                }
                default -> {
                    String v = in.options().isEmpty() ? "typed " + in.name() : in.options().get(0).value();
                    typed.put(in.name(), v);
                    expected.put(in.name(), v);
                }
            }
        }
        JsonNode callback = FeishuRequests.submit("ev_1", "ou_someone", "oc_chat", "om_card", card, typed);
        InboundAction action = listener.read(callback.path("event"));
        assertThat(action.actionId()).isEqualTo(m.form().formId());
        assertThat(action.value()).isEmpty();
        assertThat(action.formValues()).isEqualTo(expected);
    }

    @Property(tries = 100)
    void aButtonPressReachesTheDomainAsItsActionIdAndValue(@ForAll("messages") OutboundMessage m) {
        JsonNode card = renderer.card(m, Locale.ENGLISH);
        for (JsonNode button : FeishuRequests.buttons(card)) {
            InboundAction action = listener.read(FeishuRequests.press("ev", "ou_x", "oc_x", "om_x", button).path("event"));
            assertThat(m.buttons()).anyMatch(b -> b.actionId().equals(action.actionId()) && b.value().equals(action.value()));
        }
    }

    private static boolean hasComponent(JsonNode node, String name, String tag) {
        if (node.isObject() && name.equals(node.path("name").asText()) && tag.equals(node.path("tag").asText())) {
            return true;
        }
        for (JsonNode child : node) {
            if (hasComponent(child, name, tag)) {
                return true;
            }
        }
        return false;
    }

    /** The content of every markdown component: the only text Feishu parses. */
    private static List<String> markdown(JsonNode node) {
        List<String> found = new ArrayList<>();
        if (node.isObject() && "markdown".equals(node.path("tag").asText())) {
            found.add(node.path("content").asText());
        }
        node.forEach(child -> found.addAll(markdown(child)));
        return found;
    }
}
