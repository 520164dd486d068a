package io.warroom.feishu.internal;

import static io.warroom.chat.TextCut.cut;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.warroom.chat.OutboundMessage.Form;
import io.warroom.chat.OutboundMessage.Input;
import io.warroom.chat.OutboundMessage.Option;
import java.util.HashSet;
import java.util.List;

/**
 * A form as a card JSON 2.0 form container (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/containers/form-container):
 * the inputs, then one button with {@code form_action_type: submit}. Components used, each from the 2.0
 * reference: input (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/input),
 * single-select dropdown {@code select_static}, multi-select dropdown {@code multi_select_static}
 * (https://open.feishu.cn/document/feishu-cards/card-json-v2-components/interactive-components/single-select-dropdown-menu,
 * .../multi-select-dropdown-menu), checker (.../interactive-components/checker) and button
 * (.../interactive-components/button). Names come from {@link FeishuNames}: the submit button's name carries
 * the form id, which Feishu sends back in the documented {@code action.name}. Labels, placeholders and option
 * texts are plain_text, so nothing in them is read as markup.
 */
final class FeishuFormRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FeishuFormRenderer() {
    }

    static ObjectNode form(Form form, String submitLabel, FeishuCardLimits limits) {
        ObjectNode container = NODES.objectNode().put("tag", "form").put("name", FeishuNames.form(form.formId()));
        ArrayNode elements = container.putArray("elements");
        if (form.title() != null && !form.title().isBlank()) {
            elements.add(FeishuCardRenderer.boldLine(cut(form.title(), limits.label())));
        }
        for (Input in : form.inputs()) {
            String label = cut(in.label() == null || in.label().isBlank() ? in.name() : in.label(), limits.label());
            switch (in.type()) {
                case TEXT, MULTILINE -> elements.add(text(in, label, in.type() == io.warroom.chat.OutboundMessage.InputType.MULTILINE, null));
                case SELECT -> select(elements, in, label, in.options(), false, limits);
                case CHECKBOX -> {
                    if (in.options().isEmpty()) {
                        ObjectNode checker = elements.addObject().put("tag", "checker").put("name", FeishuNames.input(in.name()))
                                .put("checked", "true".equals(in.initialValue()));
                        checker.set("text", FeishuCardRenderer.plain(label));
                    } else {
                        select(elements, in, label, in.options(), true, limits);
                    }
                }
            }
        }
        ObjectNode submit = elements.addObject().put("tag", "button").put("name", FeishuNames.submit(form.formId()));
        submit.set("text", FeishuCardRenderer.plain(cut(submitLabel, FeishuCardLimits.BUTTON_TEXT)));
        submit.put("type", "primary_filled").put("form_action_type", "submit");
        return container;
    }

    private static ObjectNode text(Input in, String label, boolean multiline, String hint) {
        ObjectNode input = NODES.objectNode().put("tag", "input").put("name", FeishuNames.input(in.name()))
                .put("required", in.required());
        input.set("label", FeishuCardRenderer.plain(label));
        input.put("label_position", "top");
        if (hint != null) {
            input.set("placeholder", FeishuCardRenderer.plain(hint));
        }
        input.put("max_length", FeishuCardLimits.INPUT_VALUE);
        if (in.initialValue() != null && !in.initialValue().isEmpty()) {
            input.put("default_value", cut(in.initialValue(), FeishuCardLimits.INPUT_VALUE));
        }
        if (multiline) {
            input.put("input_type", "multiline_text").put("rows", 4);
        }
        return input;
    }

    /** A dropdown under a label of its own; more choices than the card can carry make it a text input saying so. */
    private static void select(ArrayNode elements, Input in, String label, List<Option> options, boolean multi,
                               FeishuCardLimits limits) {
        if (options.isEmpty() || options.size() > limits.options()) {
            String hint = options.isEmpty() ? null : cut(options.size() + ": " + String.join(", ",
                    options.stream().limit(10).map(Option::value).toList()), 150);
            elements.add(text(in, label, false, hint));
            return;
        }
        elements.add(FeishuCardRenderer.plainDiv(label));
        ObjectNode select = elements.addObject().put("tag", multi ? "multi_select_static" : "select_static")
                .put("name", FeishuNames.input(in.name())).put("required", in.required());
        select.set("placeholder", FeishuCardRenderer.plain(label));
        var values = new HashSet<String>();
        ArrayNode list = select.putArray("options");
        for (Option o : options) {
            values.add(o.value());
            list.addObject().<ObjectNode>set("text", FeishuCardRenderer.plain(cut(o.label(), limits.label())))
                    .put("value", o.value());
        }
        if (in.initialValue() != null && !in.initialValue().isEmpty()) {
            if (multi) {
                ArrayNode selected = select.putArray("selected_values");
                for (String v : in.initialValue().split(",", -1)) {
                    if (values.remove(v)) {
                        selected.add(v);
                    }
                }
            } else if (values.contains(in.initialValue())) {
                select.put("initial_option", in.initialValue());
            }
        }
    }
}
