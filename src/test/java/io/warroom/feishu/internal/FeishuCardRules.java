package io.warroom.feishu.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feishu's card JSON 2.0 rules as its documentation states them, checked the way the Open API checks a card
 * before accepting it: schema 2.0 with {@code body.elements}; only the components and properties Warroom's
 * cards may use, each as documented (2.0 refuses unknown properties: "传入不支持的属性将报错", 2.0 release
 * notes); names unique within the card and present on every interactive component of a form; a form only at
 * the root, with a submit button; at most 200 components; a send request of at most 30 KB. Written apart from
 * the renderer so one's mistake is caught by the other. Used by {@link FakeFeishuOpenApi} and the conformance
 * suite.
 */
final class FeishuCardRules {

    static final int MAX_REQUEST_BYTES = 30 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> PROPERTIES = Map.ofEntries(
            Map.entry("div", Set.of("tag", "text")),
            Map.entry("markdown", Set.of("tag", "content")),
            Map.entry("hr", Set.of("tag")),
            Map.entry("column_set", Set.of("tag", "flex_mode", "columns")),
            Map.entry("column", Set.of("tag", "width", "elements")),
            Map.entry("button", Set.of("tag", "text", "type", "behaviors", "name", "form_action_type")),
            Map.entry("form", Set.of("tag", "name", "elements")),
            Map.entry("input", Set.of("tag", "name", "required", "label", "label_position", "placeholder",
                    "max_length", "default_value", "input_type", "rows")),
            Map.entry("select_static", Set.of("tag", "name", "required", "placeholder", "options", "initial_option")),
            Map.entry("multi_select_static", Set.of("tag", "name", "required", "placeholder", "options",
                    "selected_values")),
            Map.entry("checker", Set.of("tag", "name", "checked", "text")));
    private static final Set<String> BUTTON_TYPES = Set.of("default", "primary", "danger", "text", "primary_text",
            "danger_text", "primary_filled", "danger_filled", "laser");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int components;

    private FeishuCardRules() {
    }

    /** What is wrong with the card sent as {@code content} (a JSON string), or nothing. */
    static List<String> check(JsonNode card) {
        FeishuCardRules r = new FeishuCardRules();
        r.card(card);
        return r.problems;
    }

    static int requestBytes(JsonNode card) {
        try {
            return JSON.writeValueAsString(JSON.writeValueAsString(card)).getBytes(StandardCharsets.UTF_8).length;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void card(JsonNode card) {
        check("2.0".equals(card.path("schema").asText()), "schema must be 2.0");
        check(!card.has("elements"), "card JSON 1.0 top-level elements");
        check(card.path("config").path("update_multi").asBoolean(true), "2.0 cards must have update_multi true");
        for (Iterator<String> it = card.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            check(Set.of("schema", "config", "header", "body").contains(f), "unknown card property " + f);
        }
        if (card.has("header")) {
            text(card.path("header").path("title"), "header title");
        }
        JsonNode elements = card.path("body").path("elements");
        check(elements.isArray(), "body.elements must be an array");
        elements.forEach(e -> component(e, true, false));
        check(components <= 200, "more than 200 components: " + components);
        int bytes = requestBytes(card);
        check(bytes <= MAX_REQUEST_BYTES, "card request of " + bytes + " bytes is over 30 KB");
    }

    private void component(JsonNode c, boolean root, boolean inForm) {
        components++;
        String tag = c.path("tag").asText();
        Set<String> allowed = PROPERTIES.get(tag);
        if (allowed == null) {
            problems.add("unknown or undocumented component " + tag);
            return;
        }
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            check(allowed.contains(f), tag + " has unsupported property " + f);
        }
        if (c.has("name")) {
            check(names.add(c.path("name").asText()), "duplicate name " + c.path("name").asText());
        }
        switch (tag) {
            case "div" -> text(c.path("text"), "div text");
            case "markdown" -> check(!c.path("content").asText("").isEmpty(), "empty markdown");
            case "column_set" -> c.path("columns").forEach(col -> component(col, false, inForm));
            case "column" -> c.path("elements").forEach(e -> component(e, false, inForm));
            case "form" -> {
                check(root, "a form must sit at the root of the card");
                check(!inForm, "a form inside a form");
                check(c.hasNonNull("name"), "a form needs a name");
                boolean submit = false;
                for (JsonNode e : c.path("elements")) {
                    component(e, false, true);
                    submit |= "button".equals(e.path("tag").asText()) && "submit".equals(e.path("form_action_type").asText());
                }
                check(submit, "a form needs a submit button");
            }
            case "button" -> button(c, inForm);
            case "input" -> input(c, inForm);
            case "select_static", "multi_select_static" -> select(c, inForm);
            case "checker" -> {
                check(inForm || c.has("name"), "checker without a name");
                text(c.path("text"), "checker text");
            }
            default -> { }
        }
    }

    private void button(JsonNode b, boolean inForm) {
        text(b.path("text"), "button text");
        check(b.path("text").path("content").asText().length() <= 100, "button text over 100 characters");
        check(!b.has("type") || BUTTON_TYPES.contains(b.path("type").asText()), "button type " + b.path("type"));
        if (inForm) {
            check(b.has("name"), "a button in a form needs a name");
            check(Set.of("submit", "reset").contains(b.path("form_action_type").asText()), "form button without form_action_type");
        } else {
            check(!b.has("form_action_type"), "form_action_type outside a form");
            for (JsonNode behavior : b.path("behaviors")) {
                check("callback".equals(behavior.path("type").asText()) && behavior.path("value").isObject(),
                        "button behaviour must be a callback with an object value");
            }
        }
    }

    private void input(JsonNode i, boolean inForm) {
        check(!inForm || i.has("name"), "input in a form without a name");
        int max = i.path("max_length").asInt(1000);
        check(max >= 1 && max <= 1000, "input max_length 1..1000");
        check(i.path("default_value").asText("").length() <= max, "default_value longer than max_length");
        check(!i.has("input_type") || Set.of("text", "multiline_text", "password").contains(i.path("input_type").asText()),
                "input_type");
        if (i.has("label")) {
            text(i.path("label"), "input label");
        }
        if (i.has("placeholder")) {
            text(i.path("placeholder"), "placeholder");
        }
    }

    private void select(JsonNode s, boolean inForm) {
        check(!inForm || s.has("name"), "select in a form without a name");
        Set<String> values = new HashSet<>();
        check(s.path("options").size() >= 1, "select without options");
        for (JsonNode o : s.path("options")) {
            text(o.path("text"), "option text");
            check(values.add(o.path("value").asText()), "duplicate option value");
        }
        if (s.has("initial_option")) {
            check(values.contains(s.path("initial_option").asText()), "initial_option is not an option");
        }
        s.path("selected_values").forEach(v -> check(values.contains(v.asText()), "selected value is not an option"));
    }

    private void text(JsonNode t, String what) {
        check("plain_text".equals(t.path("tag").asText()) || "lark_md".equals(t.path("tag").asText()), what + " tag");
        String content = t.path("content").asText("");
        check(!content.isEmpty(), what + " is empty");
        check(io.warroom.support.Utf16.valid(content), what + " has a broken surrogate pair");
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
