package io.warroom.command;

/**
 * Bad command input, thrown by any {@link ChatCommand}. {@code messageKey} names a message in the bundles
 * (formatted with {@code args} in the reader's language); the requester gets it with the usage list, and
 * nothing the command started is kept (the command's transaction rolls back).
 */
public class UsageException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UsageException(String messageKey, Object... args) {
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
