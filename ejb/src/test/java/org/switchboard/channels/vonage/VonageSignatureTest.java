package org.switchboard.channels.vonage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VonageSignatureTest {

    private static Map<String, String> inbound() {
        Map<String, String> params = new HashMap<>();
        params.put("msisdn", "447700900001");
        params.put("to", "447700900000");
        params.put("messageId", "0A0000000123ABCD1");
        params.put("text", "Hello=world&");
        params.put("type", "text");
        params.put("keyword", "HELLO");
        params.put("api-key", "abcd1234");
        params.put("timestamp", "1700000000");
        params.put("concat", ""); // empty: not signed
        return params;
    }

    /** Computed apart, in Python: md5 and HMAC-SHA256 of "&api-key=abcd1234&keyword=HELLO&...&type=text". */
    @Test
    void signsAsVonageDoes() {
        assertEquals("f5346b65a0e3db2b681e84065359f998", VonageSignature.of(inbound(), "sigsecret", "md5hash"));
        assertEquals("bfa9003bf279c1d718455adc2bea3aba31437aff965f0edc1124e5d5a78fc2ad",
                VonageSignature.of(inbound(), "sigsecret", "sha256"));
    }

    @Test
    void checksTheSignatureAndItsTime() {
        Map<String, String> signed = inbound();
        signed.put("sig", "F5346B65A0E3DB2B681E84065359F998"); // Vonage's hex may be upper case
        assertTrue(VonageSignature.valid(signed, "sigsecret", "md5hash", 1_700_000_100));
        assertFalse(VonageSignature.valid(signed, "sigsecret", "md5hash", 1_700_000_400), "over 5 minutes later");
        assertFalse(VonageSignature.valid(signed, "other", "md5hash", 1_700_000_100));
        signed.put("text", "Hello world");
        assertFalse(VonageSignature.valid(signed, "sigsecret", "md5hash", 1_700_000_100), "tampered text");
        Map<String, String> unsigned = inbound();
        assertFalse(VonageSignature.valid(unsigned, "sigsecret", "md5hash", 1_700_000_100), "no sig");
        assertThrows(IllegalArgumentException.class, () -> VonageSignature.of(unsigned, "s", "crc32"));
    }
}
