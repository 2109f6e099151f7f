package org.switchboard.channels.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeVendorRulesTest {

    @Test
    void errorCodeIsTakenFromTheText() {
        assertEquals(Optional.of("30007"), FakeVendorRules.errorCode("please error30007 now"));
        assertEquals(Optional.empty(), FakeVendorRules.errorCode("no errors here"));
        assertEquals(Optional.empty(), FakeVendorRules.errorCode(null));
    }

    @Test
    void autorespondAndItsResponse() {
        assertTrue(FakeVendorRules.autorespond("hello autorespond"));
        assertFalse(FakeVendorRules.autorespond("hello"));
        assertEquals("responding to hi", FakeVendorRules.response("hi"));
    }

    @Test
    void delayIsCapped() {
        assertEquals(2000, FakeVendorRules.delayMillis("delay2000"));
        assertEquals(FakeVendorRules.MAX_DELAY_MILLIS, FakeVendorRules.delayMillis("delay99999999999999"));
        assertEquals(0, FakeVendorRules.delayMillis("no delay"));
    }
}
