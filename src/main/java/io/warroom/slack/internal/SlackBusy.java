package io.warroom.slack.internal;

/**
 * An event refused because this replica's command queue is full, with nothing stored: answered 503 by
 * {@link SlackEndpointServlet} and left unacknowledged in Socket Mode, so Slack delivers it again. (A
 * listener cannot say so with its response: Bolt turns any non-200 answer of an event listener into 404.)
 */
final class SlackBusy extends RuntimeException {

    SlackBusy() {
        super("busy", null, false, false);
    }
}
