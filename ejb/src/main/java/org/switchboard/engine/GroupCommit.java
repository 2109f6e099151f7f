package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit: writes handed in by many threads are committed together, up to {@code switchboard.engine.batch-size}
 * in one local transaction, by {@code switchboard.engine.writers} writer threads. A caller's future completes once its
 * write is committed (so an API may then say yes), and its after-commit step runs on the writer thread. A group that
 * fails is retried one write at a time, so one bad write fails alone.
 *
 * <p>Each commit costs the database a log write; a group shares it, which is what lets thousands of accepted messages
 * a second be durable (measured in docs/engine.md and docs/benchmarks.md).
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    /** One write: what it does in the transaction, and what follows its commit. */
    @FunctionalInterface
    public interface Work {
        void write(EntityManager em);
    }

    /**
     * One row's update by SQL, run with the group's other updates of the same statement as one JDBC batch (a JPQL
     * update costs Hibernate a translation and a flush each: measured, a third of the writers' time). {@code then}
     * hears how many rows it changed and may write more in the same transaction.
     */
    public record Update(String sql, List<Object> parameters, Counted then) {
    }

    /** What follows an {@link Update} in its transaction, knowing how many rows it changed. */
    @FunctionalInterface
    public interface Counted {
        void rows(int count, EntityManager em);
    }

    record Job(Work work, Update update, Runnable afterCommit, CompletableFuture<Void> done) {
    }

    /**
     * Writer threads; 0 (the default) takes 2 on H2, whose writes share one store and its CPU, and 4 on PostgreSQL,
     * whose commits wait on the disk and are flushed together (measured, a bulk send on 2 cores: 3,956 messages a
     * second with 2, 7,057 with 4, 6,437 with 8).
     */
    @Inject
    @ConfigProperty(name = "switchboard.engine.writers", defaultValue = "0")
    int writers;

    @Inject
    @ConfigProperty(name = "switchboard.engine.batch-size", defaultValue = "256")
    int batchSize;

    /** Writes waiting for a writer; a full queue makes callers wait (back-pressure) rather than grow the heap. */
    @Inject
    @ConfigProperty(name = "switchboard.engine.write-queue", defaultValue = "50000")
    int queueSize;

    /**
     * Whether groups are followed by a checkpoint that writes them to the database file before callers hear of them:
     * {@code auto} (the default) does so on H2, whose commits otherwise reach the file only within its write delay,
     * and not on PostgreSQL, whose commit is durable itself; {@code true} or {@code false} force it.
     */
    @Inject
    @ConfigProperty(name = "switchboard.engine.checkpoint", defaultValue = "auto")
    String checkpointSetting;

    private boolean checkpoint;

    /** Least time between checkpoints: writes wait up to this long for theirs, and share it. */
    @Inject
    @ConfigProperty(name = "switchboard.engine.checkpoint-interval-ms", defaultValue = "20")
    long flushIntervalMillis;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Batches batches;

    @Inject
    EngineStats stats;

    @Inject
    EngineExecutor executor;

    private BlockingQueue<Job> queue;
    private final List<Job> unflushed = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();
    private volatile boolean open = true;

    @PostConstruct
    void start() {
        boolean auto = "auto".equalsIgnoreCase(checkpointSetting.trim());
        boolean h2 = (auto || writers <= 0) && batches.databaseNeedsCheckpoints(); // asked only when needed
        checkpoint = auto ? h2 : Boolean.parseBoolean(checkpointSetting.trim());
        if (writers <= 0) {
            writers = h2 ? 2 : 4;
        }
        LOG.info(() -> "Group commit: " + writers + " writers, groups of up to " + batchSize
                + (checkpoint ? ", a checkpoint each " + flushIntervalMillis + " ms before callers hear" : ""));
        queue = new ArrayBlockingQueue<>(queueSize);
        for (int i = 0; i < writers; i++) {
            Thread thread = threads.newThread(this::writeLoop);
            thread.setName("switchboard-writer-" + i);
            thread.start();
            running.add(thread);
        }
        if (checkpoint) {
            Thread flusher = threads.newThread(this::flushLoop);
            flusher.setName("switchboard-flusher");
            flusher.start();
            running.add(flusher);
        }
    }

    @PreDestroy
    void stop() {
        open = false; // each thread sees it within a second; no interrupt, which would close H2's file mid-write
        for (Thread thread : running) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> job.done.completeExceptionally(new IllegalStateException("The platform is stopping")));
    }

    /** Queues a write; the future completes when it is committed, after {@code afterCommit} ran. */
    public CompletableFuture<Void> submit(Work work, Runnable afterCommit) {
        return enqueue(new Job(work, null, afterCommit, new CompletableFuture<>()));
    }

    /** Queues a row's update; the future completes when it is committed, after {@code afterCommit} ran. */
    public CompletableFuture<Void> submit(Update update, Runnable afterCommit) {
        return enqueue(new Job(null, update, afterCommit, new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(Job job) {
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("The platform is stopping"));
        }
        try {
            if (!queue.offer(job, 30, TimeUnit.SECONDS)) {
                job.done.completeExceptionally(new IllegalStateException("The database cannot keep up: "
                        + queueSize + " writes wait"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.done.completeExceptionally(e);
        }
        return job.done;
    }

    /** Queues a write and waits for its commit. */
    public void commit(Work work, Runnable afterCommit) {
        try {
            submit(work, afterCommit).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a commit", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The database did not commit within 60 s", e);
        }
    }

    private void writeLoop() {
        List<Job> group = new ArrayList<>(batchSize);
        while (open) {
            try {
                Job first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, batchSize - 1);
                write(group);
            } catch (InterruptedException e) {
                if (!open) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A writer failed", e);
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Job> group) {
        long start = System.nanoTime();
        try {
            batches.write(group);
            stats.committed(group.size(), System.nanoTime() - start);
            durable(List.copyOf(group));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                failed(group.get(0), groupFailed);
                return;
            }
            LOG.fine(() -> "A group of " + group.size() + " writes failed (" + groupFailed + "); one at a time");
            for (Job job : group) {
                try {
                    batches.write(List.of(job));
                    durable(List.of(job));
                } catch (RuntimeException e) {
                    failed(job, e);
                }
            }
        }
    }

    /** Completes committed jobs once they are on disk: at once, or after the flusher's next checkpoint. */
    private void durable(List<Job> jobs) {
        if (!checkpoint) {
            completeAll(jobs);
            return;
        }
        synchronized (unflushed) {
            unflushed.addAll(jobs);
            unflushed.notifyAll();
        }
    }

    /**
     * One checkpoint for every group committed since the last: groups commit back to back while a checkpoint runs, and
     * the next checkpoint covers them all, so its cost is shared by however many writes came in meanwhile.
     */
    private void flushLoop() {
        List<Job> flushing = new ArrayList<>();
        long last = 0;
        while (open) {
            try {
                long wait = TimeUnit.MILLISECONDS.toNanos(flushIntervalMillis) - (System.nanoTime() - last);
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // each checkpoint holds H2's store lock: space them out
                }
                last = System.nanoTime();
                synchronized (unflushed) {
                    while (unflushed.isEmpty()) {
                        unflushed.wait(1000);
                        if (!open) {
                            return;
                        }
                    }
                    flushing.addAll(unflushed);
                    unflushed.clear();
                }
                long start = System.nanoTime();
                batches.checkpoint();
                stats.took(EngineStats.Step.CHECKPOINT, System.nanoTime() - start);
                completeAll(List.copyOf(flushing));
            } catch (InterruptedException e) {
                if (!open) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A checkpoint failed", e);
                flushing.forEach(job -> job.done.completeExceptionally(e));
            } finally {
                flushing.clear();
            }
        }
    }

    /** Tells the writes' callers, on the engine's threads: the writers and the flusher go straight on. */
    private void completeAll(List<Job> jobs) {
        try {
            executor.get().execute(() -> jobs.forEach(GroupCommit::committed));
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            jobs.forEach(GroupCommit::committed);
        }
    }

    private static void committed(Job job) {
        try {
            if (job.afterCommit != null) {
                job.afterCommit.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A step after a commit failed; recovery takes it up from the rows", e);
        }
        job.done.complete(null);
    }

    private static void failed(Job job, RuntimeException e) {
        LOG.log(Level.WARNING, "A write failed: " + e, e);
        job.done.completeExceptionally(e);
    }
}
