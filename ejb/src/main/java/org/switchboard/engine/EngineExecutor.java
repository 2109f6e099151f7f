package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;

/**
 * The engine's threads for short steps and timers (vendor answers, retries, the push client's completions). They are
 * made by the server's managed thread factory, so they carry the application's context from their start; a managed
 * executor would capture that context again for every task (measured: a tenth of the message path's CPU, in the class
 * loaders' resource lookups).
 */
@ApplicationScoped
public class EngineExecutor {

    @Inject
    @ConfigProperty(name = "switchboard.engine.threads", defaultValue = "4")
    int size;

    @Resource
    private ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ScheduledThreadPoolExecutor(size, runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("switchboard-engine-" + thread.getId());
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        // Tasks not started are dropped; running ones end on their own (up to 10 s) rather than by an interrupt, which
        // in the middle of H2's file I/O would close H2's file for the whole server.
        executor.shutdown();
        executor.getQueue().clear();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs tasks now or later on the engine's threads. */
    public ScheduledExecutorService get() {
        return executor;
    }

    /**
     * Made as the application starts, on a thread of the container: made first on one of the engine's own threads (a
     * commit's follow-up), its {@code @Resource} would be left null (seen: the first inbound message after a deploy
     * not routed, a null thread factory).
     */
    void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being called is the point: the bean now exists
    }
}
