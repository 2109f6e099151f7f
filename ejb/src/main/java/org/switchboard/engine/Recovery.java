package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;

/**
 * Picks work up from the rows: at start (what a crash or stop left: queued outbound messages, unrouted inbound ones,
 * events apps have not heard of, pushes due) and every few seconds after (a hand-over that was lost, say an id the
 * broker lost in a crash, and pushes whose retry is due after a restart). Whatever the rows say is still to do gets
 * done; the consumers are idempotent, so doing it twice does no harm.
 *
 * <p>With several instances each does what is its own (its channels' lanes, by their leases; the pushes it left
 * unsettled, by its own settled mark and lease {@code instance:<name>}), and one at a time, the holder of the lease
 * {@value #SWEEPS}, does the rest: unrouted inbound messages, events for apps, pushes due, and the unsettled pushes of
 * an instance whose lease lapsed (it died), taken over once by whichever instance takes its lease.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    /** How old unfinished work must be before a sweep after the first takes it up. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final int BATCH = 1000;
    /** The lease of the sweeps that are the group's. */
    static final String SWEEPS = "recovery";
    /** How long a takeover waits for the pushes it sent again to be delivered or stored (a push times out in 10 s). */
    Duration settleWait = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Relay relay;

    @Inject
    Pusher pusher;

    @Inject
    EventAudience audiences;

    @Inject
    EngineQueries queries;

    @Inject
    GroupCommit commits;

    @Inject
    Leases leases;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;
    private ScheduledFuture<?> marks;
    /** Until this instance has sent again what its last run left unsettled (it needs its own lease first). */
    private volatile boolean first = true;
    /** Whether this instance did the group's sweeps last time. */
    private volatile boolean sweeping;

    @PostConstruct
    void start() {
        if (queries.mark(EngineMark.eventPushes(leases.me())) == null) {
            // a new database or instance, or one whose every push has a row: no event before now needs looking at
            Instant now = Instant.now();
            commits.commit(em -> em.merge(new EngineMark(EngineMark.eventPushes(leases.me()), now)), null);
        }
        sweeps = scheduler.scheduleWithFixedDelay(this::sweepSafely, 3, 5, TimeUnit.SECONDS);
        // each second: after a crash, the pushes sent again are those of about the last six seconds
        marks = scheduler.scheduleWithFixedDelay(this::markSettled, 4, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeps.cancel(false);
        marks.cancel(false);
    }

    private void sweepSafely() {
        try {
            sweepOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A recovery sweep failed; the next one tries again", e);
        }
    }

    /** A sweep: the first sends again what this instance's last run left unsettled and takes up everything. */
    void sweepOnce() {
        if (first) {
            // its own lease first: another instance may be taking over what this one left when it died
            if (!leases.take(Leases.INSTANCE + leases.me())) {
                LOG.info("Another instance is taking up what " + leases.me() + " left; waiting for it");
                return;
            }
            resendUnsettledEventPushes(leases.me());
        }
        sweep(first ? Duration.ZERO : STALE);
        first = false;
    }

    void sweep(Duration olderThan) {
        dispatcher.tidy();
        for (String channelId : queries.channelsWithQueued()) {
            dispatcher.recover(channelId, olderThan);
        }
        boolean was = sweeping;
        sweeping = leases.take(SWEEPS);
        if (!sweeping) {
            return;
        }
        takeOverLapsedInstances();
        // the group's sweeps, just taken over (at start, or from an instance that died): everything there is
        Instant before = Instant.now().minus(was ? olderThan : Duration.ZERO);
        for (Message message : queries.unrouted(before, BATCH)) {
            if (!relay.waiting(message.getId())) {
                relay.send(Queues.INBOUND, message.getId(), message.getChannelId() + " " + message.getFromAddr());
            }
        }
        for (MessageEvent event : queries.eventsForApps(before, BATCH)) {
            if (!relay.waiting(event.getId())) {
                relay.send(Queues.EVENTS, event.getId(), null);
            }
        }
        queries.pushesDue(before, BATCH).stream().filter(push -> !pusher.inHand(push.getId())).forEach(pusher::push);
    }

    /** Stores the settled mark, once the first sweep has sent again what the last run left unsettled. */
    private void markSettled() {
        if (!first) {
            commits.submit(em -> em.merge(new EngineMark(EngineMark.eventPushes(leases.me()),
                    pusher.settledBefore())), null);
        }
    }

    /**
     * The unsettled pushes of each instance whose lease lapsed (it died and has not come back), taken over by this one
     * once: it takes the instance's lease (no other can then), sends again what that instance may not have finished,
     * moves its settled mark to now, and lets the lease go, so the instance finds nothing left when it comes back.
     */
    private void takeOverLapsedInstances() {
        for (String lease : leases.expired(Leases.INSTANCE).keySet()) {
            String instance = lease.substring(Leases.INSTANCE.length());
            if (instance.equals(leases.me()) || !leases.take(lease)) {
                continue;
            }
            long began = System.nanoTime();
            Instant now = Instant.now();
            List<String> resent = resendUnsettledEventPushes(instance);
            // their events are the dead instance's (pushed_by), which this one's own mark does not cover: its mark
            // moves only once they are delivered or stored, or, should this one die first, they are sent again
            if (!settle(resent, settleWait)) {
                LOG.warning(() -> leases.me() + " could not settle the pushes of " + instance + " within "
                        + settleWait.toMillis() / 1000.0 + " s; its lease is let go for the next sweep to try again");
                leases.release(lease);
                continue;
            }
            commits.commit(em -> em.merge(new EngineMark(EngineMark.eventPushes(instance), now)), null);
            leases.release(lease);
            LOG.info(() -> leases.me() + " took over the unsettled pushes of " + instance + " (its lease lapsed): "
                    + resent.size() + " sent again in " + (System.nanoTime() - began) / 1_000_000 + " ms");
        }
    }

    /**
     * Sends again the event pushes of an instance that a crash or stop may have cut short: those of events it stored
     * since its settled mark that have no push row (a push is stored once an attempt fails). Some of them were
     * delivered before the crash; a receiver sees those twice, with the same event_id.
     */
    private List<String> resendUnsettledEventPushes(String instance) {
        Instant since = queries.mark(EngineMark.eventPushes(instance));
        if (since == null) {
            return List.of();
        }
        String afterId = null;
        List<String> resent = new ArrayList<>();
        List<Object[]> page;
        do {
            page = queries.eventsWithoutPush(since, afterId, instance, BATCH);
            for (Object[] row : page) {
                MessageEvent event = (MessageEvent) row[0];
                Message message = (Message) row[1];
                Push push = EventRecorder.eventPush(event, message);
                push.setSigningSecret(audiences.of(message).signingSecret());
                pusher.expect(push.getId(), event.getTimestamp());
                pusher.pushUnstored(push);
                resent.add(push.getId());
                since = event.getTimestamp();
                afterId = event.getId();
            }
        } while (page.size() == BATCH);
        int count = resent.size();
        if (count > 0) {
            LOG.info(() -> "Sending again " + count + " event pushes " + instance + " may not have finished");
        }
        return resent;
    }

    /** Waits until each push is delivered or has a row of its own (a failed first attempt), at most {@code wait}. */
    private boolean settle(List<String> pushIds, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        for (String id : pushIds) {
            while (pusher.unsettled(id)) {
                if (System.nanoTime() - end > 0) {
                    return false;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
