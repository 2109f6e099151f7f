package org.switchboard.messages.junebug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.messages.OutboundRequest;

class JunebugRequestsTest {

    @Test
    void readsTheSeedsExample() {
        OutboundRequest request = JunebugRequests.parse("""
                {"to": "+26612345678", "from": "8110", "reply_to": "uuid-1234",
                 "event_url": "http://example.com/events/msg-1234", "content": "Hello world!",
                 "channel_data": {"continue_session": false}}""");
        assertEquals("+26612345678", request.to());
        assertEquals("uuid-1234", request.replyTo());
        assertEquals("http://example.com/events/msg-1234", request.eventUrl());
        assertFalse(request.continueSession());
        assertNull(request.group());
    }

    @Test
    void refusesWhatJunebugRefuses() {
        assertError("{nope", "json decode error", "JsonDecodeError");
        assertError("", "json decode error", "JsonDecodeError");
        assertError("[1]", "invalid body", "invalid_body");
        assertError("{\"to\":\"1\"}", "invalid body", "invalid_body");
        assertError("{\"content\":\"x\"}", "api usage error", "ApiUsageError");
        assertError("{\"to\":\"1\",\"content\":\"x\",\"foo\":1}", "invalid body", "invalid_body");
        assertError("{\"to\":1,\"content\":\"x\"}", "invalid body", "invalid_body");
        assertError("{\"to\":\"1\",\"content\":\"x\",\"channel_data\":[]}", "invalid body", "invalid_body");
    }

    @Test
    void nullContentIsAllowedWhenPresent() {
        assertNull(JunebugRequests.parse("{\"to\":\"1\",\"content\":null}").content());
        assertTrue(JunebugRequests.parse("{\"to\":\"1\",\"content\":null}").continueSession());
    }

    private static void assertError(String body, String description, String type) {
        JunebugRequestException e = assertThrows(JunebugRequestException.class, () -> JunebugRequests.parse(body));
        assertEquals(description, e.description());
        assertEquals(type, e.type());
    }
}
