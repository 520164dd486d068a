package io.warroom.chat;

import java.util.Map;
import java.util.Objects;

/**
 * A button click or form submission, already authenticated by the adapter. {@code value} is the opaque
 * id the button carried; the server decides what it means and re-checks who may do it. {@code messageRef}
 * is the platform id of the message clicked (null for modal submissions); {@code trigger} as in
 * {@link InboundCommand}.
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
