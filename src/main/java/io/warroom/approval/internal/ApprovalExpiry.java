package io.warroom.approval.internal;

import io.warroom.approval.ApprovalExpired;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks requests nobody decided in time as expired and updates their cards. Safe with several replicas:
 * each request moves out of PENDING through a conditional update, so only one replica reports it.
 */
@Component
class ApprovalExpiry {

    private final ApprovalRepository repository;
    private final CardUpdates cards;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApprovalExpiry(ApprovalRepository repository, CardUpdates cards, ApplicationEventPublisher events,
                   TransactionTemplate tx, Clock clock) {
        this.repository = repository;
        this.cards = cards;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${warroom.approval.expiry-check:15s}", initialDelayString = "${warroom.approval.expiry-check:15s}")
    int expire() {
        int n = 0;
        for (String publicId : repository.expiredPending(clock.instant(), 100)) {
            Boolean done = tx.execute(s -> {
                var r = repository.lock(publicId).orElseThrow();
                if (!repository.decide(r.id(), ApprovalRecord.State.EXPIRED, "warroom", clock.instant())) {
                    return false;
                }
                events.publishEvent(new ApprovalExpired(r.stream(), clock.instant(), "warroom", publicId,
                        r.action().describe()));
                cards.refresh(publicId);
                return true;
            });
            n += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return n;
    }
}
