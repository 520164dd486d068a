package io.warroom.slack.internal;

import io.warroom.slack.SlackProperties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Threads that run slash commands after Slack got its ack. Bounded: when the queue is full the work is
 * refused at once (the caller tells the user) instead of blocking the ack. Deliberately not an
 * {@code Executor} bean, which would switch off Spring Boot's own task executor.
 */
@Component
@OnSlack
class SlackWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SlackWorkers.class);
    static final int QUEUE = 1000;

    private final ThreadPoolExecutor pool;

    SlackWorkers(SlackProperties properties) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "warroom-slack-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** @return false when the work was refused because too much is queued */
    boolean submit(Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Slack command failed: {}", e.toString(), e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
