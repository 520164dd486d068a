package io.warroom.incident;

/** The incident a declaration produced; {@code created} is false when an earlier one with the same key is returned. */
public record Declared(String incidentId, boolean created) {
}
