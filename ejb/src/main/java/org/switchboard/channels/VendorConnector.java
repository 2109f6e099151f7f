package org.switchboard.channels;

import org.switchboard.messages.Message;

/** Hands outbound messages to a service vendor (Twilio, Bandwidth, Vonage, the fake vendor). */
public interface VendorConnector {

    /** What the vendor said to a message: accepted (ack) with its id, or refused (nack) with a reason. */
    record Result(boolean accepted, String vendorMessageId, String reason) {

        public static Result accepted(String vendorMessageId) {
            return new Result(true, vendorMessageId, null);
        }

        public static Result refused(String reason) {
            return new Result(false, null, reason);
        }
    }

    Result send(Channel channel, Message message);
}
