package io.warroom.approval;

import io.warroom.chat.Conversation;
import io.warroom.directory.Person;

/** Who wants to use which command, of which risk, in which namespace, and where. */
public record AccessQuery(Person person, Conversation conversation, String commandId, String risk, String policyId,
                          String namespace) {
}
