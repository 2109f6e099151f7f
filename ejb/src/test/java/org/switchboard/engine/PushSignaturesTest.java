package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PushSignaturesTest {

    private static final String SECRET = "0123456789abcdef0123";
    private static final String BODY = "{\"event_type\":\"ack\"}";

    /** The expected value is Python's hmac.new(secret, b'1700000000.' + body, hashlib.sha256).hexdigest(). */
    @Test
    void signsTheTimestampAndBodyAsAReceiverRecomputesIt() {
        assertEquals("t=1700000000,v1=c2d30176241a686a711e3f6d1c2359fa77faca582c268e15fe744ade716e2300",
                PushSignatures.sign(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void aTamperedBodyAnotherSecretOrAStaleTimestampDoNotVerify() {
        String header = PushSignatures.sign(SECRET, 1_700_000_000L, BODY);
        assertTrue(PushSignatures.verify(SECRET, header, BODY, 1_700_000_100L, 300));
        assertFalse(PushSignatures.verify(SECRET, header, BODY.replace("ack", "nack"), 1_700_000_100L, 300));
        assertFalse(PushSignatures.verify("another secret 0123", header, BODY, 1_700_000_100L, 300));
        assertFalse(PushSignatures.verify(SECRET, header, BODY, 1_700_001_000L, 300));
        assertFalse(PushSignatures.verify(SECRET, "t=x,v1=00", BODY, 1_700_000_000L, 300));
        assertFalse(PushSignatures.verify(SECRET, null, BODY, 1_700_000_000L, 300));
    }
}
