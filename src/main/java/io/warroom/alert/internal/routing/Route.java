package io.warroom.alert.internal.routing;

import io.warroom.alert.LabelMatcher;
import io.warroom.chat.Conversation;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Where matching groups go, with their deadlines by severity and the escalation chain they use. */
public record Route(String id, LabelMatcher labels, List<Conversation> to, Map<String, Duration> deadlines, String escalation) {

    boolean matches(Map<String, String> groupLabels) {
        return labels.matches(groupLabels);
    }
}
