package io.warroom.command.internal;

/** Bad command input. {@code messageKey} names a message in the bundles; the reply shows usage too. */
class UsageException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;

    UsageException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    String messageKey() {
        return messageKey;
    }

    Object[] args() {
        return args;
    }
}
