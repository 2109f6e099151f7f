package org.switchboard.counts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.switchboard.accounts.Ids;
import org.switchboard.messages.Message;

/**
 * A conversation's or account's counts over time, per 15 minutes, hour or day: from the roll-ups, plus (for a
 * conversation) the rows stored since the last fold, read through the conversation's index, so a conversation's counts
 * are exact the moment its messages are stored. An account's are those of the last fold ({@code countedUntil}).
 */
@Stateless
public class MessageCounts {

    static final String ROLLED_SQL = "select bucket, sum(received), sum(sent), sum(acks), sum(nacks), sum(delivered),"
            + " sum(delivery_failed), sum(delivery_pending) from message_count where account_id = ?"
            + " and bucket >= ? and bucket < ? group by bucket";
    static final String ROLLED_CONVERSATION_SQL = "select bucket, received, sent, acks, nacks, delivered,"
            + " delivery_failed, delivery_pending from message_count where account_id = ? and conversation_id = ?"
            + " and bucket >= ? and bucket < ?";
    static final String DAYS_SQL = "select on_day, sum(senders), sum(recipients) from message_count_day"
            + " where account_id = ? and conversation_id = ? and on_day >= ? and on_day <= ? group by on_day";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CountFold fold;

    /** The sizes of bucket a report has. */
    public enum Size {
        QUARTER(Duration.ofMinutes(15)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        public final Duration length;

        Size(Duration length) {
            this.length = length;
        }

        public Instant floor(Instant at) {
            long seconds = length.getSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
        }
    }

    /** One bucket: its start and counts. */
    public record Bucket(Instant start, Counts counts) {
    }

    /**
     * Counts from {@code from} until {@code to}, a bucket for each {@code size} in it (empty ones too), and their sum.
     *
     * @param countedUntil the rows before it are in the roll-ups; a conversation's report counts those after too
     */
    public record Report(Instant countedUntil, Counts total, List<Bucket> buckets) {

        /** The counts of the report's last bucket (today's, in a report of days up to tomorrow). */
        public Counts latest() {
            return buckets.isEmpty() ? Counts.ZERO : buckets.get(buckets.size() - 1).counts();
        }
    }

    /** The conversation's counts (its messages and their events), exact to the rows stored now. */
    public Report conversation(String accountId, String conversationId, Size size, Instant from, Instant to) {
        return report(accountId, conversationId, size, from, to);
    }

    /** When the conversation's first counted message was, or (none yet) the last fold: where its history starts. */
    public Instant first(String accountId, String conversationId) {
        Object first = em.createNativeQuery("select min(bucket) from message_count where account_id = ?"
                + " and conversation_id = ?").setParameter(1, accountId).setParameter(2, conversationId)
                .getSingleResult();
        Instant mark = fold.mark();
        return first != null ? CountFold.instant(first) : mark == null ? Instant.EPOCH : mark;
    }

    /** The account's counts, as of the last fold. */
    public Report account(String accountId, Size size, Instant from, Instant to) {
        return report(accountId, null, size, from, to);
    }

