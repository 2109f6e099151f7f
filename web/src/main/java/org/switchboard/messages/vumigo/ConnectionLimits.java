package org.switchboard.messages.vumigo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.errors.ApiException;

/**
 * Vumi Go's {@code concurrency_limit}: how many requests of one account the HTTP API serves at once (open streams
 * included); past it, 403 "Too many concurrent connections".
 */
@ApplicationScoped
public class ConnectionLimits {

    @Inject
    @ConfigProperty(name = "switchboard.http-api.concurrency-limit", defaultValue = "10")
    int limit;

    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** A held place; closing it gives the place back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes one of the account's places, or refuses with 403. */
    public Held take(String accountId) {
        AtomicInteger count = open.computeIfAbsent(accountId, id -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "Too many concurrent connections");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        };
    }
}
