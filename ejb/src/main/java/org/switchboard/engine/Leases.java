package org.switchboard.engine;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Work that one instance at a time may do, owned through lease rows in the database (table {@code engine_lease}: a
 * name, its owner, when it expires), as reference/scale-out.md recommends for a pool of connections: a lease is taken
 * by an update that succeeds only when the row is this instance's or has expired (or by the insert of a new row, which
 * the primary key lets one instance make), and every lease an instance holds is renewed by one update every
 * {@link #RENEW}. Times are the database's ({@code current_timestamp}), so the instances' clocks need not agree; this
 * instance counts a lease as its own until {@link #TTL} less a margin after the renewal began, by its own monotonic
 * clock, so it stops using a lease before any other can take it.
 *
 * <p>An instance is known by its Payara instance name ({@code com.sun.aas.instanceName}: {@code server} for the one
 * instance of a plain domain). A restarted instance has the name it had, so it takes its own leases back at once: two
 * processes with one name cannot run together (they would share ports and files).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class.getName());
    /** How long a lease lasts unless renewed: the longest a dead instance's work waits for another. */
    public static final Duration TTL = Duration.ofSeconds(10);
    /** How often this instance renews its leases. */
    public static final Duration RENEW = Duration.ofSeconds(2);
    /** How much sooner than the database this instance stops counting on a lease it could not renew. */
    private static final long MARGIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private static final String EXPIRES = "current_timestamp + interval '" + TTL.toSeconds() + "' second";
    static final String TAKE_SQL = "update engine_lease set owner = ?, expires_at = " + EXPIRES
            + " where name = ? and (owner = ? or expires_at < current_timestamp)";
    static final String INSERT_SQL = "insert into engine_lease (name, owner, expires_at) values (?, ?, " + EXPIRES
            + ")";
    static final String RENEW_SQL = "update engine_lease set expires_at = " + EXPIRES + " where owner = ?";
    static final String HELD_SQL = "select name from engine_lease where owner = ? and expires_at > current_timestamp";
    static final String RELEASE_SQL = "delete from engine_lease where name = ? and owner = ?";
    static final String EXPIRED_SQL = "select name, owner from engine_lease where name like ?"
            + " and expires_at < current_timestamp";
    static final String HOLDER_SQL = "select owner from engine_lease where name = ? and expires_at > current_timestamp";

    /** The lease of an instance's own unsettled work: held while it runs, taken by another when it dies. */
    public static final String INSTANCE = "instance:";

    @Resource(lookup = "jdbc/switchboard")
    DataSource database;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final String me = instanceName();
    /** The leases held here, with the monotonic time until which this instance counts on each. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private final List<Consumer<String>> lost = new CopyOnWriteArrayList<>();
    private ScheduledFuture<?> renewals;

    @PostConstruct
    void start() {
        renewals = scheduler.scheduleWithFixedDelay(this::renewSafely, RENEW.toMillis(), RENEW.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        renewals.cancel(false);
        // what this instance held is free at once for the others; its own unsettled work is left to lapse, so that
        // another takes it up if this instance does not come back
        for (String name : List.copyOf(held.keySet())) {
            if (!name.startsWith(INSTANCE)) {
                release(name);
            }
        }
    }

    /** The name of the Payara instance this runs in ({@code server}: a plain domain's one instance). */
    public static String instanceName() {
        return System.getProperty("com.sun.aas.instanceName", "server");
    }

    /** This instance's name (the owner of its leases). */
    public String me() {
        return me;
    }

    /** Hears the name of each lease this instance held and lost (it could not renew it in time, or another took it). */
    public void onLost(Consumer<String> listener) {
        lost.add(listener);
    }

    /** The leases this instance holds now. */
    public Set<String> held() {
        return held.keySet().stream().filter(this::holds).collect(java.util.stream.Collectors.toSet());
    }

    /** Whether this instance holds the lease now (no database read). */
    public boolean holds(String name) {
        Long until = held.get(name);
        if (until == null) {
            return false;
        }
        if (until - System.nanoTime() > 0) {
            return true;
        }
        if (held.remove(name, until)) {
            lose(name);
        }
        return false;
    }

    /**
     * Takes the lease unless another live instance holds it: true when this instance holds it now (it may have held
     * it already).
     */
    public boolean take(String name) {
        if (holds(name)) {
            return true;
        }
        long began = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            boolean taken = update(connection, TAKE_SQL, me, name, me) == 1;
            if (!taken) {
                try {
                    taken = update(connection, INSERT_SQL, name, me) == 1;
                } catch (SQLException exists) {
                    taken = false; // the row is there: another instance holds the lease (or just made it)
                }
            }
            if (taken) {
                held.put(name, began + TTL.toNanos() - MARGIN_NANOS);
            }
            return taken;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not take the lease " + name + "; the database did not answer", e);
            return false;
        }
    }

    /** Gives the lease up, so another instance may take it at once. */
    public void release(String name) {
        held.remove(name);
        try (Connection connection = database.getConnection()) {
            update(connection, RELEASE_SQL, name, me);
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not release the lease " + name + "; it expires by itself", e);
        }
    }

    /** The live instance that holds the lease, or null when none does. */
    public String holder(String name) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(HOLDER_SQL)) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the lease " + name, e);
        }
    }

    /** The expired leases whose name starts with {@code prefix}, with their last owner: work nobody does. */
    public Map<String, String> expired(String prefix) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(EXPIRED_SQL)) {
            query.setString(1, prefix + "%"); // the prefixes are ours, with no wildcard in them
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.put(rows.getString(1), rows.getString(2));
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not read the expired leases", e);
        }
        return names;
    }

    private void renewSafely() {
        if (held.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            int renewed = update(connection, RENEW_SQL, me);
            Set<String> mine = new HashSet<>(held.keySet());
            if (renewed < mine.size()) {
                // another took some (they had expired before this renewal): keep those the database says are ours
                mine = names(connection, me);
            }
            long until = began + TTL.toNanos() - MARGIN_NANOS;
            for (String name : new ArrayList<>(held.keySet())) {
                if (mine.contains(name)) {
                    held.put(name, until);
                } else if (held.remove(name) != null) {
                    lose(name);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew this instance's leases; they lapse unless the next renewal"
                    + " succeeds", e);
        }
    }

    private void lose(String name) {
        LOG.info(() -> "This instance (" + me + ") no longer holds " + name);
        for (Consumer<String> listener : lost) {
            try {
                listener.accept(name);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener failed on the loss of " + name, e);
            }
        }
    }

    private static Set<String> names(Connection connection, String owner) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(HELD_SQL)) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static int update(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
