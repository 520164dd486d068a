package io.warroom.directory;

/**
 * A roster change that cannot be made, with a message key (in the directory's bundle) and its arguments,
 * so the refusal names what is wrong in the reader's language. Nothing was changed.
 */
public class RosterChangeException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public RosterChangeException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
