package io.warroom.alert.internal.thread;

/** Action ids of the alert buttons and form (the handler is {@code AlertButtons}). */
public final class AlertActions {

    public static final String PREFIX = "alert.";
    public static final String ACK = "alert.ack";
    public static final String UNACK = "alert.unack";
    public static final String RESOLVE = "alert.resolve";
    /** Value {@code <group>:<duration>}, e.g. {@code 42:1h}. */
    public static final String SILENCE = "alert.silence";
    public static final String SILENCE_FORM = "alert.silence-form";
    /** The custom-silence form's id is this plus {@code <group>}: the form says which group it is about. */
    public static final String SILENCE_SUBMIT = "alert.silence-submit.";
    public static final String EXPIRE = "alert.expire";
    /** Value {@code <group>:<index of the runbook command>}. */
    public static final String RUN = "alert.run";
    /** From a storm digest: give the group its own thread here. */
    public static final String OPEN = "alert.open";

    private AlertActions() {
    }
}
