package io.warroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on a real (in-memory H2) database, with the commits counted where the database does them. */
class GroupCommitTest {

    private final AtomicInteger commits = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(12);
    private JdbcClient jdbc;
    private GroupCommit group;

    @BeforeEach
    void database() {
        var ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:group-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("create table stored (v varchar(20) primary key)").update();
        var manager = new DataSourceTransactionManager(ds) {
            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                commits.incrementAndGet();
                super.doCommit(status);
            }
        };
        group = new GroupCommit(new TransactionTemplate(manager), 64);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private String store(String v) {
        jdbc.sql("insert into stored (v) values (?)").param(v).update();
        return "stored " + v;
    }

    private List<String> stored() {
        return jdbc.sql("select v from stored order by v").query(String.class).list();
    }

    /** Starts one unit that holds its group open until released, and ten more that queue behind it. */
    private List<Future<String>> burstBehindAHeldGroup(CountDownLatch release, String failing) throws Exception {
        CountDownLatch leading = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        results.add(threads.submit(() -> group.execute(() -> {
            leading.countDown();
            await(release);
            return store("first");
        })));
        assertThat(leading.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            String v = i == 3 && failing != null ? failing : "v" + i;
            results.add(threads.submit(() -> group.execute(() -> store(v))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.queued() < 10 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(group.queued()).isEqualTo(10);
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLoneCallerCommitsAtOnce() {
        assertThat(group.execute(() -> store("alone"))).isEqualTo("stored alone");
        assertThat(commits).hasValue(1);
        assertThat(stored()).containsExactly("alone");
    }

    @Test
    void whatArrivesDuringACommitSharesTheNextOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = burstBehindAHeldGroup(release, null);
        release.countDown();

        for (int i = 1; i < results.size(); i++) {
            assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored v" + (i - 1));
        }
        assertThat(results.get(0).get()).isEqualTo("stored first");
        assertThat(stored()).hasSize(11);
        assertThat(commits).as("the held group, then the ten that queued behind it").hasValue(2);
    }

    @Test
    void aFailingUnitFailsForItsCallerOnlyAndTheOthersAreStoredOnce() throws Exception {
        group.execute(() -> store("taken"));
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = burstBehindAHeldGroup(release, "taken");
        release.countDown();

        for (int i = 1; i < results.size(); i++) {
            Future<String> r = results.get(i);
            if (i == 4) {
                assertThatThrownBy(() -> r.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
            } else {
                assertThat(r.get(10, TimeUnit.SECONDS)).startsWith("stored v");
            }
        }
        assertThat(stored()).containsExactly("first", "taken", "v0", "v1", "v2", "v4", "v5", "v6", "v7", "v8", "v9");
    }
}
