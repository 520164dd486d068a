package io.warroom.alert;

import io.warroom.chat.Conversation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read side of the alert module for other modules (incidents, the handoff form). */
public interface Alerts {

    /** A group by its short id ({@code A42}, or {@code 42}). */
    Optional<AlertGroupSummary> group(String id);

    /** Groups firing now, most severe first. */
    List<AlertGroupSummary> firing();

    /** The channels a group is routed to (where its thread is, or its storm's digest); empty for an unknown id. */
    List<Conversation> channels(String id);

    /** Groups silenced from Warroom whose silence ends within [from, to). */
    List<AlertGroupSummary> silencesEnding(Instant from, Instant to);
}
