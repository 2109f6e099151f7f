package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.engine.EngineStats.Step;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageChannel;

/**
 * Releases committed outbound messages to their vendors: one lane per channel, holding the channel's waiting messages
 * in order, with at most the channel's {@code max_in_flight} sends under way and at most {@code rate_per_second}
 * started a second (evenly spaced, no bursts: a 10/s channel sends one every 100 ms). Sends are asynchronous and
 * outside any transaction; throttling and transient errors are tried again with back-off; the answer is recorded as
 * an event by {@link EventRecorder}. A lane holds at most {@code switchboard.engine.lane-capacity} messages in memory;
 * beyond that the rows wait in the database and the lane refills from them as it empties.
 *
 * <p>With several instances a channel's lane runs on one of them at a time: the one that holds the channel's lease
 * ({@link Leases}, {@code channel:<id>}), taken by the first instance that has a message for a channel nobody holds. An
 * instance that accepts a message for a channel another holds tells the others its id on the topic
 * {@value Queues#LANES} ({@link LaneNotices}), and the holder takes it into its lane. When the holder dies its lease
 * lapses, and the next instance that has the channel's messages in hand or in a recovery sweep takes the lease and
 * every queued message with it.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    /** How long a sent message's id is remembered, so a refill that read the row before its event could not resend. */
    private static final long REMEMBER_NANOS = TimeUnit.MINUTES.toNanos(2);
    /** Transient errors are tried again 200 ms after the first, doubling, at most a minute apart. */
    static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofMinutes(1));

    @Inject
    @ConfigProperty(name = "switchboard.engine.lane-capacity", defaultValue = "5000")
    int laneCapacity;

    @Inject
    @ConfigProperty(name = "switchboard.engine.vendor-attempts", defaultValue = "10")
    int vendorAttempts;

    /** The most of a lane's messages handed to its vendor in one call ({@link ChannelPort#sendAll}). */
    @Inject
    @ConfigProperty(name = "switchboard.engine.vendor-batch", defaultValue = "100")
    int vendorBatch;

    @Inject
    ChannelPort channels;

    @Inject
    EventRecorder events;

    @Inject
    EngineQueries queries;

    @Inject
    ChannelActivity activity;

    @Inject
    EngineStats stats;

    @Inject
    EngineExecutor executor;

    @Inject
    Leases leases;

    @Inject
    LaneNotices notices;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    /** Ids waiting in a lane or at the vendor here. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** Ids whose answer was recorded lately, with when. */
    private final Map<String, Long> recent = new ConcurrentHashMap<>();
    /** Channels another instance held when last asked, until when (monotonic) that answer is used. */
    private final Map<String, Long> elsewhere = new ConcurrentHashMap<>();

    /** Where a channel's lane runs. */
    enum Owner {
        /** here, as before */
        HERE,
        /** here from now on: the lease was just taken, so what its last holder left in the database is taken up */
        TAKEN,
        /** on another instance */
        ELSEWHERE
    }

    @PostConstruct
    void start() {
        stats.gauge("outbound_waiting", () -> lanes.values().stream().mapToLong(Lane::waiting).sum());
        stats.gauge("outbound_at_vendor", () -> lanes.values().stream().mapToLong(Lane::inFlight).sum());
        stats.gauge("outbound_spilled_lanes", () -> lanes.values().stream().filter(l -> l.spilled).count());
    }

    /** Takes a committed outbound message; one already in hand is left alone. */
    public void submit(Message message) {
        String channelId = message.getChannelId();
        Owner owner = owner(channelId);
        if (owner == Owner.ELSEWHERE) {
            notices.forward(channelId, List.of(message.getId()));
        } else if (known.add(message.getId())) { // every API send comes this way: no set of lanes for one message
            lane(channelId).offer(new Pending(message, 0));
        }
        if (owner == Owner.TAKEN) {
            takeUpLater(channelId);
        }
    }

    /** Takes committed outbound messages, then starts each lane they joined once (a bulk send's batch). */
    public void submitAll(List<Message> messages) {
        Set<Lane> joined = new java.util.HashSet<>();
        Map<String, List<String>> forwarded = new java.util.HashMap<>();
        Map<String, Owner> owners = new java.util.HashMap<>();
        for (Message message : messages) {
            String channelId = message.getChannelId();
            Owner owner = owners.computeIfAbsent(channelId, this::owner);
            if (owner == Owner.ELSEWHERE) {
                forwarded.computeIfAbsent(channelId, id -> new ArrayList<>()).add(message.getId());
            } else if (known.add(message.getId())) {
                Lane lane = lane(channelId);
                lane.add(new Pending(message, 0));
                joined.add(lane);
            }
        }
        joined.forEach(Lane::pump);
        forwarded.forEach(notices::forward);
        owners.forEach((channelId, owner) -> {
            if (owner == Owner.TAKEN) {
                takeUpLater(channelId);
            }
        });
    }

    /**
     * Takes messages another instance accepted for a channel whose lane runs here (their ids came on the topic): those
     * still queued join the lane. Ids for a channel this instance does not hold are left to its holder.
     */
    void forwarded(String channelId, List<String> ids) {
        if (!leases.holds(lease(channelId))) {
            return;
        }
        List<Message> rows = queries.queued(ids);
        submitAll(rows.stream().filter(m -> channelId.equals(m.getChannelId()) && !recent.containsKey(m.getId()))
                .toList());
    }

    /**
     * Where the channel's lane runs: here when this instance holds the channel's lease or could take it, else on the
     * instance that holds it (asked again after {@link Leases#RENEW}).
     */
    Owner owner(String channelId) {
        String lease = lease(channelId);
        if (leases.holds(lease)) {
            return Owner.HERE;
        }
        Long until = elsewhere.get(channelId);
        if (until != null && until - System.nanoTime() > 0) {
            return Owner.ELSEWHERE;
        }
        if (leases.take(lease)) {
            elsewhere.remove(channelId);
            return Owner.TAKEN;
        }
        elsewhere.put(channelId, System.nanoTime() + Leases.RENEW.toNanos());
        return Owner.ELSEWHERE;
    }

    static String lease(String channelId) {
        return "channel:" + channelId;
    }

    /** After a lease was taken: the channel's every queued message, on the engine's threads. */
    private void takeUpLater(String channelId) {
        executor.get().execute(() -> {
            try {
                refill(channelId, Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not take up the queued messages of channel " + channelId
                        + "; the next recovery sweep does", e);
            }
        });
    }

    /**
     * A recovery sweep's look at a channel with queued messages: those of a lane that runs here, as {@link #refill}
     * says; every one of them when this instance takes the lease now (its holder died or stopped); none when another
     * instance holds it.
     */
    void recover(String channelId, Duration olderThan) {
        switch (owner(channelId)) {
            case HERE -> refill(channelId, olderThan);
            case TAKEN -> {
                int taken = refill(channelId, Duration.ZERO);
                LOG.info(() -> "Channel " + channelId + ": its lane runs on " + leases.me() + " now; took up " + taken
                        + " queued messages");
            }
            case ELSEWHERE -> {
            }
        }
    }

    /** How many of the channel's messages wait in its lane here (a producer of many waits while this is high). */
    public int waiting(String channelId) {
        Lane lane = lanes.get(channelId);
        return lane == null ? 0 : lane.waiting();
    }

    /** The most messages a channel's lane holds before the rest wait in the database. */
    public int laneCapacity() {
        return laneCapacity;
    }

    /**
     * Takes up a channel's messages that wait in the database and are not in hand: all of them after a restart or
     * when the lane had no room, else those accepted more than {@code olderThan} ago (a message whose hand-over was
     * lost).
     */
    int refill(String channelId, Duration olderThan) {
        Lane lane = lane(channelId);
        boolean all = lane.spilled || olderThan.isZero();
        int room = laneCapacity - lane.waiting();
        if (room < laneCapacity / 2) {
            return 0;
        }
        lane.spilled = false;
        Instant before = all ? Instant.now().plusSeconds(1) : Instant.now().minus(olderThan);
        List<Message> rows = queries.queued(channelId, before, room);
        int taken = 0;
        for (Message message : rows) {
            if (!recent.containsKey(message.getId()) && known.add(message.getId())) {
                lane.offer(new Pending(message, 0));
                taken++;
            }
        }
        if (taken > 0) {
            stats.countBy(Count.RECOVERED, taken);
            int count = taken;
            LOG.fine(() -> "Channel " + channelId + ": took up " + count + " queued messages from the database");
        }
        if (rows.size() == room) {
            lane.spilled = true; // more wait in the database than the lane had room for
        }
        return taken;
    }

    /** Forgets sent ids once a refill can no longer have read their rows as queued. */
    void tidy() {
        long now = System.nanoTime();
        recent.values().removeIf(at -> now - at > REMEMBER_NANOS);
    }

    private Lane lane(String channelId) {
        return lanes.computeIfAbsent(channelId, Lane::new);
    }

    private record Pending(Message message, int attempt) {
    }

    /** One channel's waiting messages, its sends under way and its rate. */
    private final class Lane {
        private final String channelId;
        private final Deque<Pending> queue = new ArrayDeque<>();
        private MessageChannel channel;
        private int inFlight;
        private long nextPermit = Long.MIN_VALUE;
        private boolean pumpScheduled;
        private boolean pumpQueued;
        private volatile boolean spilled;

        Lane(String channelId) {
            this.channelId = channelId;
        }

        synchronized int waiting() {
            return queue.size();
        }

        synchronized int inFlight() {
            return inFlight;
        }

        void offer(Pending pending) {
            add(pending);
            pump();
        }

        /** Queues a message without starting it: {@link #pump} does. */
        synchronized void add(Pending pending) {
            if (queue.size() >= laneCapacity && pending.attempt == 0) {
                spilled = true; // the row waits in the database; a refill takes it up
                known.remove(pending.message.getId());
                return;
            }
            if (pending.attempt > 0) {
                queue.addFirst(pending);
            } else {
                queue.addLast(pending);
            }
        }

        /**
         * A pump soon, on the engine's threads, shared by every answer that comes before it runs: a vendor that
         * answers a batch at once frees its slots together, and the next batch fills them together.
         */
        void pumpSoon() {
            synchronized (this) {
                if (pumpQueued) {
                    return;
                }
                pumpQueued = true;
            }
            try {
                executor.get().execute(() -> {
                    synchronized (this) {
                        pumpQueued = false;
                    }
                    pump();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                synchronized (this) {
                    pumpQueued = false;
                }
            }
        }

        /** The channel as it is now: the port answers from its cache, which a change to the channel empties. */
        private MessageChannel channel() {
            channel = channels.channel(channelId);
            return channel;
        }

        void pump() {
            List<Pending> go = new ArrayList<>();
            MessageChannel current;
            synchronized (this) {
                current = channel();
                if (current == null) {
                    // the channel was deleted: what waits for it is refused, not kept in memory for ever
                    List<Pending> orphans = new ArrayList<>(queue);
                    queue.clear();
                    orphans.forEach(pending -> answered(pending, SendResult.refused("Channel " + channelId
                            + " was deleted"), null));
                    if (inFlight == 0) {
                        lanes.remove(channelId, this); // a later refill of its rows makes a new lane, which refuses
                                                       // them
                    }
                    return;
                }
                if (!leases.holds(lease(channelId))) {
                    // the lease lapsed (this instance could not renew it in time): another instance may run the lane
                    // now, from the rows; what waits here is let go, what is at the vendor is answered as usual
                    queue.forEach(pending -> known.remove(pending.message.getId()));
                    queue.clear();
                    if (inFlight == 0) {
                        lanes.remove(channelId, this);
                    }
                    return;
                }
                long now = System.nanoTime();
                Double rate = current.getRatePerSecond();
                long interval = rate == null ? 0 : (long) (1e9 / rate);
                while (inFlight < current.getMaxInFlight() && !queue.isEmpty()) {
                    if (interval > 0) {
                        if (nextPermit > now) {
                            schedulePump(nextPermit - now);
                            break;
                        }
                        // on schedule when a pump ran a little late (the rate holds); from now after an idle spell
                        nextPermit = (nextPermit >= now - interval ? nextPermit : now) + interval;
                    }
                    go.add(queue.poll());
                    inFlight++;
                }
            }
            for (int from = 0; from < go.size(); from += vendorBatch) {
                send(current, go.subList(from, Math.min(go.size(), from + vendorBatch)));
            }
        }

        private void schedulePump(long nanos) {
            if (!pumpScheduled) {
                pumpScheduled = true;
                executor.get().schedule(() -> {
                    synchronized (this) {
                        pumpScheduled = false;
                    }
                    pump();
                }, nanos, TimeUnit.NANOSECONDS);
            }
        }

        /** Hands the messages to the vendor in one call; each answer is taken as it comes. */
        private void send(MessageChannel channel, List<Pending> batch) {
            long start = System.nanoTime();
            stats.countBy(Count.VENDOR_SENT, batch.size());
            List<CompletionStage<SendResult>> answers;
            try {
                answers = channels.sendAll(channel, batch.stream().map(Pending::message).toList());
                if (answers.size() != batch.size()) {
                    throw new IllegalStateException("The vendor answered " + answers.size() + " of "
                            + batch.size() + " messages");
                }
            } catch (RuntimeException e) {
                answers = batch.stream().map(p -> (CompletionStage<SendResult>) CompletableFuture
                        .<SendResult>failedFuture(e)).toList();
            }
            for (int i = 0; i < batch.size(); i++) {
                Pending pending = batch.get(i);
                answers.get(i).whenComplete((result, failure) -> {
                    stats.took(Step.VENDOR_CALL, System.nanoTime() - start);
                    synchronized (this) {
                        inFlight--;
                    }
                    try {
                        answered(pending, failure == null ? result : failed(failure), failure);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Could not take the answer for " + pending.message.getId(), e);
                    }
                    pumpSoon();
                });
            }
        }

        /**
         * A vendor call that threw: a setting the platform refuses (an {@code api_base_url} the address guard does
         * not let through, say) can never succeed and is refused at once; anything else is tried again.
         */
        private static SendResult failed(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause
                    ? null
                    : cause.getCause()) {
                if (cause instanceof IllegalArgumentException) {
                    return SendResult.refused(Failures.describe(cause));
                }
            }
            return SendResult.retry(Failures.describe(failure), null);
        }

        /** The vendor's answer, or {@code failure} when its call threw (the server's log keeps its stack). */
        private void answered(Pending pending, SendResult result, Throwable failure) {
            Message message = pending.message;
            String vendor = channel == null ? null : channel.getVendor();
            if (result.kind() == SendResult.Kind.RETRY && pending.attempt + 1 < vendorAttempts) {
                stats.count(Count.VENDOR_RETRIED);
                Duration delay = result.retryAfter() != null ? result.retryAfter() : BACKOFF.after(pending.attempt + 1);
                if (channel != null) {
                    activity.vendorState(channelId, vendor, "degraded", "retrying", result.reason());
                    activity.log(channelId, ChannelLogLine.WARNING, "Message " + message.getId() + " to "
                            + message.getToAddr() + " will be sent again in " + delay.toMillis() + " ms (attempt "
                            + (pending.attempt + 2) + " of " + vendorAttempts + "): " + result.reason(), failure);
                }
                executor.get().schedule(() -> offer(new Pending(message, pending.attempt + 1)), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
                return;
            }
            SendResult last = result.kind() == SendResult.Kind.RETRY
                    ? SendResult.refused("Gave up after " + vendorAttempts + " attempts: " + result.reason())
                    : result;
            stats.count(last.accepted() ? Count.VENDOR_ACCEPTED : Count.VENDOR_REJECTED);
            if (channel == null) {
                // a deleted channel keeps no state and no log
            } else if (last.accepted()) {
                activity.vendorState(channelId, vendor, "ok", "accepting", "The vendor accepted the last message");
            } else if (result.kind() == SendResult.Kind.RETRY) {
                activity.vendorState(channelId, vendor, "down", "gave_up", last.reason());
                activity.log(channelId, ChannelLogLine.ERROR, "Message " + message.getId() + " to "
                        + message.getToAddr() + " was not sent. " + last.reason(), failure);
            } else {
                activity.log(channelId, ChannelLogLine.WARNING, "Message " + message.getId() + " to "
                        + message.getToAddr() + " was refused: " + last.reason(), null);
                if (last.optedOut()) {
                    optOut(message);
                }
            }
            events.record(message, last).whenComplete((done, notStored) -> {
                recent.put(message.getId(), System.nanoTime());
                known.remove(message.getId());
            });
        }
    }

    /** The vendor said the recipient opted out there (Twilio's 21610): the account's opt-out says so too. */
    private void optOut(Message message) {
        try {
            channels.optedOutAtVendor(message);
            activity.log(message.getChannelId(), ChannelLogLine.INFO, message.getToAddr()
                    + " opted out at the vendor; recorded as the account's opt-out", null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the opt-out of " + message.getToAddr(), e);
        }
    }
}
