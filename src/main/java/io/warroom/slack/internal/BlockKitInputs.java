package io.warroom.slack.internal;

import static io.warroom.slack.internal.BlockKitLimits.CHECKBOX_OPTIONS;
import static io.warroom.slack.internal.BlockKitLimits.INPUT_LABEL;
import static io.warroom.slack.internal.BlockKitLimits.INPUT_VALUE;
import static io.warroom.slack.internal.BlockKitLimits.OPTION_GROUPS;
import static io.warroom.slack.internal.BlockKitLimits.OPTION_GROUP_LABEL;
import static io.warroom.slack.internal.BlockKitLimits.OPTION_TEXT;
import static io.warroom.slack.internal.BlockKitLimits.OPTION_VALUE;
import static io.warroom.slack.internal.BlockKitLimits.PLACEHOLDER;
import static io.warroom.slack.internal.BlockKitLimits.SELECT_OPTIONS;
import static io.warroom.slack.internal.SlackText.cut;
import static io.warroom.slack.internal.SlackText.orElse;
import static io.warroom.slack.internal.SlackText.plain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.Option;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form input as a Block Kit input block whose block_id and action_id are the input's name. Within the
 * limits whatever the number of choices: a select of more than 100 options uses option groups of 100 (up to
 * 10,000 choices), checkboxes beyond 10 become a multi-select, and beyond what a select can hold the input is a
 * text field whose placeholder says so. Option values fit Slack's 150 characters by contract
 * ({@link io.warroom.chat.OutboundMessage#MAX_OPTION_VALUE}).
 */
final class BlockKitInputs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BlockKitInputs() {
    }

    static ObjectNode input(Input input) {
        ObjectNode block = NODES.objectNode().put("type", "input").put("block_id", input.name());
        block.set("label", plain(cut(orElse(input.label(), null, input.name()), INPUT_LABEL)));
        block.put("optional", !input.required());
        ObjectNode element = block.putObject("element");
        switch (input.type()) {
            case SELECT -> select(element, input, input.options(), false);
            case CHECKBOX -> {
                List<Option> choices = input.options().isEmpty() ? List.of(new Option("true", orElse(input.label(), null,
                        input.name()))) : input.options();
                if (choices.size() <= CHECKBOX_OPTIONS) {
                    element.put("type", "checkboxes").put("action_id", input.name());
                    Set<String> chosen = chosen(input.initialValue());
                    ArrayNode options = element.putArray("options");
                    ArrayNode initial = NODES.arrayNode();
                    for (int i = 0; i < choices.size(); i++) {
                        ObjectNode option = option(choices.get(i));
                        options.add(option);
                        if (chosen.contains(choices.get(i).value())) {
                            initial.add(option.deepCopy());
                        }
                    }
                    if (!initial.isEmpty()) {
                        element.set("initial_options", initial);
                    }
                } else {
                    select(element, input, choices, true);
                }
            }
            case MULTILINE -> textInput(element, input, true, null);
            case TEXT -> textInput(element, input, false, null);
        }
        return block;
    }

    private static void select(ObjectNode element, Input input, List<Option> choices, boolean multi) {
        if (choices.isEmpty() || choices.size() > SELECT_OPTIONS * OPTION_GROUPS) {
            String hint = choices.isEmpty() ? null : choices.size() + ": " + String.join(", ",
                    choices.stream().limit(20).map(Option::value).toList());
            textInput(element, input, false, hint);
            return;
        }
        element.put("type", multi ? "multi_static_select" : "static_select").put("action_id", input.name());
        Set<String> chosen = multi ? chosen(input.initialValue())
                : input.initialValue() == null ? Set.of() : Set.of(input.initialValue());
        ArrayNode initial = NODES.arrayNode();
        Map<Integer, ArrayNode> groups = new LinkedHashMap<>();
        ArrayNode flat = NODES.arrayNode();
        for (int i = 0; i < choices.size(); i++) {
            ObjectNode option = option(choices.get(i));
            if (choices.size() <= SELECT_OPTIONS) {
                flat.add(option);
            } else {
                groups.computeIfAbsent(i / SELECT_OPTIONS, g -> NODES.arrayNode()).add(option);
            }
            if (chosen.contains(choices.get(i).value()) && (multi || initial.isEmpty())) {
                initial.add(option.deepCopy());
            }
        }
        if (groups.isEmpty()) {
            element.set("options", flat);
        } else {
            ArrayNode optionGroups = element.putArray("option_groups");
            groups.forEach((g, options) -> {
                int from = g * SELECT_OPTIONS + 1;
                int to = from + options.size() - 1;
                ObjectNode group = optionGroups.addObject();
                group.set("label", plain(cut(from + "–" + to, OPTION_GROUP_LABEL)));
                group.set("options", options);
            });
        }
        if (!initial.isEmpty()) {
            if (multi) {
                element.set("initial_options", initial);
            } else {
                element.set("initial_option", initial.get(0));
            }
        }
    }

    private static void textInput(ObjectNode element, Input input, boolean multiline, String hint) {
        element.put("type", "plain_text_input").put("action_id", input.name()).put("max_length", INPUT_VALUE);
        if (multiline) {
            element.put("multiline", true);
        }
        if (hint != null) {
            element.set("placeholder", plain(cut(hint, PLACEHOLDER)));
        }
        if (input.initialValue() != null && !input.initialValue().isEmpty()) {
            element.put("initial_value", cut(input.initialValue(), INPUT_VALUE));
        }
    }

    private static ObjectNode option(Option o) {
        ObjectNode option = NODES.objectNode();
        option.set("text", plain(cut(o.label(), OPTION_TEXT)));
        option.put("value", cut(o.value(), OPTION_VALUE));
        return option;
    }

    private static Set<String> chosen(String initial) {
        return initial == null || initial.isEmpty() ? Set.of() : new HashSet<>(List.of(initial.split(",", -1)));
    }
}
