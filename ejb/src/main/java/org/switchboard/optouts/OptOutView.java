package org.switchboard.optouts;

import java.time.Instant;

/** An address's opt-out as the APIs and apps see it: when, and the message it came with (or null). */
public record OptOutView(String addressType, String addressValue, String messageId, Instant createdAt) {

    static OptOutView of(OptOut optOut) {
        return new OptOutView(optOut.getAddressType(), optOut.getAddressValue(), optOut.getMessageId(),
                optOut.getCreatedAt());
    }
}
