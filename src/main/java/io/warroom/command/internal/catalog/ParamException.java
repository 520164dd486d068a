package io.warroom.command.internal.catalog;

/** A parameter value or the arguments' shape is wrong; the message is shown to the user with the usage. */
public class ParamException extends RuntimeException {
    public ParamException(String message) {
        super(message);
    }
}
