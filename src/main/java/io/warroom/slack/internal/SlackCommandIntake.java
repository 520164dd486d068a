package io.warroom.slack.internal;

import io.warroom.chat.InboundCommand;
import io.warroom.chat.InboundDeliveries;
import io.warroom.command.CommandInbox;
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
    private final TransactionTemplate tx;

    SlackCommandIntake(CommandInbox inbox, InboundDeliveries deliveries, TransactionTemplate tx) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.tx = tx;
    }

    /**
     * @param deliveryId what Slack identifies the request by (null when it gives none)
     * @return false when refused as busy (nothing stored); true when stored, or already seen
     */
    boolean take(String deliveryId, InboundCommand command) {
        if (inbox.saturated()) {
            return false;
        }
        return Boolean.TRUE.equals(tx.execute(s -> {
            if ((deliveryId == null || deliveries.firstTime("slack", deliveryId)) && !inbox.offer(command)) {
                s.setRollbackOnly();
                return false;
            }
            return true;
        }));
    }
}
