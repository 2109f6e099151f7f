package org.switchboard.messages.junebug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.switchboard.errors.ApiException;

class JunebugChannelsTest {

    private static final java.util.List<String> VENDORS = java.util.List.of("bandwidth", "fake", "twilio", "vonage");

    /** What Python 2's repr printed for the values json.loads makes of these (strings are unicode there). */
    @Test
    void writesValuesAsPython2sRepr() {
        assertEquals("u'smpp'", PythonRepr.string("smpp"));
        assertEquals("u\"it's\"", PythonRepr.string("it's"));
        assertEquals("u'a\"b\\'c'", PythonRepr.string("a\"b'c"));
        assertEquals("u'caf\\xe9'", PythonRepr.string("café"));
        assertEquals("u'\\u2603 \\U0001f600'", PythonRepr.string("☃ \uD83D\uDE00"));
        assertEquals("u'tab\\there\\nback\\\\slash\\x00'", PythonRepr.string("tab\there\nback\\slash\u0000"));
        assertEquals("{u'a': [1, True, None], u'b': {}}", PythonRepr.of(json("{\"a\":[1,true,null],\"b\":{}}")));
        assertEquals("None", PythonRepr.of(null));
        assertEquals("1.5", PythonRepr.of(json("[1.5]").asJsonArray().get(0)));
    }

    @Test
    void readsAChannelAndSplitsItsConfig() {
        JunebugChannels.Properties properties = JunebugChannels.parse(json("""
                {"type": "fake", "label": "L", "config": {"address": "1234", "transport_type": "ussd",
                 "latency_ms": 5}, "metadata": {"owner": 7}, "mo_url": "http://example.com/mo",
                 "character_limit": 160, "status_url": null}"""), true, VENDORS);
        assertEquals("fake", properties.type());
        assertEquals("{\"latency_ms\":5}", properties.vendorSettings());
        assertEquals(160, properties.characterLimit());
        assertTrue(properties.has("status_url"));
        assertNull(JunebugChannels.parse(json("{\"label\":\"x\"}"), false, VENDORS).config());
    }

    @Test
    void refusesAsJunebugsSchemaDoes() {
        assertRefused("[]", "invalid_body", "[] is not of type u'object'");
        assertRefused("{\"config\":{\"address\":\"1\"},\"mo_url\":\"http://x\"}", "invalid_body",
                "u'type' is a required property");
        assertRefused("{\"type\":\"fake\",\"mo_url\":\"http://x\"}", "invalid_body",
                "u'config' is a required property");
        assertRefused("{\"type\":\"fake\",\"config\":{\"address\":\"1\"}}", "ApiUsageError",
                "One or both of \"mo_url\" and \"amqp_queue\" must be specified");
        assertRefused("{\"type\":\"smpp\",\"config\":{\"address\":\"1\"},\"mo_url\":\"http://x\"}",
                "InvalidChannelType", "Invalid channel type u'smpp', must be one of: bandwidth, fake, twilio, vonage");
        assertRefused("{\"foo\":1}", "invalid_body", "Additional properties are not allowed (u'foo' was unexpected)");
        assertRefused("{\"label\":[1]}", "invalid_body", "[1] is not of type u'string'");
        assertRefused("{\"character_limit\":1.5}", "invalid_body", "1.5 is not of type u'integer'");
        assertRefused("{\"character_limit\":-1}", "invalid_body", "-1 is less than the minimum of 0");
        assertRefused("{\"config\":{\"address\":5}}", "invalid_body", "5 is not of type u'string'");
        assertRefused("{\"type\":\"fake\",\"config\":{},\"mo_url\":\"http://x\"}", "invalid_body",
                "'config' needs the channel's 'address' (its number or code)");
        ApiException unsupported = assertThrows(ApiException.class,
                () -> JunebugChannels.parse(json("{\"amqp_queue\":\"q\"}"), false, VENDORS));
        assertTrue(unsupported.getMessage().startsWith("'amqp_queue' is not supported: "),
                unsupported.getMessage());
    }

    private static void assertRefused(String body, String type, String message) {
        ApiException refused = assertThrows(ApiException.class, () -> JunebugChannels.parse(json(body),
                !body.startsWith("{\"label") && !body.startsWith("{\"character") && !body.startsWith("{\"foo")
                        && !body.startsWith("{\"config\":{\"address\":5"),
                VENDORS));
        assertEquals(type, refused.type());
        assertEquals(message, refused.getMessage());
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
