package org.switchboard.campaigns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.switchboard.engine.JobLoop;
import org.switchboard.engine.Leases;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.Dispatcher;
import org.switchboard.engine.GroupCommit;

/**
 * Runs the bulk sends: every two seconds (and at once when a send is made, resumed or started) it starts those due
 * and takes up those running that no thread here runs (after a restart: from their position). A send's batch of
 * messages is stored with its position in one group commit, then handed to the channel's lane; the next batch waits
 * while the lane is more than half full, so a send of a million holds a lane's worth of messages in memory, not a
 * million.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkRunner {

    @Inject
    @ConfigProperty(name = "switchboard.bulk.batch-size", defaultValue = "500")
    int batchSize;

    /**
     * How many recipients of a push (a jsbox's or dialogue's) one transaction hands to the app: each is an invocation
     * of the app, and a sandbox with no room rolls the batch back, so batches are small.
     */
    @Inject
    @ConfigProperty(name = "switchboard.bulk.push-batch-size", defaultValue = "20")
    int pushBatchSize;

    @Inject
    BulkWork work;

    @Inject
    GroupCommit commits;

    @Inject
    Dispatcher dispatcher;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Leases leases;

    /** How many seconds of a rate-limited channel's sending a send stores ahead. */
    static final int AHEAD_SECONDS = 5;

    private JobLoop loop;

    @PostConstruct
    void start() {
        loop = new JobLoop("bulk sends", () -> work.startDue(Instant.now()), this::run, scheduler, executor, leases, 2);
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Looks for work now rather than at the next sweep. */
    public void wake() {
        loop.wake();
    }

    /** Runs a send until it stops or is done; a failure leaves it to the next sweep, from its position. */
    private void run(String bulkId) {
        while (loop.open(bulkId)) {
            BulkWork.Next next = work.next(bulkId);
            if (next == BulkWork.Next.STOP) {
                return;
            }
            if (next == BulkWork.Next.CHOOSE) {
                work.choose(bulkId);
                continue;
            }
            if (!(next == BulkWork.Next.PUSH ? pushBatches(bulkId) : sendBatches(bulkId))) {
                return;
            }
        }
    }

    /**
     * Stores the send's batches with the position and hands each on, reading the next while the one before commits;
     * false when the send stops or is done.
     */
    private boolean sendBatches(String bulkId) {
        BulkWork.Batch batch = work.nextBatch(bulkId, batchSize, dispatcher.laneCapacity(), null);
        while (loop.open(bulkId)) {
            if (!ready(bulkId, batch)) {
                return false;
            }
            BulkWork.Batch storing = batch;
            boolean[] stored = {false};
            CompletableFuture<Void> commit = commits.submit(new GroupCommit.Update(BulkWork.STORE_SQL,
                    Arrays.asList(storing.to(), storing.messages().size(), storing.optedOut(), bulkId,
                            storing.from()),
                    (rows, em) -> {
                        stored[0] = rows == 1;
                        if (stored[0]) {
                            storing.messages().forEach(em::persist);
                            storing.places().forEach(place -> BulkWork.place(em, place));
                        }
                    }), () -> {
                        if (stored[0]) {
                            dispatcher.submitAll(storing.messages());
                        }
                    });
            batch = work.nextBatch(bulkId, batchSize, dispatcher.laneCapacity(), storing.to());
            commit.join();
            if (!stored[0]) {
                return false; // paused or cancelled meanwhile: the batch read ahead is dropped, nothing of it stored
            }
        }
        return false;
    }

    /**
     * Hands a push's recipients to its app, batch by batch, each batch with the position in one transaction; false when
     * the push stops or is done.
     */
    private boolean pushBatches(String bulkId) {
        while (loop.open(bulkId)) {
            BulkWork.Batch batch = work.nextBatch(bulkId, pushBatchSize, dispatcher.laneCapacity(), null);
            if (!ready(bulkId, batch) || !work.push(batch)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a batch read is to be done, once its channel's lane has room for it: not when the send stopped (null), or
     * when no recipient is left (the send is completed then).
     */
    private boolean ready(String bulkId, BulkWork.Batch batch) {
        if (batch == null) {
            return false;
        }
        if (batch.to() == batch.from()) {
            work.complete(bulkId);
            return false;
        }
        waitForRoom(batch.channelId(), ahead(batch.ratePerSecond(), dispatcher.laneCapacity()));
        return true;
    }

    /**
     * How many of a send's messages may wait in the channel's lane: half its capacity, or what the channel sends in
     * {@link #AHEAD_SECONDS} at its rate (at least 50). A send stores little more than what goes out soon, so a pause
     * stops it within seconds (what is stored goes out) and after a crash its place is near the messages sent.
     */
    static int ahead(Double ratePerSecond, int laneCapacity) {
        int room = laneCapacity / 2;
        if (ratePerSecond != null && ratePerSecond > 0) {
            room = (int) Math.max(50, Math.min(room, ratePerSecond * AHEAD_SECONDS));
        }
        return room;
    }

    /** Waits while more than {@code room} of the channel's messages wait in its lane. */
    private void waitForRoom(String channelId, int room) {
        while (loop.open() && dispatcher.waiting(channelId) > room) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

}
