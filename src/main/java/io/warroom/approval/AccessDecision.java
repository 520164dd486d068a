package io.warroom.approval;

import io.warroom.shared.Text;

/**
 * The policy's verdict: allowed or not, and which policy decided. The reason is words for the reader's
 * language: pass it as an argument to {@code Texts.get}, which resolves it in that language.
 */
public record AccessDecision(boolean allowed, Text reason, String policyId) {

    public static AccessDecision allow(String policyId) {
        return new AccessDecision(true, null, policyId);
    }

    public static AccessDecision deny(String policyId, Text reason) {
        return new AccessDecision(false, reason, policyId);
    }
}
