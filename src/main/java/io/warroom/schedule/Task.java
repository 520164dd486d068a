package io.warroom.schedule;

import java.time.Instant;
import java.util.Map;

/** A due task as its handler sees it. {@code attempt} counts from 1; a retry after a failure sees 2, 3, ... */
public record Task(String key, String kind, Instant dueAt, Map<String, String> data, int attempt) {

    public Task {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public String get(String name) {
        String value = data.get(name);
        if (value == null) {
            throw new IllegalStateException("task " + key + " has no '" + name + "'");
        }
        return value;
    }
}
