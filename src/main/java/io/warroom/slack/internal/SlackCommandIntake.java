package io.warroom.slack.internal;

import io.warroom.chat.InboundCommand;
import io.warroom.chat.InboundDeliveries;
import io.warroom.command.CommandInbox;
import io.warroom.shared.GroupCommit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a command from Slack (a slash command, a mention) is taken: stored in the command inbox together with
 * the record of its delivery, so a redelivery finds it seen and a crash loses nothing; or, when this
 * replica's command queue stays full, not at all, not even the delivery record, so the same request is
 * taken when it comes again.
 */
@Component
@OnSlack
class SlackCommandIntake {

    private final CommandInbox inbox;
    private final InboundDeliveries deliveries;
    private final GroupCommit group;

    SlackCommandIntake(CommandInbox inbox, InboundDeliveries deliveries, TransactionTemplate tx) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.group = new GroupCommit(tx, GroupCommit.INTAKE_UNITS);
    }

    /**
     * @param deliveryId what Slack identifies the request by (null when it gives none)
     * @return false when refused as busy (nothing stored); true when stored, or already seen
     */
    boolean take(String deliveryId, InboundCommand command) {
        try (CommandInbox.Place place = inbox.reserve()) {
            if (place == null) {
                return false;
            }
            // Stored with the requests of other threads arriving meanwhile: one commit for all of them.
            return group.execute(() -> {
                if (deliveryId != null && !deliveries.firstTime("slack", deliveryId)) {
                    return true;
                }
                if (inbox.offer(command, place)) {
                    return true;
                }
                if (deliveryId != null) {
                    deliveries.forget("slack", deliveryId);
                }
                return false;
            });
        }
    }
}
