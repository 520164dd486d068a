package io.warroom.slack.internal;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.warroom.chat.ChatDeliveryException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Runs one Web API call and turns Slack's answers into {@link ChatDeliveryException}s: HTTP 429 →
 * rate limited for {@code Retry-After}; network errors and 5xx → transient; {@code ok:false} → permanent
 * unless the error is one Slack documents as temporary. Messages name the method and error, never a token.
 */
final class SlackCalls {

    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "team_added_to_org", "ekm_access_denied");

    private SlackCalls() {
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    /** Thrown for {@code ok:false}, carrying Slack's error code so callers can react to specific ones. */
    static final class SlackError extends RuntimeException {
        final String method;
        final String error;

        SlackError(String method, String error) {
            super(method + " failed: " + error);
            this.method = method;
            this.error = error;
        }
    }

    /** Calls and returns the response; {@code ok:false} throws {@link SlackError}. */
    static <T extends SlackApiTextResponse> T raw(String method, Call<T> call) {
        T response;
        try {
            response = call.run();
        } catch (SlackApiException e) {
            int code = e.getResponse().code();
            if (code == 429) {
                throw ChatDeliveryException.rateLimited(retryAfter(e.getResponse().header("Retry-After")));
            }
            if (code >= 500) {
                throw ChatDeliveryException.transientFailure(method + ": HTTP " + code, null);
            }
            throw ChatDeliveryException.permanentFailure(method + ": HTTP " + code);
        } catch (IOException e) {
            throw ChatDeliveryException.transientFailure(method + ": " + e.getClass().getSimpleName(), e);
        }
        if (!response.isOk()) {
            throw new SlackError(method, response.getError() == null ? "unknown_error" : response.getError());
        }
        return response;
    }

    /** Calls and maps every failure, including {@code ok:false}, to a {@link ChatDeliveryException}. */
    static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        try {
            return raw(method, call);
        } catch (SlackError e) {
            throw map(e);
        }
    }

    static ChatDeliveryException map(SlackError e) {
        if (e.error.equals("ratelimited") || e.error.equals("rate_limited")) {
            return ChatDeliveryException.rateLimited(DEFAULT_RETRY_AFTER);
        }
        if (TRANSIENT.contains(e.error)) {
            return ChatDeliveryException.transientFailure(e.getMessage(), null);
        }
        return ChatDeliveryException.permanentFailure(e.getMessage());
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }
}
