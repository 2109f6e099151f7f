package org.switchboard.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** Twilio's documented example (webhooks security): URL, token 12345, these parameters. */
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private static Map<String, List<String>> documented() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("To", List.of("+18005551212"));
        params.put("CallSid", List.of("CA1234567890ABCDE"));
        params.put("Caller", List.of("+14158675309"));
        params.put("Digits", List.of("1234"));
        params.put("From", List.of("+14158675309"));
        return params;
    }

    @Test
    void theDocumentedExampleVerifies() {
        assertEquals(SIGNATURE, TwilioSignature.of("12345", URL, documented()));
        assertTrue(TwilioSignature.valid("12345", URL, documented(), new byte[0], false, SIGNATURE));
    }

    @Test
    void aTamperedRequestDoesNot() {
        Map<String, List<String>> tampered = documented();
        tampered.put("Digits", List.of("1235"));
        assertFalse(TwilioSignature.valid("12345", URL, tampered, new byte[0], false, SIGNATURE));
        assertFalse(TwilioSignature.valid("12345", URL.replace("bar=2", "bar=3"), documented(), new byte[0], false,
                SIGNATURE));
        assertFalse(TwilioSignature.valid("54321", URL, documented(), new byte[0], false, SIGNATURE));
        assertFalse(TwilioSignature.valid("12345", URL, documented(), new byte[0], false, "x" + SIGNATURE));
        assertFalse(TwilioSignature.valid("12345", URL, documented(), new byte[0], false, null));
    }

    @Test
    void thePortMayBeAddedOrDroppedOnTheWay() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        assertTrue(TwilioSignature.valid("12345", withPort, documented(), new byte[0], false, SIGNATURE));
        assertEquals(List.of("https://mycompany.com/a", "https://mycompany.com:443/a"),
                TwilioSignature.candidates("https://mycompany.com/a"));
        assertEquals(List.of("http://h:8080/a"), TwilioSignature.candidates("http://h:8080/a"));
    }

    @Test
    void aJsonBodyIsSignedThroughItsHash() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        // sha256 of {"a":1}, computed apart (sha256sum)
        String url = "https://h.example/hook?bodySHA256=015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";
        String signature = TwilioSignature.of("tok", url, Map.of());
        assertTrue(TwilioSignature.valid("tok", url, Map.of(), body, true, signature));
        assertFalse(TwilioSignature.valid("tok", url, Map.of(), "{\"a\":2}".getBytes(StandardCharsets.UTF_8), true,
                signature));
    }
}
