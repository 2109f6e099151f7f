package org.switchboard.counts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.Leases;

/**
 * Keeps the counts up: every {@code switchboard.counts.every-seconds} it folds in what was stored until
 * {@code switchboard.counts.lag-seconds} ago (a row's id is made just before its transaction commits; the lag lets the
 * slowest of those commit first), a slice at a time, until it has caught up. It stops short of the oldest inbound
 * message not yet routed (an app's first run may take longer than the lag, and a message is routed in the app's
 * transaction): counted before, it would be no conversation's; a message unrouted for longer than
 * {@link #MOST_HELD} (its routing failing again and again) holds the counts back no longer. With several instances
 * one folds at a time, the holder of the lease {@value #LEASE}: a slice folded twice would count its messages twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CountRunner {

    private static final Logger LOG = Logger.getLogger(CountRunner.class.getName());
    /** The most time folded in one transaction. */
    private static final Duration SLICE = Duration.ofSeconds(10);
    /** The longest a message not yet routed holds the counts back. */
    static final Duration MOST_HELD = Duration.ofMinutes(5);
    static final String LEASE = "counts";

    @Inject
    Leases leases;

    @Inject
    CountFold fold;

    @Inject
    @ConfigProperty(name = "switchboard.counts.lag-seconds", defaultValue = "30")
    long lagSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.counts.every-seconds", defaultValue = "5")
    long everySeconds;

    /**
     * The fold's own thread: a catch-up after a burst takes minutes, and Payara's default scheduled executor has one
     * thread (core-pool-size 0), every job loop's: folding 400,000 messages' slices on it held the bulk sends, imports
     * and exports back until it was done (seen in the page benchmark).
     */
    @Resource
    ManagedThreadFactory threads;

    private Thread folder;
    private final CountDownLatch stopped = new CountDownLatch(1);

    @PostConstruct
    void start() {
        folder = threads.newThread(this::loop);
        folder.setName("switchboard-count-fold");
        folder.setDaemon(true);
        folder.start();
    }

    /**
     * Stops the fold between two slices and waits for it. Never by an interrupt: a thread interrupted in the middle of
     * H2's file I/O closes H2's file channel for the whole server, and the next deployment cannot open the database
     * (seen once in CI, after an undeploy).
     */
    @PreDestroy
    void stop() {
        stopped.countDown();
        try {
            folder.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            while (!stopped.await(everySeconds, TimeUnit.SECONDS)) {
                catchUp();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How far behind the rows the counts are kept. */
    public Duration lag() {
        return Duration.ofSeconds(lagSeconds);
    }

    private void catchUp() {
        try {
            Instant now = Instant.now();
            Instant upto = now.minus(lag());
            Instant unrouted = fold.oldestUnrouted();
            if (unrouted != null) {
                unrouted = unrouted.minusSeconds(1); // its id's time is a moment before its timestamp
            }
            if (unrouted != null && unrouted.isBefore(upto)) {
                upto = unrouted.isAfter(now.minus(MOST_HELD)) ? unrouted : now.minus(MOST_HELD);
            }
            Instant mark = fold.mark();
            while (stopped.getCount() > 0 && leases.take(LEASE) && (mark == null || mark.isBefore(upto))) {
                mark = fold.fold(upto, SLICE);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Folding messages into the counts failed; the next round tries again", e);
        }
    }
}
