package io.warroom.command.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The leases of the commands this process is running. A lease is short so that another replica (or the
 * next start) takes over a dead worker's commands soon; while the worker lives it renews its leases every
 * third of the lease, so a slow command is not taken over. A claim is numbered by the row's
 * {@code attempts}: only the holder of the current number may finish the row (see
 * {@link JdbcCommandInbox}), so a worker that lost its lease (a pause longer than the lease) cannot commit
 * its answer after the one that took over.
 */
@Component
class CommandLeases implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommandLeases.class);

    private static final int CHUNK = 200;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lease;
    private final Map<Long, Integer> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    CommandLeases(JdbcClient jdbc, Clock clock, @Value("${warroom.command.lease:15s}") Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("warroom.command.lease must be at least 3s (it is renewed every third), got " + lease);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "warroom-command-lease");
            t.setDaemon(true);
            return t;
        });
        long every = lease.toMillis() / 3;
        renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    Duration lease() {
        return lease;
    }

    /** When a claim made now runs out. */
    OffsetDateTime until() {
        return clock.instant().plus(lease).atOffset(ZoneOffset.UTC);
    }

    void hold(long id, int attempt) {
        held.put(id, attempt);
    }

    void release(long id) {
        held.remove(id);
    }

    /** One statement per claim number and chunk, not one per row: a full local queue is hundreds of rows. */
    private void renew() {
        Map<Integer, List<Long>> byAttempt = new TreeMap<>();
        held.forEach((id, attempt) -> byAttempt.computeIfAbsent(attempt, a -> new ArrayList<>()).add(id));
        for (var e : byAttempt.entrySet()) {
            List<Long> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                List<Object> params = new ArrayList<>(chunk.size() + 2);
                params.add(until());
                params.add(e.getKey());
                params.addAll(chunk);
                try {
                    jdbc.sql("update command_inbox set claimed_until = ? where attempts = ? and state = 'RUNNING' and id in ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")").params(params).update();
                } catch (DataAccessException ex) {
                    // The database is away: the lease may run out and another worker take over; the fence keeps it once.
                    log.warn("Could not renew the leases of {} commands: {}", held.size(), ex.getMostSpecificCause().getMessage());
                    return;
                }
            }
        }
    }

    @Override
    public void destroy() {
        renewer.shutdownNow();
    }
}
