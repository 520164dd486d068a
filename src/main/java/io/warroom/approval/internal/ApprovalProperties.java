package io.warroom.approval.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long Warroom follows a rollout after an approved change, how often it looks, how often it expires requests. */
@ConfigurationProperties("warroom.approval")
record ApprovalProperties(Duration followInterval, Duration rolloutTimeout, Duration expiryCheck) {
    ApprovalProperties {
        followInterval = followInterval == null ? Duration.ofSeconds(2) : followInterval;
        rolloutTimeout = rolloutTimeout == null ? Duration.ofMinutes(10) : rolloutTimeout;
        expiryCheck = expiryCheck == null ? Duration.ofSeconds(15) : expiryCheck;
    }
}
