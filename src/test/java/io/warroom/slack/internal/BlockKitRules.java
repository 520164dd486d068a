package io.warroom.slack.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's documented Block Kit rules, checked the way Slack checks a payload before accepting it (its
 * answer is {@code invalid_blocks} / {@code invalid_arguments}). Independent of {@link BlockKitLimits} on
 * purpose: the numbers are written again here from Slack's reference pages, so a wrong number in the
 * renderer's table shows up as a refused payload. Used by {@link FakeSlackApi} and the conformance suite.
 */
final class BlockKitRules {

    private static final Set<String> BLOCKS = Set.of("header", "section", "context", "actions", "input", "divider");
    private static final Set<String> INPUTS = Set.of("plain_text_input", "static_select", "multi_static_select",
            "checkboxes");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> blockIds = new HashSet<>();

    private BlockKitRules() {
    }

    static List<String> message(JsonNode blocks) {
        BlockKitRules r = new BlockKitRules();
        r.blocks(blocks, 50);
        return r.problems;
    }

    static List<String> view(JsonNode view) {
        BlockKitRules r = new BlockKitRules();
        r.check("modal".equals(view.path("type").asText()), "view type must be modal");
        r.text(view.path("title"), 24, "title", true);
        r.text(view.path("submit"), 24, "submit", true);
        r.text(view.path("close"), 24, "close", true);
        r.length(view.path("callback_id").asText(""), 255, "callback_id");
        r.length(view.path("private_metadata").asText(""), 3000, "private_metadata");
        r.blocks(view.path("blocks"), 100);
        return r.problems;
    }

    private void blocks(JsonNode blocks, int max) {
        check(blocks.isArray(), "blocks must be an array");
        check(blocks.size() <= max, "more than " + max + " blocks: " + blocks.size());
        for (JsonNode b : blocks) {
            String type = b.path("type").asText();
            check(BLOCKS.contains(type), "unknown block type " + type);
            if (b.has("block_id")) {
                length(b.path("block_id").asText(), 255, "block_id");
                check(blockIds.add(b.path("block_id").asText()), "duplicate block_id " + b.path("block_id"));
            }
            switch (type) {
                case "header" -> text(b.path("text"), 150, "header", true);
                case "section" -> section(b);
                case "context" -> {
                    check(b.path("elements").size() >= 1 && b.path("elements").size() <= 10, "context elements 1..10");
                    b.path("elements").forEach(e -> text(e, 3000, "context", false));
                }
                case "actions" -> actions(b.path("elements"));
                case "input" -> input(b);
                default -> { }
            }
        }
    }

    private void section(JsonNode b) {
        check(b.has("text") || b.has("fields"), "section without text or fields");
        if (b.has("text")) {
            text(b.path("text"), 3000, "section text", false);
        }
        if (b.has("fields")) {
            check(b.path("fields").size() >= 1 && b.path("fields").size() <= 10, "section fields 1..10");
            b.path("fields").forEach(f -> text(f, 2000, "field", false));
        }
    }

    private void actions(JsonNode elements) {
        check(elements.size() >= 1 && elements.size() <= 25, "actions elements 1..25: " + elements.size());
        Set<String> ids = new HashSet<>();
        for (JsonNode e : elements) {
            check("button".equals(e.path("type").asText()), "only buttons in actions");
            text(e.path("text"), 75, "button text", true);
            length(e.path("action_id").asText(""), 255, "action_id");
            check(ids.add(e.path("action_id").asText()), "duplicate action_id in a block " + e.path("action_id"));
            length(e.path("value").asText(""), 2000, "button value");
            check(!e.has("style") || Set.of("primary", "danger").contains(e.path("style").asText()), "button style");
        }
    }

    private void input(JsonNode b) {
        text(b.path("label"), 2000, "input label", true);
        JsonNode e = b.path("element");
        String type = e.path("type").asText();
        check(INPUTS.contains(type), "unknown input element " + type);
        length(e.path("action_id").asText(""), 255, "action_id");
        if (e.has("placeholder")) {
            text(e.path("placeholder"), 150, "placeholder", true);
        }
        switch (type) {
            case "plain_text_input" -> {
                int max = e.path("max_length").asInt(3000);
                check(max <= 3000, "max_length over 3000");
                length(e.path("initial_value").asText(""), max, "initial_value");
            }
            case "checkboxes" -> options(e, 10, false);
            case "static_select" -> options(e, 100, true);
            case "multi_static_select" -> options(e, 100, false);
            default -> { }
        }
    }

    private void options(JsonNode e, int max, boolean single) {
        Set<String> values = new HashSet<>();
        if (e.has("option_groups")) {
            check(!e.has("options"), "options and option_groups together");
            check(e.path("option_groups").size() >= 1 && e.path("option_groups").size() <= 100, "option_groups 1..100");
            for (JsonNode g : e.path("option_groups")) {
                text(g.path("label"), 75, "option group label", true);
                optionList(g.path("options"), max, values);
            }
        } else {
            optionList(e.path("options"), max, values);
        }
        if (single && e.has("initial_option")) {
            check(values.contains(e.path("initial_option").path("value").asText()), "initial_option not an option");
        }
        e.path("initial_options").forEach(o -> check(values.contains(o.path("value").asText()),
                "initial_options not an option"));
    }

    private void optionList(JsonNode options, int max, Set<String> values) {
        check(options.size() >= 1 && options.size() <= max, "options 1.." + max + ": " + options.size());
        for (JsonNode o : options) {
            text(o.path("text"), 75, "option text", false);
            String value = o.path("value").asText("");
            check(!value.isEmpty() && value.length() <= 150, "option value 1..150");
            check(values.add(value), "duplicate option value " + value);
        }
    }

    private void text(JsonNode t, int max, String what, boolean plainOnly) {
        String type = t.path("type").asText();
        check(type.equals("plain_text") || (!plainOnly && type.equals("mrkdwn")), what + " has text type " + type);
        String s = t.path("text").asText("");
        check(!s.isEmpty(), what + " is empty");
        length(s, max, what);
        check(io.warroom.support.Utf16.valid(s), what + " has a broken surrogate pair");
    }

    private void length(String s, int max, String what) {
        check(s.length() <= max, what + " longer than " + max + ": " + s.length());
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
