package io.warroom.chat;

import java.time.Duration;

/**
 * A failed platform call. {@code retryAfter} is set when the platform asked us to wait (HTTP 429);
 * {@code retryable} is false when retrying cannot help (bad channel, message too old to edit).
 */
public class ChatDeliveryException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;

    private ChatDeliveryException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static ChatDeliveryException rateLimited(Duration retryAfter) {
        return new ChatDeliveryException("rate limited, retry after " + retryAfter.toMillis() + " ms", true,
                retryAfter, null);
    }

    public static ChatDeliveryException transientFailure(String message, Throwable cause) {
        return new ChatDeliveryException(message, true, null, cause);
    }

    public static ChatDeliveryException permanentFailure(String message) {
        return new ChatDeliveryException(message, false, null, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
