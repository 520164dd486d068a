package io.warroom.timeline;

/**
 * Result of recomputing a stream's hash chain. When broken, {@code firstBrokenPosition} is the first
 * entry whose content, position or link does not match, and {@code reason} says which.
 */
public record Verification(String stream, long entries, boolean intact, Long firstBrokenPosition, String reason) {

    public static Verification intact(String stream, long entries) {
        return new Verification(stream, entries, true, null, null);
    }

    public static Verification broken(String stream, long entries, long position, String reason) {
        return new Verification(stream, entries, false, position, reason);
    }
}
