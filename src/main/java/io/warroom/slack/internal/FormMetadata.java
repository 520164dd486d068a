package io.warroom.slack.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;

/**
 * What a modal carries in {@code private_metadata} (≤ 3000 characters): where it was opened, so the
 * submission belongs to that conversation, and which form it is.
 */
record FormMetadata(@JsonProperty("c") String channel, @JsonProperty("t") String thread,
                    @JsonProperty("f") String formId) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static FormMetadata of(Conversation where, String formId) {
        return new FormMetadata(where.channel(), where.thread(), formId);
    }

    Conversation conversation() {
        return new Conversation(Platform.SLACK, channel, thread);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return null when the metadata is not ours */
    static FormMetadata parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            FormMetadata m = JSON.readValue(json, FormMetadata.class);
            return m.channel() == null || m.channel().isBlank() || m.formId() == null ? null : m;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
