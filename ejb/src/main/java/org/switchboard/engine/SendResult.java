package org.switchboard.engine;

import java.time.Duration;

/** What a vendor said to a message the engine sent: the answer the engine records as the message's event. */
public record SendResult(Kind kind, String vendorMessageId, String reason, Duration retryAfter, VendorError error,
        boolean optedOut) {

    /** Accepted (ack), refused for good (nack), or to be tried again later (throttled, a transient error). */
    public enum Kind {
        ACCEPTED, REFUSED, RETRY
    }

    public static SendResult accepted(String vendorMessageId) {
        return new SendResult(Kind.ACCEPTED, vendorMessageId, null, null, null, false);
    }

    public static SendResult refused(String reason) {
        return new SendResult(Kind.REFUSED, null, reason, null, null, false);
    }

    /** Refused with the vendor's error code; {@code optedOut}: the recipient had opted out at the vendor. */
    public static SendResult refused(VendorError error, boolean optedOut) {
        return new SendResult(Kind.REFUSED, null, error.toString(), null, error, optedOut);
    }

    /** Try again: after {@code retryAfter} if the vendor said (Retry-After), else after the engine's back-off. */
    public static SendResult retry(String reason, Duration retryAfter) {
        return new SendResult(Kind.RETRY, null, reason, retryAfter, null, false);
    }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }
}
