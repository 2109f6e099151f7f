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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.Queues;
import org.switchboard.pushes.PushService;
import org.switchboard.pushes.Pusher;

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
    private Dispatcher dispatcher;

    @Inject
    private Relay relay;

    @Inject
    private Pusher pusher;

    @Inject
    private PushService pushes;

    @Inject
    private EngineQueries queries;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sweeps;
    private volatile boolean first = true;

    @PostConstruct
    void start() {
        sweeps = scheduler.scheduleWithFixedDelay(this::sweepSafely, 3, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweeps.cancel(false);
    }

    private void sweepSafely() {
        try {
            sweep(first ? Duration.ZERO : STALE);
            first = false;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A recovery sweep failed; the next one tries again", e);
        }
    }

    private void sweep(Duration olderThan) {
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
        pushes.due(before, BATCH).forEach(pusher::push);
    }
}
