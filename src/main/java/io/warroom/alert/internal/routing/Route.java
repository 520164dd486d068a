package io.warroom.alert.internal.routing;

import io.warroom.chat.Conversation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Where matching groups go, with their deadlines by severity and the escalation chain they use. */
public record Route(String id, Map<String, String> match, Map<String, Pattern> matchRe, List<Conversation> to,
                   Map<String, Duration> deadlines, String escalation) {

    boolean matches(Map<String, String> labels) {
        for (var e : match.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (var e : matchRe.entrySet()) {
            String value = labels.get(e.getKey());
            if (value == null || !e.getValue().matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }
}
