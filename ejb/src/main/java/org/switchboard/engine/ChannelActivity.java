package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What each channel is doing, as Junebug's channel status shows it: messages and events a second over the last
 * {@value #WINDOW_SECONDS} s window (Junebug's {@code metric_window}), the vendor's state as the last answers showed it,
 * and the channel's log. Junebug kept rates and state in Redis with a TTL; here they are the group's through the
 * database, so that any instance answers the same: each instance counts in memory by windows of the wall clock and
 * writes its counts of a window once it is over (table {@code channel_rate}, a row per channel and instance), and a
 * channel's rates are this instance's counts plus the other instances' rows for the same window; the vendor's state
 * is written when it changes (table {@code channel_vendor_state}) by the instance that sent, and read from there.
 * Without the database (unit tests) or when it fails, this instance's memory answers.
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

    static final String RATES_SQL = "select sum(inbound), sum(outbound), sum(submitted), sum(rejected),"
            + " sum(delivery_succeeded), sum(delivery_failed), sum(delivery_pending) from channel_rate"
            + " where channel_id = ? and instance <> ? and window_start = ?";
    static final String UPDATE_RATES_SQL = "update channel_rate set window_start = ?, inbound = ?, outbound = ?,"
            + " submitted = ?, rejected = ?, delivery_succeeded = ?, delivery_failed = ?, delivery_pending = ?"
            + " where channel_id = ? and instance = ?";
    static final String INSERT_RATES_SQL = "insert into channel_rate (window_start, inbound, outbound, submitted,"
            + " rejected, delivery_succeeded, delivery_failed, delivery_pending, channel_id, instance)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String VENDOR_SQL = "select component, status, state_type, message, since from channel_vendor_state"
            + " where channel_id = ?";
    static final String UPDATE_VENDOR_SQL = "update channel_vendor_state set component = ?, status = ?,"
            + " state_type = ?, message = ?, since = ? where channel_id = ?";
    static final String INSERT_VENDOR_SQL = "insert into channel_vendor_state (component, status, state_type, message,"
            + " since, channel_id) values (?, ?, ?, ?, ?, ?)";

    @Inject
    private GroupCommit commits;

    @Resource(lookup = "jdbc/switchboard")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Activity> channels = new ConcurrentHashMap<>();
    /** This instance's name in the rows it writes. */
    String me = Leases.instanceName();
    /** The wall clock whose windows every instance counts by. */
    Clock clock = Clock.systemUTC();
    private ScheduledFuture<?> writes;

    @PostConstruct
    void start() {
        if (scheduler != null && database != null) {
            // a second into each window, the window before it is over everywhere (clocks set by NTP agree to that)
            long millis = WINDOW_SECONDS * 1000L;
            long first = millis - clock.millis() % millis + 1000;
            writes = scheduler.scheduleAtFixedRate(this::writeRates, first, millis, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (writes != null) {
            writes.cancel(false);
        }
    }

    public void count(String channelId, Rate rate) {
        activity(channelId).meters.get(rate).mark(bucket());
    }

    /** Messages or events a second on the channel over the last complete window, counted by every instance. */
    public Map<Rate, Double> rates(String channelId) {
        Map<Rate, Double> rates = new EnumMap<>(Rate.class);
        Activity activity = channels.get(channelId);
        long now = bucket();
        long[] others = othersCounts(channelId, now - 1);
        for (Rate rate : Rate.values()) {
            long mine = activity == null ? 0 : activity.meters.get(rate).countOf(now - 1, now);
            rates.put(rate, (mine + others[rate.ordinal()]) / (double) WINDOW_SECONDS);
        }
        return rates;
    }

    /** The vendor's state, as the channel's last answers showed it (on whichever instance sent); empty before any. */
    public Optional<Component> vendor(String channelId) {
        if (database != null) {
            try (Connection connection = database.getConnection();
                    PreparedStatement select = connection.prepareStatement(VENDOR_SQL)) {
                select.setString(1, channelId);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return Optional.of(new Component(row.getString(1), row.getString(2), row.getString(3),
                                row.getString(4), row.getTimestamp(5).toInstant()));
                    }
                    return Optional.empty();
                }
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Could not read the vendor's state of channel " + channelId
                        + "; this instance's is shown", e);
            }
        }
        Activity activity = channels.get(channelId);
        return activity == null ? Optional.empty() : Optional.ofNullable(activity.vendor);
    }

    /** Notes the vendor's state when it differs from what was noted last, and stores it for the group. */
    void vendorState(String channelId, String vendor, String status, String type, String message) {
        Activity activity = activity(channelId);
        synchronized (activity) {
            Component last = activity.vendor;
            if (last == null || !last.status().equals(status) || !last.type().equals(type)) {
                Component now = new Component(vendor, status, type, message, Instant.now());
                activity.vendor = now;
                if (database != null && scheduler != null) { // in order, off the sending thread
                    activity.stored = activity.stored.thenRunAsync(() -> storeVendor(channelId, now), scheduler);
                } else if (database != null) {
                    storeVendor(channelId, now);
                }
            }
        }
    }

    private void storeVendor(String channelId, Component state) {
        try (Connection connection = database.getConnection()) {
            String message = state.message() == null || state.message().length() <= 1000
                    ? state.message()
                    : state.message().substring(0, 1000);
            Object[] values = {state.component(), state.status(), state.type(), message,
                    Timestamp.from(state.since()), channelId};
            if (execute(connection, UPDATE_VENDOR_SQL, values) == 0) {
                try {
                    execute(connection, INSERT_VENDOR_SQL, values);
                } catch (SQLException raced) { // another instance inserted it first: ours is the later state
                    execute(connection, UPDATE_VENDOR_SQL, values);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store the vendor's state of channel " + channelId
                    + "; the other instances show the one before", e);
        }
    }

    /** The other instances' counts of the channel in the window, by rate; zeros without the database. */
    private long[] othersCounts(String channelId, long window) {
        long[] counts = new long[Rate.values().length];
        if (database == null) {
            return counts;
        }
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(RATES_SQL)) {
            select.setString(1, channelId);
            select.setString(2, me);
            select.setLong(3, window);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = row.getLong(i + 1);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not read the other instances' rates of channel " + channelId, e);
        }
        return counts;
    }

    /** Writes this instance's counts of the window just over, for each channel that counted any in it. */
    void writeRates() {
        long now = bucket();
        try (Connection connection = database.getConnection()) {
            for (Map.Entry<String, Activity> channel : channels.entrySet()) {
                Object[] values = new Object[Rate.values().length + 3];
                values[0] = now - 1;
                long total = 0;
                for (Rate rate : Rate.values()) {
                    long count = channel.getValue().meters.get(rate).countOf(now - 1, now);
                    values[rate.ordinal() + 1] = (int) Math.min(count, Integer.MAX_VALUE);
                    total += count;
                }
                if (total == 0) {
                    continue; // a row of an older window counts for none
                }
                values[values.length - 2] = channel.getKey();
                values[values.length - 1] = me;
                if (execute(connection, UPDATE_RATES_SQL, values) == 0) {
                    execute(connection, INSERT_RATES_SQL, values);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store this instance's channel rates; the others do not count them", e);
        }
    }

    private static int execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
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

    /** Forgets a deleted channel's rates and state, here and in the group's rows. */
    public void forget(String channelId) {
        channels.remove(channelId);
        if (database != null && scheduler != null) {
            scheduler.execute(() -> {
                try (Connection connection = database.getConnection()) {
                    execute(connection, "delete from channel_rate where channel_id = ?", channelId);
                    execute(connection, "delete from channel_vendor_state where channel_id = ?", channelId);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not delete the rates and state of deleted channel " + channelId, e);
                }
            });
        }
    }

    private Activity activity(String channelId) {
        return channels.computeIfAbsent(channelId, id -> new Activity());
    }

    /** The current window of the wall clock, the same on every instance. */
    private long bucket() {
        return clock.millis() / (WINDOW_SECONDS * 1000L);
    }

    private static final class Activity {
        final Map<Rate, Meter> meters = new EnumMap<>(Rate.class);
        final AtomicInteger sinceTrim = new AtomicInteger();
        volatile Component vendor;
        /** The last write of the vendor's state, which the next one follows. */
        CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);

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
            return countOf(now - 1, now) / (double) WINDOW_SECONDS;
        }

        /** What was counted in the window, as of the window now; windows older than the one before are gone. */
        synchronized long countOf(long window, long now) {
            roll(now);
            return window == bucket ? count : window == bucket - 1 ? previous : 0;
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
