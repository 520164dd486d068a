package io.warroom.incident.internal;

/**
 * The incident module's action ids (prefix {@code incident.}). Buttons carry an incident id (and a stage or
 * command position), never a command; forms carry their purpose and an opaque reference in the form id.
 */
final class Actions {

    static final String PREFIX = "incident.";
    static final String RESOLVE = "incident.resolve";
    static final String RECORD = "incident.record";
    static final String EXPORT = "incident.export";
    static final String RUN = "incident.run";
    static final String STAGE_DONE = "incident.stage-done";
    /** On an alert group's root; the value is the group's id ({@code A42}). */
    static final String ALERT_DECLARE = "incident.alert-declare";
    /** Form ids: {@code incident.declare-form:<nonce>} and {@code incident.record-form:<incident id>}. */
    static final String DECLARE_FORM = "incident.declare-form:";
    static final String RECORD_FORM = "incident.record-form:";

    private Actions() {
    }
}
