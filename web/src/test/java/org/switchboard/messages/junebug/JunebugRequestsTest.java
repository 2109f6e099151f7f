package org.switchboard.messages.junebug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.switchboard.errors.ApiException;
import org.switchboard.messages.OutboundRequest;

class JunebugRequestsTest {

    @Test
    void readsTheSeedsExample() {
        OutboundRequest request = parse("""
                {"to": "+26612345678", "from": "8110", "reply_to": "uuid-1234",
                 "event_url": "http://example.com/events/msg-1234", "content": "Hello world!",
                 "channel_data": {"continue_session": false}}""");
        assertEquals("+26612345678", request.to());
        assertEquals("uuid-1234", request.replyTo());
        assertEquals("http://example.com/events/msg-1234", request.eventUrl());
        assertFalse(request.continueSession());
        assertNull(request.group());
    }

    /** vumi2's errors: InvalidBody is type invalid_body with its parent ApiUsageError's description. */
    @Test
    void refusesWhatVumi2Refuses() {
        assertError("[1]", "api usage error", "invalid_body");
        assertError("{\"to\":\"1\"}", "api usage error", "invalid_body");
        assertError("{\"content\":\"x\"}", "api usage error", "ApiUsageError");
        assertError("{\"to\":1,\"content\":\"x\"}", "api usage error", "invalid_body");
        assertError("{\"to\":\"1\",\"content\":\"x\",\"channel_data\":[]}", "api usage error", "invalid_body");
        ApiException extra = assertThrows(ApiException.class,
                () -> parse("{\"to\":\"1\",\"content\":\"x\",\"foo\":1}"));
        assertEquals("invalid_body", extra.type());
        assertEquals("Additional properties are not allowed (u'foo' was unexpected)", extra.getMessage());
        assertEquals("Either \"to\" or \"reply_to\" must be specified",
                assertThrows(ApiException.class, () -> parse("{\"content\":\"x\"}")).getMessage());
    }

    @Test
    void nullContentIsAllowedWhenPresent() {
        assertNull(parse("{\"to\":\"1\",\"content\":null}").content());
        assertTrue(parse("{\"to\":\"1\",\"content\":null}").continueSession());
    }

    private static OutboundRequest parse(String body) {
        return JunebugRequests.parse(Json.createReader(new StringReader(body)).readValue());
    }

    private static void assertError(String body, String description, String type) {
        ApiException e = assertThrows(ApiException.class, () -> parse(body));
        assertEquals(description, e.description());
        assertEquals(type, e.type());
        assertEquals(400, e.status().getStatusCode());
    }
}
