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
