package io.warroom.approval.internal;

import io.warroom.action.ActionSpec;
import io.warroom.action.RunAs;
import io.warroom.chat.Conversation;
import java.time.Instant;
import java.util.Locale;

/** A stored approval request. */
record ApprovalRecord(long id, String publicId, String commandId, String commandText, String risk, String policyId,
                      String requester, ActionSpec action, String digest, RunAs runAs, String previewJson,
                      Conversation conversation, Locale locale, int approvalsNeeded, State state, Instant createdAt,
                      Instant expiresAt, Instant decidedAt, String decidedBy, String result) {

    enum State {
        PENDING, EXECUTING, EXECUTED, FAILED, REJECTED, CANCELLED, EXPIRED;

        boolean open() {
            return this == PENDING;
        }
    }

    String cardKey() {
        return "approval:" + publicId;
    }

    String stream() {
        return conversation.stream();
    }
}
