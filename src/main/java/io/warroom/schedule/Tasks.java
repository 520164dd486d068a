package io.warroom.schedule;

import java.time.Instant;
import java.util.Map;

/** Schedules and cancels durable tasks. Both join the caller's transaction. */
public interface Tasks {

    /**
     * Schedules a task unless one with this key was ever scheduled (pending, done or cancelled): the key
     * names the one occurrence, e.g. {@code alert.escalate:42:step-1} or {@code check:daily:2026-11-30T09:00}.
     * @return true when this call added it
     */
    boolean schedule(String key, String kind, Instant dueAt, Map<String, String> data);

    /** Cancels the pending tasks whose key starts with {@code keyPrefix}; returns how many. */
    int cancel(String keyPrefix);

    /** Whether a task with this key was ever scheduled. */
    boolean exists(String key);
}
