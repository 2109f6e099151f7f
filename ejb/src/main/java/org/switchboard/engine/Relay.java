package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.MessageBus;

/**
 * Puts the ids of committed rows on Artemis queues for the message-driven beans (inbound messages to route, events
 * for apps), after the commit and outside any transaction: the consumer always finds its row, and no XA transaction
 * spans the database and the broker. The row is the record; the queued id is a signal, so a lost id (a broker crash)
 * is sent again by {@link Recovery} and a doubled one is a no-op for the idempotent consumers.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());

    /** How long a relayed id is left to its consumer before a sweep sends it again. */
    static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    @ConfigProperty(name = "switchboard.engine.relay-threads", defaultValue = "8")
    int threads;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    MessageBus bus;

    /** Sender threads, each with its queue: one group's ids always go through the same one, in order. */
    private List<ExecutorService> senders;
    private final Map<String, Long> relayed = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        senders = IntStream.range(0, Math.max(1, threads))
                .mapToObj(i -> (ExecutorService) Executors.newSingleThreadExecutor(threadFactory)).toList();
    }

    @PreDestroy
    void stop() {
        senders.forEach(ExecutorService::shutdownNow);
    }

    /**
     * Queues the id (in a message group, or none), soon, on a sender thread: the ids of one group are queued in the
     * order they were given (one phone's messages, in the order the vendor delivered them), ids of other groups beside
     * them.
     */
    public void send(String queue, String id, String group) {
        relayed.put(id, System.nanoTime());
        senders.get(Math.floorMod((group != null ? group : id).hashCode(), senders.size())).execute(() -> {
            try {
                bus.send(queue, id, group);
            } catch (RuntimeException e) {
                relayed.remove(id);
                LOG.warning(() -> "Could not queue " + id + " on " + queue + " (" + e.getMessage()
                        + "); the next sweep queues it again");
            }
        });
    }

    /** The consumer is done with the id. */
    public void done(String id) {
        relayed.remove(id);
    }

    /** Whether the id was queued lately, so a sweep should leave it to its consumer. */
    boolean waiting(String id) {
        Long at = relayed.get(id);
        return at != null && System.nanoTime() - at < PATIENCE_NANOS;
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
