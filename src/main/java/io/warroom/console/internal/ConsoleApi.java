package io.warroom.console.internal;

import java.util.List;
import java.util.Map;

/** JSON shapes of the console's endpoints. */
final class ConsoleApi {

    private ConsoleApi() {
    }

    record PersonView(String id, String name, List<String> groups, List<String> roles) {
    }

    record ChannelView(String id, String name, boolean group, String topic, Long pinnedMessageId) {
    }

    record MessageView(long id, Long threadId, String author, String authorName, boolean ephemeral, String html,
                       String text, String createdAt, int version) {
    }

    record CommandRequest(String as, String text, Long threadId) {
    }

    record ActionRequest(String as, Long messageId, String actionId, String value, Map<String, String> form) {
    }

    record Accepted(String status) {
    }

    /** Result of a click: {@code status} done, refused (403) or invalid (422, with field errors). */
    record Outcome(String status, String message, Map<String, String> fieldErrors) {
    }

    record Problem(String error) {
    }
}
