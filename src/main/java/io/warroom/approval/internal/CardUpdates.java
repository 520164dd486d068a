package io.warroom.approval.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warroom.chat.OutboundMessage;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Outbox;
import io.warroom.delivery.Priority;
import org.springframework.stereotype.Component;

/** Posts the approval card and keeps it up to date in place, through the outbox (approvals ride the urgent lane). */
@Component
class CardUpdates {

    private final ApprovalCard card;
    private final ApprovalRepository repository;
    private final Policies policies;
    private final Outbox outbox;
    private final ObjectMapper json;

    CardUpdates(ApprovalCard card, ApprovalRepository repository, Policies policies, Outbox outbox, ObjectMapper json) {
        this.card = card;
        this.repository = repository;
        this.policies = policies;
        this.outbox = outbox;
        this.json = json;
    }

    void post(ApprovalRecord r, ShownPreview preview, boolean mayCancel) {
        outbox.enqueue(Delivery.post(r.conversation(), r.cardKey(), card.render(r, preview, java.util.List.of(), mayCancel),
                Priority.URGENT));
    }

    /**
     * Re-renders the card from the stored request (call after changing it, in the same transaction) and
     * queues the update; returns the new card for platforms that show it in their answer to the click.
     */
    OutboundMessage refresh(String publicId) {
        ApprovalRecord r = repository.byPublicId(publicId).orElseThrow();
        boolean mayCancel = policies.byId(r.policyId()).map(Policy::requesterMayCancel).orElse(false);
        OutboundMessage updated = card.render(r, preview(r), repository.voters(r.id()), mayCancel);
        outbox.enqueue(Delivery.update(r.conversation(), r.cardKey(), updated, Priority.URGENT));
        return updated;
    }

    ShownPreview preview(ApprovalRecord r) {
        try {
            return json.readValue(r.previewJson(), ShownPreview.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored preview is unreadable", e);
        }
    }
}
