package org.switchboard.counts;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.switchboard.accounts.Ids;
import org.switchboard.engine.EngineMark;
import org.switchboard.sql.Database;
import org.switchboard.sql.RowValues;

/**
 * Folds the messages and events stored in a slice of time into the counts, and moves the mark past the slice, in one
 * transaction: a slice is counted once, whatever stops the platform. Rows are found by their time-ordered ids (a range
 * of the primary key); the first fold takes every row before its end, whatever its id, so a database of an older
 * release is counted whole.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CountFold {

    /** The mark: every message and event whose id is before it is in the counts. */
    public static final String MARK = "counts-folded";
    /** The buckets counts are kept in. */
    public static final Duration BUCKET = Duration.ofMinutes(15);
    /** The conversation of messages that have none. */
    public static final String NONE = "-";
    /** Addresses looked up at once. */
    private static final int CHUNK = 500;

    static final String MESSAGES_SQL = "select account_id, conversation_id, direction, from_addr, to_addr, timestamp"
            + " from message where id >= ? and id < ?";
    static final String FIRST_MESSAGES_SQL = "select account_id, conversation_id, direction, from_addr, to_addr,"
            + " timestamp from message where id < ? or timestamp < ?";
    static final String EVENTS_SQL = "select m.account_id, m.conversation_id, e.event_type, e.timestamp"
            + " from message_event e join message m on m.id = e.message_id where e.id >= ? and e.id < ?";
    static final String FIRST_EVENTS_SQL = "select m.account_id, m.conversation_id, e.event_type, e.timestamp"
            + " from message_event e join message m on m.id = e.message_id where e.id < ? or e.timestamp < ?";
    static final String ADD_SQL = "update message_count set received = received + ?, sent = sent + ?,"
            + " acks = acks + ?, nacks = nacks + ?, delivered = delivered + ?, delivery_failed = delivery_failed + ?,"
            + " delivery_pending = delivery_pending + ? where account_id = ? and conversation_id = ? and bucket = ?";
    static final String NEW_SQL = "insert into message_count (received, sent, acks, nacks, delivered,"
            + " delivery_failed, delivery_pending, account_id, conversation_id, bucket)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Followed by the row values looked up (so not a whole statement, and not named *_SQL: SchemaUpgradeIT checks those). */
    static final String SEEN_PREFIX = "select address from message_count_address where ";
    static final String SEE_SQL = "insert into message_count_address (account_id, conversation_id, on_day, inbound,"
            + " address) values (?, ?, ?, ?, ?)";
    static final String ADD_DAY_SQL = "update message_count_day set senders = senders + ?,"
            + " recipients = recipients + ? where account_id = ? and conversation_id = ? and on_day = ?";
    static final String NEW_DAY_SQL = "insert into message_count_day (senders, recipients, account_id,"
            + " conversation_id, on_day) values (?, ?, ?, ?, ?)";

    @PersistenceContext
    private EntityManager em;

    /** Where a count goes: the account, the conversation (or {@link #NONE}) and the bucket's start. */
    record Key(String account, String conversation, Instant bucket) {
    }

    /** Where a distinct address is counted. */
    record DayKey(String account, String conversation, LocalDate day, boolean inbound) {
    }

    /**
     * When the oldest inbound message not yet routed was received (null: none): such a row has no conversation yet,
     * and folding it would count it as no conversation's for good.
     */
    public Instant oldestUnrouted() {
        return em.createQuery("select min(m.timestamp) from Message m where m.status = :received",
                Instant.class).setParameter("received", org.switchboard.messages.Message.Status.RECEIVED)
                .getSingleResult();
    }

    /** The mark, or null before the first fold. */
    public Instant mark() {
        EngineMark mark = em.find(EngineMark.class, MARK);
        return mark == null ? null : mark.getAt();
    }

    /**
     * Counts the rows stored from the mark until {@code upto} (at most {@code slice} past the mark), moves the mark.
     *
     * @return the new mark
     */
    public Instant fold(Instant upto, Duration slice) {
        // the mark's row locked until the commit: a second fold (another instance's, whose lease lapsed as it
        // folded) waits, then reads the mark this one moved, and counts nothing twice
        EngineMark mark = em.find(EngineMark.class, MARK, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant from = mark == null ? null : mark.getAt();
        Instant to = from == null || from.plus(slice).isAfter(upto) ? upto : from.plus(slice);
        if (from != null && !to.isAfter(from)) {
            return from;
        }
        Map<Key, Counts> counts = new HashMap<>();
        Map<DayKey, Set<String>> addresses = new HashMap<>();
        String lo = from == null ? null : Ids.orderedFloor(from);
        String hi = Ids.orderedFloor(to);
        rows(from == null ? FIRST_MESSAGES_SQL : MESSAGES_SQL, lo, hi, to).forEach(r -> {
            boolean inbound = "INBOUND".equals(r[2]);
            Instant at = instant(r[5]);
            String conversation = r[1] == null ? NONE : (String) r[1];
            counts.merge(new Key((String) r[0], conversation, bucket(at)), Counts.message(inbound), Counts::plus);
            String address = (String) (inbound ? r[3] : r[4]);
            if (address != null) {
                addresses.computeIfAbsent(new DayKey((String) r[0], conversation, day(at), inbound),
                        k -> new HashSet<>()).add(address);
            }
        });
        rows(from == null ? FIRST_EVENTS_SQL : EVENTS_SQL, lo, hi, to).forEach(r -> counts.merge(
                new Key((String) r[0], r[1] == null ? NONE : (String) r[1], bucket(instant(r[3]))),
                Counts.event((String) r[2]), Counts::plus));
        counts.forEach(this::add);
        addresses.forEach(this::see);
        if (mark == null) {
            em.persist(new EngineMark(MARK, to));
        } else {
            em.merge(new EngineMark(MARK, to));
        }
        return to;
    }

    @SuppressWarnings("unchecked")
    private Stream<Object[]> rows(String sql, String lo, String hi, Instant to) {
        var query = em.createNativeQuery(sql);
        if (lo == null) {
            query.setParameter(1, hi).setParameter(2, Timestamp.from(to));
        } else {
            query.setParameter(1, lo).setParameter(2, hi);
        }
        return query.getResultStream();
    }

    private void add(Key key, Counts c) {
        List<Object> values = new ArrayList<>(List.of(c.received(), c.sent(), c.acks(), c.nacks(), c.delivered(),
                c.deliveryFailed(), c.deliveryPending(), key.account(), key.conversation(),
                Timestamp.from(key.bucket())));
        if (update(ADD_SQL, values) == 0) {
            update(NEW_SQL, values);
        }
    }

    /** Stores the addresses not seen on their day before, and counts them among the day's distinct ones. */
    private void see(DayKey key, Set<String> addresses) {
        Set<String> fresh = unseen(em, key, addresses);
        em.unwrap(Session.class).doWork(connection -> { // one JDBC batch: a bulk send's day has 100,000 of them
            try (PreparedStatement see = connection.prepareStatement(SEE_SQL)) {
                for (String address : fresh) {
                    see.setString(1, key.account());
                    see.setString(2, key.conversation());
                    see.setDate(3, java.sql.Date.valueOf(key.day()));
                    see.setBoolean(4, key.inbound());
                    see.setString(5, address);
                    see.addBatch();
                }
                see.executeBatch();
            }
        });
        if (!fresh.isEmpty()) {
            long n = fresh.size();
            List<Object> values = List.of(key.inbound() ? n : 0L, key.inbound() ? 0L : n, key.account(),
                    key.conversation(), key.day());
            if (update(ADD_DAY_SQL, values) == 0) {
                update(NEW_DAY_SQL, values);
            }
        }
    }

    /**
     * Those of the addresses not yet seen on the key's day, looked up a chunk at a time by their whole key as row
     * values ({@link RowValues}): H2 uses no index for an {@code IN} list on the key's last column, and each chunk
     * read the day's every address (a bulk send's day has 100,000).
     */
    @SuppressWarnings("unchecked")
    static Set<String> unseen(EntityManager em, DayKey key, Set<String> addresses) {
        if (Database.of(em) == Database.H2) {
            return unseenOneByOne(em, key, addresses);
        }
        List<String> all = new ArrayList<>(addresses);
        List<Object> fixed = List.of(key.account(), key.conversation(), key.day(), key.inbound());
        Set<String> fresh = new HashSet<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            Set<String> seen = new HashSet<>(RowValues.bind(em.createNativeQuery(SEEN_PREFIX
                    + RowValues.in("account_id, conversation_id, on_day, inbound, address", chunk.size(), 1)), 1,
                    fixed, chunk).getResultList());
            chunk.stream().filter(a -> !seen.contains(a)).forEach(fresh::add);
        }
        return fresh;
    }

    /** Followed by nothing: the whole key, one address (H2 looks it up in the primary key). */
    static final String SEEN_ONE_SQL = "select 1 from message_count_address where account_id = ?"
            + " and conversation_id = ? and on_day = ? and inbound = ? and address = ?";

    /**
     * H2's way: each address looked up by the whole primary key, one prepared statement. Its plan for the row-value
     * {@code IN} here read the day's every address for each chunk of 500 (a fold of a bulk send's 100,000 recipients
     * did 200 such reads a slice, and fell minutes behind the sends: seen in the page benchmark); a lookup is
     * microseconds.
     */
    private static Set<String> unseenOneByOne(EntityManager em, DayKey key, Set<String> addresses) {
        Set<String> fresh = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement seen = connection.prepareStatement(SEEN_ONE_SQL)) {
                seen.setString(1, key.account());
                seen.setString(2, key.conversation());
                seen.setDate(3, java.sql.Date.valueOf(key.day()));
                seen.setBoolean(4, key.inbound());
                for (String address : addresses) {
                    seen.setString(5, address);
                    try (java.sql.ResultSet found = seen.executeQuery()) {
                        if (!found.next()) {
                            fresh.add(address);
                        }
                    }
                }
            }
        });
        return fresh;
    }

    private int update(String sql, List<?> values) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.executeUpdate();
    }

    /** The start of the 15-minute bucket of a time. */
    public static Instant bucket(Instant at) {
        long seconds = BUCKET.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value);
    }
}
