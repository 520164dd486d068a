package io.warroom.chat;

import java.util.Map;

/**
 * What a click or submission did, for the platform's immediate answer: a short toast (Feishu callback
 * toast, Slack ephemeral), or field errors that keep a form open (Slack {@code response_action: errors}).
 * Anything longer goes through the outbox.
 */
public record ActionOutcome(Kind kind, String message, Map<String, String> fieldErrors, OutboundMessage card) {

    public enum Kind { DONE, REFUSED, INVALID }

    public ActionOutcome {
        fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
    }

    public ActionOutcome(Kind kind, String message, Map<String, String> fieldErrors) {
        this(kind, message, fieldErrors, null);
    }

    public static ActionOutcome done(String message) {
        return new ActionOutcome(Kind.DONE, message, Map.of());
    }

    /** The actor may not do this, or it can no longer be done (expired, already decided). */
    public static ActionOutcome refused(String message) {
        return new ActionOutcome(Kind.REFUSED, message, Map.of());
    }

    /** A form was submitted with errors, by input name. */
    public static ActionOutcome invalid(Map<String, String> fieldErrors) {
        return new ActionOutcome(Kind.INVALID, null, fieldErrors);
    }

    /**
     * The clicked message as it should look now, for platforms that replace it in their answer (Feishu's
     * callback {@code card}); the same update also goes through the outbox for everyone else.
     */
    public ActionOutcome withCard(OutboundMessage updated) {
        return new ActionOutcome(kind, message, fieldErrors, updated);
    }
}
