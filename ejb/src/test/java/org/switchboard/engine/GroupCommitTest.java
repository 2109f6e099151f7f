package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit with the database's transaction played by a fake {@link Batches}: grouping, one bad write, checkpoints. */
class GroupCommitTest {

    private final GroupCommit commits = new GroupCommit();
    private final FakeBatches batches = new FakeBatches();

    private void start(boolean checkpoint) {
        commits.writers = 1;
        commits.batchSize = 20;
        commits.queueSize = 1000;
        commits.checkpointSetting = String.valueOf(checkpoint);
        commits.flushIntervalMillis = 5;
        commits.threads = Fakes.threads();
        commits.batches = batches;
        commits.stats = new EngineStats();
        commits.executor = Fakes.executor();
        commits.start();
    }

    @AfterEach
    void stop() {
        commits.stop();
    }

    @Test
    void writesThatArriveWhileOneCommitsShareTheNextTransactionUpToTheBatchSize() throws Exception {
        start(false);
        batches.hold = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        done.add(commits.submit(em -> {
        }, null));
        Fakes.await(() -> batches.groups.size() == 1, 2000); // the writer is in its first transaction
        for (int i = 0; i < 49; i++) {
            done.add(commits.submit(em -> {
            }, null));
        }
        batches.hold.countDown();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(1, 20, 20, 9), batches.groups, "49 waiting writes in groups of at most 20");
    }

    @Test
    void aGroupThatFailsIsWrittenOneAtATimeSoOnlyTheBadWriteFails() throws Exception {
        start(false);
        batches.hold = new CountDownLatch(1);
        AtomicInteger afterCommits = new AtomicInteger();
        CompletableFuture<Void> first = commits.submit(em -> {
        }, afterCommits::incrementAndGet);
        Fakes.await(() -> batches.groups.size() == 1, 2000);
        List<CompletableFuture<Void>> good = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            good.add(commits.submit(em -> {
            }, afterCommits::incrementAndGet));
        }
        CompletableFuture<Void> bad = commits.submit(em -> {
            throw new IllegalArgumentException("a row that does not fit");
        }, afterCommits::incrementAndGet);
        batches.hold.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> write : good) {
            write.get(5, TimeUnit.SECONDS);
        }
        ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> bad.get(5, TimeUnit.SECONDS));
        assertEquals("a row that does not fit", failure.getCause().getMessage());
        assertEquals(5, afterCommits.get(), "the after-commit step of each good write ran, the bad one's did not");
        assertEquals(List.of(1, 5, 1, 1, 1, 1, 1), batches.groups, "the group of 5 failed, then each alone");
    }

    @Test
    void withCheckpointsACallerHearsOnlyAfterTheCheckpointThatCoversItsWrite() throws Exception {
        start(true);
        batches.checkpointHold = new CountDownLatch(1);
        CompletableFuture<Void> write = commits.submit(em -> {
        }, null);
        Fakes.await(() -> batches.checkpoints.get() == 1, 2000);
        Thread.sleep(50);
        assertFalse(write.isDone(), "committed but not yet on disk");
        batches.checkpointHold.countDown();
        write.get(5, TimeUnit.SECONDS);
        assertTrue(write.isDone());
    }

    /** Runs each group's writes as one transaction would: all or none; may hold the first group or a checkpoint. */
    static final class FakeBatches extends Batches {
        final List<Integer> groups = new CopyOnWriteArrayList<>();
        final AtomicInteger checkpoints = new AtomicInteger();
        volatile CountDownLatch hold;
        volatile CountDownLatch checkpointHold;

        @Override
        public void write(List<GroupCommit.Job> jobs) {
            groups.add(jobs.size());
            if (hold != null && groups.size() == 1) {
                await(hold);
            }
            jobs.forEach(job -> job.work().write(null));
        }

        @Override
        public void checkpoint() {
            checkpoints.incrementAndGet();
            if (checkpointHold != null) {
                await(checkpointHold);
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
