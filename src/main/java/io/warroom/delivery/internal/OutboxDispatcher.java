package io.warroom.delivery.internal;

import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends queued operations: polls on a fixed delay and wakes at once when a transaction enqueues
 * something. One thread per replica; replicas coordinate only through conditional updates in the
 * database (claims with a lease, shared rate buckets), so a crashed replica's claims are taken over.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration NOT_READY_WAIT = Duration.ofMillis(500);

    private final OutboxRepository repository;
    private final OutboxSender sender;
    private final ChatGateways gateways;
    private final RateLimiter limiter;
    private final DeliveryProperties properties;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile long lastFailureLog;

    OutboxDispatcher(OutboxRepository repository, OutboxSender sender, ChatGateways gateways, RateLimiter limiter,
                     DeliveryProperties properties, DeliveryMetrics metrics, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.gateways = gateways;
        this.limiter = limiter;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEnqueued(OutboxEnqueued event) {
        ScheduledExecutorService ex = executor;
        if (ex != null && wakeQueued.compareAndSet(false, true)) {
            ex.execute(this::runOnce);
        }
    }

    private void runOnce() {
        wakeQueued.set(false);
        try {
            drain();
        } catch (RuntimeException e) {
            // A database hiccup must not kill the loop; the next poll retries. Say so once a minute, not 4 times a second.
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 60_000) {
                lastFailureLog = now;
                log.warn("Outbox poll failed (retrying every {} ms): {}", properties.pollInterval().toMillis(), e.toString());
            }
        }
    }

    /** Sends everything currently due. Returns how many operations were attempted. */
    int drain() {
        int attempted = 0;
        while (true) {
            Instant now = clock.instant();
            var batch = repository.ready(now, properties.batchSize());
            int progressed = 0;
            for (OutboxRow candidate : batch) {
                var claimed = repository.claim(candidate.id(), now, now.plus(properties.lease()));
                if (claimed.isPresent()) {
                    attempted++;
                    if (process(claimed.get())) {
                        progressed++;
                    }
                }
            }
            // Sending a thread's first operation makes its next one ready, so go round while that happens.
            if (progressed == 0) {
                metrics.depth(repository.unfinishedCount());
                return attempted;
            }
        }
    }

    /** @return true when the row left the queue (sent or failed for good) */
    private boolean process(OutboxRow row) {
        Instant now = clock.instant();
        ChatGateway gateway = gateways.forPlatform(row.platform()).orElse(null);
        if (gateway == null) {
            return fail(row, "platform " + row.platform().id() + " is not configured");
        }
        Conversation where;
        try {
            where = sender.destination(row);
        } catch (OutboxSender.NotReadyException e) {
            return retryOrGiveUp(row, now.plus(NOT_READY_WAIT), false, e.getMessage(), "not-ready");
        } catch (ChatDeliveryException e) {
            return fail(row, e.getMessage());
        }
        var limits = properties.limitsFor(row.platform().id());
        String appBucket = row.platform().id() + ":*";
        // Posts and edits visible in a channel count against its limit; ephemerals, forms, group creation
        // and invitations are limited per app only (a form must not wait behind a busy channel's posts).
        String channelBucket = countsAgainstChannel(row) ? row.platform().id() + ":" + row.channel() : null;
        Duration wait = Duration.ZERO;
        if (row.operation() == Delivery.Operation.UPDATE && row.priority() <= Priority.ROUTINE.weight()) {
            // Checked first: while it waits here the row stays queued and absorbs newer edits.
            wait = limiter.tryAcquire(row.platform().id() + ":" + row.channel() + ":msg:" + row.messageKey(),
                    new DeliveryProperties.Rate(1_000d / Math.max(1, properties.routineEditInterval().toMillis()), 1), now);
        }
        if (wait.isZero()) {
            wait = limiter.tryAcquire(appBucket, limits.perApp(), now);
        }
        DeliveryProperties.Rate methodRate = limits.perMethod() == null ? null : limits.perMethod().get(method(row));
        if (wait.isZero() && methodRate != null) {
            wait = limiter.tryAcquire(row.platform().id() + ":method:" + method(row), methodRate, now);
        }
        if (wait.isZero() && channelBucket != null) {
            wait = limiter.tryAcquire(channelBucket, limits.perChannel(), now);
        }
        if (!wait.isZero()) {
            repository.reschedule(row.id(), now.plus(wait), false, null);
            return false;
        }
        try {
            sender.send(row, gateway, where);
            Instant sent = clock.instant();
            repository.markSent(row.id(), sent);
            metrics.sent(row.platform(), Duration.between(row.createdAt(), sent));
            return true;
        } catch (ChatDeliveryException e) {
            if (e.retryAfter() != null) {
                Instant until = now.plus(e.retryAfter());
                limiter.holdUntil(channelBucket != null ? channelBucket : appBucket, until);
                return retryOrGiveUp(row, until, false, e.getMessage(), "rate-limited");
            }
            if (!e.retryable()) {
                return fail(row, e.getMessage());
            }
            return retryOrGiveUp(row, now.plus(backoff(row.attempts())), true, e.getMessage(), "error");
        } catch (RuntimeException e) {
            return retryOrGiveUp(row, now.plus(backoff(row.attempts())), true, e.toString(), "error");
        }
    }

    /** The operation as {@code limits.<platform>.per-method} names it. */
    static String method(OutboxRow row) {
        return switch (row.operation()) {
            case POST -> row.visibleTo() == null ? "post" : "ephemeral";
            case UPDATE -> "update";
            case CREATE_GROUP -> "create-group";
            case INVITE -> "invite";
            case OPEN_FORM -> "open-form";
            case SET_TOPIC -> "set-topic";
            case PIN -> "pin";
        };
    }

    private static boolean countsAgainstChannel(OutboxRow row) {
        return switch (row.operation()) {
            case POST -> row.visibleTo() == null;
            case UPDATE -> true;
            case CREATE_GROUP, INVITE, OPEN_FORM, SET_TOPIC, PIN -> false;
        };
    }

    private boolean retryOrGiveUp(OutboxRow row, Instant next, boolean countAttempt, String error, String reason) {
        if (Duration.between(row.createdAt(), next).compareTo(properties.giveUpAfter()) > 0) {
            return fail(row, "gave up after " + properties.giveUpAfter() + ": " + error);
        }
        metrics.retried(row.platform(), reason);
        repository.reschedule(row.id(), next, countAttempt, error);
        return false;
    }

    private boolean fail(OutboxRow row, String error) {
        log.warn("Outbound {} #{} to {} failed for good: {}", row.operation(), row.id(), row.platform().id(), error);
        repository.markFailed(row.id(), error);
        metrics.failed(row.platform());
        return true;
    }

    /** Exponential backoff with full jitter, capped. */
    private Duration backoff(int attempts) {
        long base = properties.initialBackoff().toMillis() << Math.min(attempts, 20);
        long capped = Math.min(base, properties.maxBackoff().toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    void purgeOldSent() {
        int n = repository.deleteFinishedBefore(clock.instant().minus(properties.keepSent()));
        limiter.forgetIdleBefore(clock.instant().minus(java.time.Duration.ofDays(1)));
        if (n > 0) {
            log.info("Purged {} delivered outbox rows", n);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-outbox");
            t.setDaemon(true);
            return t;
        });
        long delay = properties.pollInterval().toMillis();
        ex.scheduleWithFixedDelay(this::runOnce, 0, delay, TimeUnit.MILLISECONDS);
        ex.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
        executor = ex;
    }

    private void purgeSafely() {
        try {
            purgeOldSent();
        } catch (RuntimeException e) {
            log.warn("Outbox purge failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdown();
            try {
                // Let the operation in flight finish; anything left stays queued for the next start.
                ex.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return !properties.paused();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // Below the web server's graceful-shutdown phase: requests finish first and their answers still go out.
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }
}
