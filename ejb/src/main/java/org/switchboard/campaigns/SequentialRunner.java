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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.Leases;

/**
 * Vumi Go's sequential_send poller: every {@code switchboard.sequential.poll-seconds} (Vumi Go's
 * {@code poll_interval}, 60) it starts the run of each sequential_send conversation whose schedule names a time since
 * the last poll ({@link SequentialPolls}); the bulk runner sends it.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SequentialRunner {

    private static final Logger LOG = Logger.getLogger(SequentialRunner.class.getName());

    @Inject
    SequentialPolls polls;

    @Inject
    @ConfigProperty(name = "switchboard.sequential.poll-seconds", defaultValue = "60")
    long pollSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Leases leases;

    static final String LEASE = "sequential-sends";

    private ScheduledFuture<?> ticks;

    @PostConstruct
    void start() {
        ticks = scheduler.scheduleWithFixedDelay(this::poll, pollSeconds, pollSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        ticks.cancel(false);
    }

    private void poll() {
        try {
            if (leases.take(LEASE)) { // one instance polls at a time: a run started twice would send twice
                polls.poll(Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A poll of the sequential sends failed; the next one looks again", e);
        }
    }
}
