package io.warroom.approval;

/** The policy's verdict: allowed or not (with the reason in words), and which policy decided. */
public record AccessDecision(boolean allowed, String reason, String policyId) {

    public static AccessDecision allow(String policyId) {
        return new AccessDecision(true, null, policyId);
    }

    public static AccessDecision deny(String policyId, String reason) {
        return new AccessDecision(false, reason, policyId);
    }
}
