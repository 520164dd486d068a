package io.warroom.slack.internal;

/**
 * A signed request that lacks what every request of its kind carries (a slash command without a channel):
 * answered 400 by {@link SlackEndpointServlet}, because sending it again would not help.
 */
final class MalformedRequest extends RuntimeException {

    MalformedRequest(String what) {
        super(what);
    }
}
