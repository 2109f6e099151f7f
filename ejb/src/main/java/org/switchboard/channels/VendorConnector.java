package org.switchboard.channels;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.switchboard.messages.Message;

/**
 * Hands outbound messages to a service vendor (Twilio, Bandwidth, Vonage, the fake vendor). A send is asynchronous
 * and runs outside any transaction: the engine calls many at once, within each channel's rate and concurrency, and
 * records the answer as an event.
 */
public interface VendorConnector {

    /** What the vendor said to a message. */
    record Result(Kind kind, String vendorMessageId, String reason, Duration retryAfter) {

        /** Accepted (ack), refused for good (nack), or to be tried again later (throttled, a transient error). */
        public enum Kind {
            ACCEPTED, REFUSED, RETRY
        }

        public static Result accepted(String vendorMessageId) {
            return new Result(Kind.ACCEPTED, vendorMessageId, null, null);
        }

        public static Result refused(String reason) {
            return new Result(Kind.REFUSED, null, reason, null);
        }

        /** Try again: after {@code retryAfter} if the vendor said (Retry-After), else after the engine's back-off. */
        public static Result retry(String reason, Duration retryAfter) {
            return new Result(Kind.RETRY, null, reason, retryAfter);
        }

        public boolean accepted() {
            return kind == Kind.ACCEPTED;
        }
    }

    /** Sends the message; the stage completes with the vendor's answer (a failure counts as a transient error). */
    CompletionStage<Result> send(Channel channel, Message message);
}
