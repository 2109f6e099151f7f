package org.switchboard.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.engine.ChannelLogLine;

/**
 * What each channel is doing, as Junebug's channel status shows it: messages and events a second over the last
 * {@value #WINDOW_SECONDS} s window (Junebug's {@code metric_window}), the vendor's state as the last answers showed it,
 * and the channel's log. Rates and state are kept in memory (Junebug kept them in Redis with a TTL); the log is stored.
 */
@ApplicationScoped
public class ChannelActivity {

    private static final Logger LOG = Logger.getLogger(ChannelActivity.class.getName());

    /** The window rates are counted over, in seconds. */
    public static final int WINDOW_SECONDS = 10;

    /** Lines kept per channel (Junebug's {@code max_logs}). */
    public static final int LOG_LINES_KEPT = 100;

    /** What is counted per channel, named as Junebug's status names its rates. */
    public enum Rate {
        INBOUND("inbound_message_rate"), OUTBOUND("outbound_message_rate"), SUBMITTED("submitted_event_rate"), REJECTED(
                "rejected_event_rate"), DELIVERY_SUCCEEDED("delivery_succeeded_rate"), DELIVERY_FAILED(
                        "delivery_failed_rate"), DELIVERY_PENDING("delivery_pending_rate");

        private final String field;

        Rate(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        /** The rate an event of this type counts to, if any. */
        static Optional<Rate> ofEvent(String eventType) {
            return switch (eventType) {
                case "submitted" -> Optional.of(SUBMITTED);
                case "rejected" -> Optional.of(REJECTED);
                case "delivery_succeeded" -> Optional.of(DELIVERY_SUCCEEDED);
                case "delivery_failed" -> Optional.of(DELIVERY_FAILED);
                case "delivery_pending" -> Optional.of(DELIVERY_PENDING);
                default -> Optional.empty();
            };
        }
    }

    /** The vendor's state as Junebug's status events give a component's: ok, degraded or down, and why. */
    public record Component(String component, String status, String type, String message, Instant since) {
    }

    @Inject
    private GroupCommit commits;

    private final Map<String, Activity> channels = new ConcurrentHashMap<>();

    public void count(String channelId, Rate rate) {
        activity(channelId).meters.get(rate).mark(bucket());
    }

    /** Messages or events a second on the channel over the last complete window. */
    public Map<Rate, Double> rates(String channelId) {
        Map<Rate, Double> rates = new EnumMap<>(Rate.class);
        Activity activity = channels.get(channelId);
        long now = bucket();
        for (Rate rate : Rate.values()) {
            rates.put(rate, activity == null ? 0.0 : activity.meters.get(rate).rate(now));
        }
        return rates;
    }

    /** The vendor's state, as the channel's last answers showed it; empty before any. */
    public Optional<Component> vendor(String channelId) {
        Activity activity = channels.get(channelId);
        return activity == null ? Optional.empty() : Optional.ofNullable(activity.vendor);
    }

    /** Notes the vendor's state when it differs from what was noted last. */
    void vendorState(String channelId, String vendor, String status, String type, String message) {
        Activity activity = activity(channelId);
        Component last = activity.vendor;
        if (last == null || !last.status().equals(status) || !last.type().equals(type)) {
            activity.vendor = new Component(vendor, status, type, message, Instant.now());
        }
    }

    /** Adds a line to the channel's log, stored with the next group of writes; the oldest beyond the kept are dropped. */
    public void log(String channelId, int level, String message, Throwable failure) {
        if (failure != null) {
            LOG.log(Level.FINE, "Channel " + channelId + ": " + message, failure); // the stack, for the operator
        }
        ChannelLogLine line = new ChannelLogLine(channelId, level, message, failure);
        AtomicInteger sinceTrim = activity(channelId).sinceTrim;
        boolean trim = sinceTrim.incrementAndGet() >= LOG_LINES_KEPT;
        if (trim) {
            sinceTrim.set(0);
        }
        commits.submit(em -> {
            em.persist(line);
            if (trim) {
                em.flush();
                var oldestKept = em.createQuery("select l.id from ChannelLogLine l where l.channelId = :c"
                        + " order by l.id desc", Long.class)
                        .setParameter("c", channelId)
                        .setFirstResult(LOG_LINES_KEPT - 1)
                        .setMaxResults(1)
                        .getResultList();
                if (!oldestKept.isEmpty()) {
                    em.createQuery("delete from ChannelLogLine l where l.channelId = :c and l.id < :id")
                            .setParameter("c", channelId)
                            .setParameter("id", oldestKept.get(0))
                            .executeUpdate();
                }
            }
        }, null).whenComplete((done, e) -> {
            if (e != null) {
                LOG.log(Level.WARNING, "Could not store a log line of channel " + channelId + ": " + message, e);
            }
        });
    }

    /** Forgets a deleted channel's rates and state. */
    public void forget(String channelId) {
        channels.remove(channelId);
    }

    private Activity activity(String channelId) {
        return channels.computeIfAbsent(channelId, id -> new Activity());
    }

    private static long bucket() {
        return System.nanoTime() / (WINDOW_SECONDS * 1_000_000_000L);
    }

    private static final class Activity {
        final Map<Rate, Meter> meters = new EnumMap<>(Rate.class);
        final AtomicInteger sinceTrim = new AtomicInteger();
        volatile Component vendor;

        Activity() {
            for (Rate rate : Rate.values()) {
                meters.put(rate, new Meter());
            }
        }
    }

    /** Counts in the current window, and what the window before it counted. */
    static final class Meter {
        private long bucket;
        private long count;
        private long previous;

        synchronized void mark(long now) {
            roll(now);
            count++;
        }

        synchronized double rate(long now) {
            roll(now);
            return previous / (double) WINDOW_SECONDS;
        }

        private void roll(long now) {
            if (now != bucket) {
                previous = now == bucket + 1 ? count : 0;
                count = 0;
                bucket = now;
            }
        }
    }
}
