package io.warroom.action;

import io.warroom.shared.Text;

/**
 * Why an action could not run, in words for the reader's language. Never carries credentials or raw
 * responses that might contain them.
 */
public class ActionException extends RuntimeException {

    /**
     * {@code CHANGED}: the target is no longer in the state the approver saw (another deploy, a scale, a
     * revoked key); nothing was changed and the request must be asked again.
     */
    public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, UNREACHABLE, FAILED, CHANGED }

    private final Reason reason;
    private final transient Text text;

    public ActionException(Reason reason, Text text) {
        super(text.toString());
        this.reason = reason;
        this.text = text;
    }

    public ActionException(Reason reason, String key, Object... args) {
        this(reason, Text.of(key, args));
    }

    public Reason reason() {
        return reason;
    }

    public Text text() {
        return text;
    }
}
