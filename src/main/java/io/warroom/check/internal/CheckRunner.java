package io.warroom.check.internal;

import io.warroom.action.ActionException;
import io.warroom.action.ActionExecutors;
import io.warroom.action.ActionResult;
import io.warroom.action.RunAs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs checks on the executors, several at once, as Warroom itself (checks only read). A run is bounded
 * by {@code warroom.checks.timeout}: a check still going then fails as timed out, so a hung cluster or
 * service can never hold a scheduled run past its claim.
 */
@Component
class CheckRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckRunner.class);

    /** One check's outcome. */
    record Outcome(Check check, Verdict verdict) {
    }

    private final ActionExecutors executors;
    private final CheckProperties properties;
    private final Clock clock;
    private final ExecutorService threads;

    CheckRunner(ActionExecutors executors, CheckProperties properties, Clock clock) {
        this.executors = executors;
        this.properties = properties;
        this.clock = clock;
        // Daemon threads: a call that never returns must not keep the JVM alive at shutdown.
        this.threads = Executors.newFixedThreadPool(properties.threads(), r -> {
            Thread t = new Thread(r, "warroom-checks");
            t.setDaemon(true);
            return t;
        });
    }

    List<Outcome> run(List<Check> checks) {
        List<Future<Verdict>> futures = new ArrayList<>();
        for (Check c : checks) {
            futures.add(threads.submit(() -> one(c)));
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            Verdict v;
            try {
                v = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                v = Verdict.fail("check.timed-out", properties.timeout().toSeconds());
            } catch (ExecutionException e) {
                log.warn("Check {} failed unexpectedly", c.id(), e.getCause());
                v = Verdict.fail("check.error", String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                v = Verdict.fail("check.error", "interrupted");
            }
            outcomes.add(new Outcome(c, v));
        }
        return outcomes;
    }

    private Verdict one(Check c) {
        try {
            ActionResult result = executors.get(c.action().executor()).execute(c.action(), RunAs.bot());
            Instant now = clock.instant();
            return c.judge().judge(result, now);
        } catch (ActionException e) {
            // The executor's words are fit for chat and never carry a credential.
            return Verdict.fail("check.error", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
