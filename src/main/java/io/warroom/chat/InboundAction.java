package io.warroom.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A button click or form submission, already authenticated by the adapter. {@code value} is the opaque
 * id the button carried; the server decides what it means and re-checks who may do it. {@code messageRef}
 * is the platform id of the message clicked (null for modal submissions); {@code trigger} as in
 * {@link InboundCommand}.
 *
 * <p>A click has the button's action id and value and no form values. A form submission has the form's
 * {@code formId} as action id, an empty value, and {@code formValues} by input name, read the same way on
 * every platform (console, Slack, Feishu):
 * <ul>
 *   <li>TEXT, MULTILINE: the text as typed ({@code ""} when left empty);</li>
 *   <li>SELECT: the chosen option's value ({@code ""} when none);</li>
 *   <li>CHECKBOX: the values of the ticked options joined by {@code ,}, in no particular order
 *       ({@code ""} when none is ticked): read them as a set. A checkbox without options is one box whose value is {@code true},
 *       so it reads {@code "true"} or {@code ""}. Option values of a checkbox must therefore not contain commas.</li>
 * </ul>
 * An input the platform did not send back is absent from the map.
 */
public record InboundAction(Conversation conversation, Actor actor, String actionId, String value,
                            Map<String, String> formValues, String messageRef, String trigger) {

    public InboundAction {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        if (actionId == null || actionId.isBlank()) {
            throw new IllegalArgumentException("actionId must not be blank");
        }
        value = value == null ? "" : value;
        formValues = formValues == null ? Map.of() : Map.copyOf(formValues);
    }

    public InboundAction(Conversation conversation, Actor actor, String actionId, String value,
                         Map<String, String> formValues) {
        this(conversation, actor, actionId, value, formValues, null, null);
    }
}
