package io.warroom.handoff.internal;

import java.time.Instant;

/**
 * A stored handoff. {@code openItems} and {@code recentChanges} are null for "无" (none) and the details for
 * "有" (some); the three service-state boxes are null until the form is submitted.
 */
record Handoff(long id, String publicId, Instant handoverAt, String outgoing, String outgoingRole, String incoming,
               String incomingRole, Instant shiftStart, State state, Values values, int edits, String submittedBy,
               Instant submittedAt, String acknowledgedBy, Instant acknowledgedAt) {

    enum State { OPEN, SUBMITTED, ACKNOWLEDGED }

    /** What the outgoing engineer filled in. */
    record Values(boolean servicesOk, boolean noAlerts, boolean noMajorEvent, String openItems, String recentChanges,
                  String notes) {
    }

    String stream() {
        return "handoff:" + publicId;
    }

    String cardKey() {
        return "handoff:" + publicId;
    }
}
