package io.warroom.approval;

import io.warroom.action.ActionSpec;
import io.warroom.chat.Conversation;
import io.warroom.directory.Person;
import java.util.Locale;

/** A change somebody asked for, exactly as it would run. */
public record ApprovalSubmission(String commandId, String commandText, String risk, String policyId,
                                 ActionSpec action, Person requester, Conversation conversation, Locale locale) {
}
