package org.switchboard.counts;

/**
 * A conversation's or account's counts over some time: Vumi Go's message and event counters. Distinct senders and
 * recipients are kept per day; they are null for shorter buckets.
 */
public record Counts(long received, long sent, long acks, long nacks, long delivered, long deliveryFailed,
        long deliveryPending, Long uniqueSenders, Long uniqueRecipients) {

    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, null, null);

    /** These counts and those: sums, and the distinct counts summed where both have them (days of one place). */
    public Counts plus(Counts other) {
        return new Counts(received + other.received, sent + other.sent, acks + other.acks, nacks + other.nacks,
                delivered + other.delivered, deliveryFailed + other.deliveryFailed,
                deliveryPending + other.deliveryPending, sum(uniqueSenders, other.uniqueSenders),
                sum(uniqueRecipients, other.uniqueRecipients));
    }

    public Counts withUniques(long senders, long recipients) {
        return new Counts(received, sent, acks, nacks, delivered, deliveryFailed, deliveryPending, senders, recipients);
    }

    /** One event of this type counted ({@code submitted} is Vumi's ack, {@code rejected} its nack). */
    static Counts event(String type) {
        return switch (type) {
            case "submitted" -> new Counts(0, 0, 1, 0, 0, 0, 0, null, null);
            case "rejected" -> new Counts(0, 0, 0, 1, 0, 0, 0, null, null);
            case "delivery_succeeded" -> new Counts(0, 0, 0, 0, 1, 0, 0, null, null);
            case "delivery_failed" -> new Counts(0, 0, 0, 0, 0, 1, 0, null, null);
            case "delivery_pending" -> new Counts(0, 0, 0, 0, 0, 0, 1, null, null);
            default -> ZERO;
        };
    }

    static Counts message(boolean inbound) {
        return inbound ? new Counts(1, 0, 0, 0, 0, 0, 0, null, null) : new Counts(0, 1, 0, 0, 0, 0, 0, null, null);
    }

    private static Long sum(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Long.valueOf(a + b);
    }
}
