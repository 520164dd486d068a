package io.warroom.chat;

import java.util.Objects;

/**
 * Where a message lives: a channel (or group chat, or DM) on a platform, optionally inside a thread.
 * {@code thread} is the platform's id of the thread root (Slack ts, Feishu message id, console id).
 */
public record Conversation(Platform platform, String channel, String thread) {

    public Conversation {
        Objects.requireNonNull(platform, "platform");
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("channel must not be blank");
        }
        if (thread != null && thread.isBlank()) {
            thread = null;
        }
    }

    public static Conversation of(Platform platform, String channel) {
        return new Conversation(platform, channel, null);
    }

    /**
     * A channel written as {@code platform:channel} in settings ({@code slack:C0ONCALL},
     * {@code feishu:oc_1a2b}, {@code console:oncall}).
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Conversation parse(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("'" + spec + "' is not platform:channel (e.g. slack:C0ONCALL, console:oncall)");
        }
        String platform = spec.substring(0, colon).strip();
        for (Platform p : Platform.values()) {
            if (p.id().equalsIgnoreCase(platform)) {
                return of(p, spec.substring(colon + 1).strip());
            }
        }
        throw new IllegalArgumentException("'" + spec + "' names no platform (console, slack or feishu)");
    }

    public Conversation inThread(String threadId) {
        return new Conversation(platform, channel, threadId);
    }

    public Conversation channelOnly() {
        return thread == null ? this : new Conversation(platform, channel, null);
    }

    /** Timeline stream of everything said in this channel that belongs to no incident. */
    public String stream() {
        return "conversation:" + platform.id() + ":" + channel;
    }
}
