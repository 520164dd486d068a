package io.warroom.action;

/**
 * Why an action could not run, in words fit for chat. Never carries credentials or raw responses that
 * might contain them.
 */
public class ActionException extends RuntimeException {

    public enum Reason { NOT_FOUND, FORBIDDEN, CONFLICT, INVALID, UNREACHABLE, FAILED }

    private final Reason reason;

    public ActionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
