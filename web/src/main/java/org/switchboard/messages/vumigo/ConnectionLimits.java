package org.switchboard.messages.vumigo;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.errors.ApiException;

/**
 * Vumi Go's {@code concurrency_limit}: how many requests of one account the HTTP API serves at once (open streams
 * included); past it, 403 "Too many concurrent connections".
 *
 * <p>On the instances of a group the limit is the account's across all of them, counted on Payara's data grid
 * (Hazelcast, JNDI {@code payara/Hazelcast}): each instance keeps its own count of each account in the map
 * {@value #MAP}, under {@code account@member}, which only it writes. A request first counts itself there, then adds
 * the counts of the other live members; over the limit it takes itself back and is refused. Two instances counting at
 * once each see the other's count (each wrote before it read), so together they never let more in than the limit (at
 * worst both refuse); a dead member's counts are left out as soon as the grid sees it gone. On one instance (a plain
 * domain, whose data grid is off) the counts are this JVM's.
 */
@ApplicationScoped
public class ConnectionLimits {

    /** The data grid's map of the counts. */
    static final String MAP = "switchboard-http-api-connections";

    private static final Logger LOG = Logger.getLogger(ConnectionLimits.class.getName());

    @Inject
    @ConfigProperty(name = "switchboard.http-api.concurrency-limit", defaultValue = "10")
    int limit;

    private final Map<String, int[]> open = new ConcurrentHashMap<>();

    /** The data grid, or null on one instance. */
    private HazelcastInstance grid;

    /** A held place; closing it gives the place back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    @PostConstruct
    void findTheGrid() {
        try {
            HazelcastInstance found = (HazelcastInstance) new InitialContext().lookup("payara/Hazelcast");
            if (found != null && found.getLifecycleService().isRunning()) {
                grid = found;
                LOG.info("The HTTP API's concurrency limit is counted across the data grid's members");
            }
        } catch (NamingException | RuntimeException | LinkageError off) {
            grid = null; // the data grid is off: one instance
        }
    }

    /** Takes one of the account's places, or refuses with 403. */
    public Held take(String accountId) {
        int[] count = open.computeIfAbsent(accountId, id -> new int[1]);
        boolean taken;
        synchronized (count) {
            count[0]++;
            taken = grid == null ? count[0] <= limit : withinLimitOnTheGrid(accountId, count[0]);
            if (!taken) {
                release(accountId, count);
            }
        }
        if (!taken) {
            throw new ApiException(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "Too many concurrent connections");
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                synchronized (count) {
                    release(accountId, count);
                }
            }
        };
    }

    /** Writes this member's count, then reads the others': whether the sum is within the limit. */
    private boolean withinLimitOnTheGrid(String accountId, int mine) {
        IMap<String, Integer> counts = grid.getMap(MAP);
        Member me = grid.getCluster().getLocalMember();
        counts.set(key(accountId, me), mine, 1, TimeUnit.DAYS);
        Set<String> others = new HashSet<>();
        for (Member member : grid.getCluster().getMembers()) {
            if (!member.equals(me)) {
                others.add(key(accountId, member));
            }
        }
        int total = mine;
        for (Integer theirs : counts.getAll(others).values()) {
            total += theirs == null ? 0 : theirs;
        }
        return total <= limit;
    }

    /** Gives a place back (the caller holds the count's lock). */
    private void release(String accountId, int[] count) {
        count[0]--;
        if (grid != null) {
            grid.<String, Integer>getMap(MAP).set(key(accountId, grid.getCluster().getLocalMember()), count[0], 1,
                    TimeUnit.DAYS);
        }
    }

    private static String key(String accountId, Member member) {
        return accountId + '@' + member.getUuid();
    }
}
