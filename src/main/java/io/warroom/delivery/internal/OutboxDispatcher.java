package io.warroom.delivery.internal;

import io.warroom.chat.ChatDeliveryException;
import io.warroom.chat.ChatGateway;
import io.warroom.chat.Conversation;
import io.warroom.chat.Platform;
import io.warroom.delivery.Delivery;
import io.warroom.delivery.Priority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued operations: polls on a fixed delay and wakes at once when a transaction enqueues
 * something. One thread per platform and replica, so a slow or failing platform never holds up another
 * (a war room opens on Slack and Feishu at the same time); replicas coordinate only through conditional
 * updates in the database (claims with a lease, shared rate buckets), so a crashed replica's claims are
 * taken over.
 */
@Component
class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration NOT_READY_WAIT = Duration.ofMillis(500);
    private static final long DEPTH_EVERY_NANOS = 1_000_000_000L;

    private final OutboxRepository repository;
    private final OutboxSender sender;
    private final ChatGateways gateways;
    private final RateLimiter limiter;
    private final DeliveryProperties properties;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Platform, AtomicBoolean> wakeQueued = new EnumMap<>(Platform.class);
    private final Map<Platform, AtomicBoolean> urgentArrived = new EnumMap<>(Platform.class);
    private volatile Map<Platform, ScheduledExecutorService> executors;
    private final HeldBuckets holds = new HeldBuckets();
    private final AtomicLong lastDepthRead = new AtomicLong(System.nanoTime() - DEPTH_EVERY_NANOS);
    private volatile long lastFailureLog;

    OutboxDispatcher(OutboxRepository repository, OutboxSender sender, ChatGateways gateways, RateLimiter limiter,
                     DeliveryProperties properties, DeliveryMetrics metrics, TransactionTemplate tx,
                     ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.gateways = gateways;
        this.limiter = limiter;
        this.properties = properties;
        this.metrics = metrics;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        for (Platform p : Platform.values()) {
            wakeQueued.put(p, new AtomicBoolean());
            urgentArrived.put(p, new AtomicBoolean());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEnqueued(OutboxEnqueued event) {
        if (event.priority() >= Priority.URGENT.weight()) {
            urgentArrived.get(event.platform()).set(true);
        }
        var all = executors;
        ScheduledExecutorService ex = all == null ? null : all.get(event.platform());
        if (ex != null && wakeQueued.get(event.platform()).compareAndSet(false, true)) {
            ex.execute(() -> runOnce(event.platform()));
        }
    }

    private void runOnce(Platform platform) {
        wakeQueued.get(platform).set(false);
        try {
            drain(platform);
        } catch (RuntimeException e) {
            // A database hiccup must not kill the loop; the next poll retries. Say so once a minute, not 4 times a second.
            long now = System.currentTimeMillis();
            if (now - lastFailureLog > 60_000) {
                lastFailureLog = now;
                log.warn("Outbox poll failed (retrying every {} ms): {}", properties.pollInterval().toMillis(), e.toString());
            }
        }
    }

    /** Sends everything currently due on every platform (tests drain with this). Returns how many were attempted. */
    int drain() {
        holds.forget();
        int attempted = 0;
        int round;
        do {
            round = 0;
            for (Platform p : Platform.values()) {
                round += drain(p);
            }
            attempted += round;
        } while (round > 0 && hasReadyWork());
        return attempted;
    }

    private boolean hasReadyWork() {
        Instant now = clock.instant();
        for (Platform p : Platform.values()) {
            if (!repository.ready(p, now, 1).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Sends everything currently due on one platform. Returns how many operations were attempted. */
    int drain(Platform platform) {
        int attempted = 0;
        while (true) {
            Instant now = clock.instant();
            var batch = repository.ready(platform, now, properties.batchSize());
            int progressed = 0;
            boolean preempted = false;
            // Rows behind a bucket known to be full are put back to a slot of their own without claims or
            // rate-limit queries (see HeldBuckets), so a backlog behind one limit costs almost nothing and does
            // not come due all at once.
            Map<Long, Instant> later = new HashMap<>();
            for (OutboxRow candidate : batch) {
                if (urgentArrived.get(platform).getAndSet(false)) {
                    // Something urgent was queued meanwhile: start a new round, which puts it first.
                    preempted = true;
                    break;
                }
                Instant slot = heldSlot(candidate, now);
                if (slot != null) {
                    later.put(candidate.id(), slot);
                    continue;
                }
                var claimed = repository.claim(candidate.id(), now, now.plus(properties.lease()));
                if (claimed.isPresent()) {
                    attempted++;
                    if (process(claimed.get())) {
                        progressed++;
                        // What waited behind it (a pin behind its card) may outrank the rest of this batch: look again.
                        if (repository.hasFollower(claimed.get())) {
                            break;
                        }
                    }
                }
            }
            repository.postpone(later);
            // Sending a thread's first operation makes its next one ready, so go round while that happens.
            if (progressed == 0 && !preempted) {
                readDepth();
                return attempted;
            }
        }
    }

    /** The slot a row behind a full bucket waits for, or null when none of its buckets is known to be full. */
    private Instant heldSlot(OutboxRow row, Instant now) {
        for (Bucket b : buckets(row)) {
            Instant slot = holds.slotFor(b.key(), row.priority(), row.dueAt(), now);
            if (slot != null) {
                return slot;
            }
        }
        return null;
    }

    /**
     * The depth gauge counts every unfinished row: at most once a second, since a round ends on every
     * enqueue and the count reads the whole backlog.
     */
    private void readDepth() {
        long now = System.nanoTime();
        long last = lastDepthRead.get();
        if (now - last >= DEPTH_EVERY_NANOS && lastDepthRead.compareAndSet(last, now)) {
            metrics.depth(repository.unfinishedCount());
        }
    }

    /** A rate-limit bucket a row must get a slot from, and its rate. */
    private record Bucket(String key, DeliveryProperties.Rate rate) {
    }

    /**
     * The buckets of a row, in the order they are tried: a routine edit's own message first (while it waits
     * there it keeps absorbing newer edits), then the app, the API method, and the channel. Posts visible in
     * a channel count against its limit; edits, ephemerals, forms, group creation and invitations are limited
     * per app and per method only (a form must not wait behind a busy channel's posts).
     */
    private List<Bucket> buckets(OutboxRow row) {
        var limits = properties.limitsFor(row.platform().id());
        String platform = row.platform().id();
        List<Bucket> buckets = new ArrayList<>(4);
        if (row.operation() == Delivery.Operation.UPDATE && row.priority() <= Priority.ROUTINE.weight()) {
            buckets.add(new Bucket(platform + ":" + row.channel() + ":msg:" + row.messageKey(),
                    new DeliveryProperties.Rate(1_000d / Math.max(1, properties.routineEditInterval().toMillis()), 1)));
        }
        buckets.add(new Bucket(platform + ":*", limits.perApp()));
        DeliveryProperties.Rate methodRate = limits.perMethod() == null ? null : limits.perMethod().get(method(row));
        if (methodRate != null) {
            buckets.add(new Bucket(platform + ":method:" + method(row), methodRate));
        }
        if (countsAgainstChannel(row)) {
            buckets.add(new Bucket(platform + ":" + row.channel(), limits.perChannel()));
        }
        return buckets;
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
        List<Bucket> buckets = buckets(row);
        Duration wait = Duration.ZERO;
        for (Bucket b : buckets) {
            wait = limiter.tryAcquire(b.key(), b.rate(), now);
            if (!wait.isZero()) {
                holds.full(b.key(), b.rate(), now.plus(wait), row.priority(), now);
                break;
            }
        }
        if (!wait.isZero()) {
            repository.reschedule(row.id(), now.plus(wait), false, null);
            return false;
        }
        try {
            Object outcome = sender.send(row, gateway, where);
            Instant sent = clock.instant();
            // The module that queued it hears the outcome in the transaction that records it (see GroupCreated).
            tx.executeWithoutResult(s -> {
                repository.markSent(row.id(), sent);
                if (outcome != null) {
                    events.publishEvent(outcome);
                }
            });
            metrics.sent(row.platform(), Duration.between(row.createdAt(), sent));
            return true;
        } catch (ChatDeliveryException e) {
            if (e.retryAfter() != null) {
                Instant until = now.plus(e.retryAfter());
                // Hold the narrowest bucket that applied: the channel's if any, else the method's or the app's.
                Bucket narrowest = buckets.get(buckets.size() - 1);
                limiter.holdUntil(narrowest.key(), until);
                holds.full(narrowest.key(), narrowest.rate(), until, row.priority(), now);
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
            // Slack limits chat.update by its method tier and Feishu per message, not per channel: edits must
            // not take the slot a new message (a critical alert's root) needs.
            case UPDATE, CREATE_GROUP, INVITE, OPEN_FORM, SET_TOPIC, PIN -> false;
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
        Object outcome = sender.failure(row, error);
        tx.executeWithoutResult(s -> {
            repository.markFailed(row.id(), error);
            if (outcome != null) {
                events.publishEvent(outcome);
            }
        });
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
        Map<Platform, ScheduledExecutorService> started = new EnumMap<>(Platform.class);
        long delay = properties.pollInterval().toMillis();
        for (Platform p : Platform.values()) {
            ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "warroom-outbox-" + p.id());
                t.setDaemon(true);
                return t;
            });
            ex.scheduleWithFixedDelay(() -> runOnce(p), 0, delay, TimeUnit.MILLISECONDS);
            started.put(p, ex);
        }
        started.get(Platform.CONSOLE).scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
        executors = started;
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
        var all = executors;
        executors = null;
        if (all != null) {
            all.values().forEach(ScheduledExecutorService::shutdown);
            try {
                // Let the operations in flight finish; anything left stays queued for the next start.
                for (ScheduledExecutorService ex : all.values()) {
                    ex.awaitTermination(10, TimeUnit.SECONDS);
                }
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
        return executors != null;
    }

    @Override
    public int getPhase() {
        // Below the web server's graceful-shutdown phase: requests finish first and their answers still go out.
        return SmartLifecycle.DEFAULT_PHASE - 1536;
    }
}