    private Report report(String accountId, String conversationId, Size size, Instant from, Instant to) {
        Instant start = size.floor(from);
        Instant mark = fold.mark();
        Instant folded = mark == null ? Instant.EPOCH : mark;
        Map<Instant, Counts> buckets = new TreeMap<>();
        for (Instant at = start; at.isBefore(to); at = at.plus(size.length)) {
            buckets.put(at, Counts.ZERO);
        }
        (conversationId == null
                ? rows(ROLLED_SQL, accountId, Timestamp.from(start), Timestamp.from(to))
                : rows(ROLLED_CONVERSATION_SQL, accountId, conversationId, Timestamp.from(start), Timestamp.from(to)))
                .forEach(r -> buckets.merge(size.floor(CountFold.instant(r[0])), new Counts(n(r[1]), n(r[2]), n(r[3]),
                        n(r[4]), n(r[5]), n(r[6]), n(r[7]), null, null), Counts::plus));
        Map<LocalDate, long[]> uniques = new HashMap<>();
        if (conversationId != null) {
            tail(accountId, conversationId, size, start, to, folded, buckets, uniques);
        }
        if (size == Size.DAY && conversationId != null) {
            rows(DAYS_SQL, accountId, conversationId, CountFold.day(start), CountFold.day(to))
                    .forEach(r -> {
                        long[] u = uniques.computeIfAbsent(date(r[0]), d -> new long[2]);
                        u[0] += n(r[1]);
                        u[1] += n(r[2]);
                    });
            buckets.replaceAll((day, c) -> {
                long[] u = uniques.getOrDefault(CountFold.day(day), new long[2]);
                return c.withUniques(u[0], u[1]);
            });
        }
        Counts total = buckets.values().stream().reduce(Counts.ZERO, Counts::plus); // distinct: days' sum, or none
        List<Bucket> list = new ArrayList<>();
        buckets.forEach((at, c) -> list.add(new Bucket(at, c)));
        return new Report(folded, total, list);
    }

    /** The conversation's rows stored since the fold, counted into the buckets (and their new addresses by day). */
    private void tail(String accountId, String conversationId, Size size, Instant start, Instant to, Instant folded,
            Map<Instant, Counts> buckets, Map<LocalDate, long[]> uniques) {
        String floor = Ids.orderedFloor(folded);
        Instant since = folded.isAfter(start) ? folded : start;
        Map<CountFold.DayKey, Set<String>> addresses = new HashMap<>();
        // a direction at a time: the conversation's index is (conversation, direction, time), so the time range
        // narrows the read to the rows since the fold (both directions at once read every row of the conversation)
        for (Message.Direction direction : Message.Direction.values()) {
            em.createQuery("select m.fromAddr, m.toAddr, m.timestamp from Message m where m.conversationId = :conv"
                    + " and m.direction = :direction and m.timestamp >= :since and m.timestamp < :to"
                    + " and m.id >= :floor", Object[].class)
                    .setParameter("conv", conversationId).setParameter("direction", direction)
                    .setParameter("since", since).setParameter("to", to).setParameter("floor", floor)
                    .getResultStream()
                    .forEach(r -> {
                        boolean inbound = direction == Message.Direction.INBOUND;
                        Instant at = (Instant) r[2];
                        buckets.merge(size.floor(at), Counts.message(inbound), Counts::plus);
                        String address = (String) (inbound ? r[0] : r[1]);
                        if (address != null) {
                            addresses.computeIfAbsent(new CountFold.DayKey(accountId, conversationId,
                                    CountFold.day(at), inbound), k -> new HashSet<>()).add(address);
                        }
                    });
        }
        // from the events since the fold (their time index), each one's message by its key: a join led by the
        // conversation would read every message it has
        em.createQuery("select e.eventType, e.timestamp from MessageEvent e where e.timestamp >= :since"
                + " and e.timestamp < :to and e.id >= :floor and exists (select m.id from Message m"
                + " where m.id = e.messageId and m.conversationId = :conv)", Object[].class)
                .setParameter("conv", conversationId).setParameter("since", since).setParameter("to", to)
                .setParameter("floor", floor)
                .getResultStream()
                .forEach(r -> buckets.merge(size.floor((Instant) r[1]), Counts.event((String) r[0]), Counts::plus));
        if (size == Size.DAY) {
            addresses.forEach((key, seen) -> {
                long[] u = uniques.computeIfAbsent(key.day(), d -> new long[2]);
                u[key.inbound() ? 0 : 1] += CountFold.unseen(em, key, seen).size();
            });
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... values) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query.getResultList();
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d
                ? d
                : value instanceof java.sql.Date d
                        ? d.toLocalDate()
                        : LocalDate.parse(value.toString());
    }
}
