package io.warroom.approval;

/** Entry points of the approval module for other modules. */
public interface Approvals {

    /** May this person use a command of this risk here? Read commands need nothing more. */
    AccessDecision check(AccessQuery query);

    /**
     * Creates a pending request for a change and posts its card in the conversation. Checks access and
     * previews the action first; throws {@link ApprovalException} (with a message for the requester) or
     * {@link io.warroom.action.ActionException} when it cannot, and then creates nothing.
     */
    String request(ApprovalSubmission submission);

    /** Privileged actions approved in [from, to), oldest first (for handoffs: what changed during a shift). */
    java.util.List<ExecutedAction> executedBetween(java.time.Instant from, java.time.Instant to);

    /** Start-up check of a catalog entry's policy reference; throws a configuration problem if it is wrong. */
    void validatePolicyReference(String commandId, String risk, String policyId);
}
