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
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
    /** How old unfinished work must be before a sweep after the first takes it up. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final int BATCH = 1000;

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

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;
    private ScheduledFuture<?> marks;
    private volatile boolean first = true;

    @PostConstruct
    void start() {
        if (queries.mark(EngineMark.EVENT_PUSHES) == null) {
            // a new database, or one whose every push has a row: no event before now needs looking at after a crash
            Instant now = Instant.now();
            commits.commit(em -> em.merge(new EngineMark(EngineMark.EVENT_PUSHES, now)), null);
        }
        sweeps = scheduler.scheduleWithFixedDelay(this::sweepSafely, 3, 5, TimeUnit.SECONDS);
        // each second: after a crash, the pushes sent again are those of about the last second or two
        marks = scheduler.scheduleWithFixedDelay(this::markSettled, 4, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeps.cancel(false);
        marks.cancel(false);
    }

    private void sweepSafely() {
        try {
            sweep(first ? Duration.ZERO : STALE);
            first = false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A recovery sweep failed; the next one tries again", e);
        }
    }

    void sweep(Duration olderThan) {
        if (olderThan.isZero()) {
            resendUnsettledEventPushes();
        }
        dispatcher.tidy();
        for (String channelId : queries.channelsWithQueued()) {
            dispatcher.refill(channelId, olderThan);
        }
        Instant before = Instant.now().minus(olderThan);
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
            commits.submit(em -> em.merge(new EngineMark(EngineMark.EVENT_PUSHES, pusher.settledBefore())), null);
        }
    }

    /**
     * Sends again the event pushes a crash or stop may have cut short: those of events stored since the settled mark
     * that have no push row (a push is stored once an attempt fails). Some of them were delivered before the crash; a
     * receiver sees those twice, with the same event_id.
     */
    private void resendUnsettledEventPushes() {
        Instant since = queries.mark(EngineMark.EVENT_PUSHES);
        String afterId = null;
        int resent = 0;
        List<Object[]> page;
        do {
            page = queries.eventsWithoutPush(since, afterId, BATCH);
            for (Object[] row : page) {
                MessageEvent event = (MessageEvent) row[0];
                Message message = (Message) row[1];
                Push push = EventRecorder.eventPush(event, message);
                push.setSigningSecret(audiences.of(message).signingSecret());
                pusher.expect(push.getId(), event.getTimestamp());
                pusher.pushUnstored(push);
                since = event.getTimestamp();
                afterId = event.getId();
            }
            resent += page.size();
        } while (page.size() == BATCH);
        int count = resent;
        if (count > 0) {
            LOG.info(() -> "Sending again " + count + " event pushes the last run may not have finished");
        }
    }
}
