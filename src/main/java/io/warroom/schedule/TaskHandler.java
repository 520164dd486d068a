package io.warroom.schedule;

/**
 * Runs tasks of one kind. {@link #run} is called in a transaction that also marks the task done, so its
 * database effects (state changes, events, outbox messages, the next task) happen exactly once; throwing
 * rolls them back and the task is tried again later. Calls to the outside world may repeat after a crash.
 */
public interface TaskHandler {

    /** The kind this handler owns, e.g. {@code alert.escalate}. Two handlers for one kind stop start-up. */
    String kind();

    void run(Task task);
}
