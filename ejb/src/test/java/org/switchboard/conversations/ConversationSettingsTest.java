package org.switchboard.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.switchboard.json.StrictRecords;

class ConversationSettingsTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void vumi2sJunebugSettingsAreReadUnderTheirOwnNames() {
        ConversationSettings.Junebug junebug = (ConversationSettings.Junebug) ConversationSettings.check(
                Conversation.Type.JUNEBUG, json("""
                        {"default_event_url": "http://example.com/events", "default_event_auth_token": "t",
                         "allow_expired_replies": true, "default_from_addr": "8110", "transport_type": "ussd",
                         "state_cache_config": {"timeout": 3600, "store_event_info": false},
                         "mo_message_url_timeout": 2.5, "event_url_timeout": 5}"""));
        assertEquals("http://example.com/events", junebug.defaultEventUrl());
        assertTrue(junebug.expiredRepliesAllowed());
        assertEquals(Duration.ofHours(1), junebug.window());
        assertFalse(junebug.storesEventInfo());
        assertEquals(2.5, junebug.moMessageUrlTimeout());
        assertEquals(Duration.ofHours(24), ConversationSettings.Junebug.DEFAULTS.window());
        assertTrue(ConversationSettings.Junebug.DEFAULTS.storesEventInfo());
    }

    @Test
    void settingsThatAreNotHonouredAreRefusedNeverIgnored() {
        StrictRecords.Refused unsupported = assertThrows(StrictRecords.Refused.class,
                () -> ConversationSettings.check(Conversation.Type.JUNEBUG, json("{\"base_url_path\": \"/x\"}")));
        assertTrue(unsupported.getMessage().startsWith("The setting 'base_url_path' is not supported"));
        StrictRecords.Refused unknown = assertThrows(StrictRecords.Refused.class,
                () -> ConversationSettings.check(Conversation.Type.JUNEBUG, json("{\"allow_expired\": true}")));
        assertEquals("allow_expired", unknown.key());
        assertThrows(StrictRecords.Refused.class, () -> ConversationSettings.check(Conversation.Type.JUNEBUG,
                json("{\"state_cache_config\": {\"timeout\": 1, \"class\": \"x\"}}")));
        assertEquals("'allow_expired_replies' must be true, false or null", assertThrows(StrictRecords.Refused.class,
                () -> ConversationSettings.check(Conversation.Type.JUNEBUG,
                        json("{\"allow_expired_replies\": \"yes\"}")))
                .getMessage());
        assertEquals("'event_url_timeout' must be more than 0", assertThrows(StrictRecords.Refused.class,
                () -> ConversationSettings.check(Conversation.Type.JUNEBUG, json("{\"event_url_timeout\": 0}")))
                .getMessage());
        assertThrows(StrictRecords.Refused.class, () -> ConversationSettings.check(Conversation.Type.JUNEBUG,
                json("{\"transport_type\": \"pigeon\"}")));
    }

    @Test
    void httpApiSettingsSayWhereMessagesAndEventsGo() {
        ConversationSettings.HttpApi pushing = (ConversationSettings.HttpApi) ConversationSettings.check(
                Conversation.Type.HTTP_API, json("{\"push_message_url\": \"http://a/m\", \"ignore_events\": true}"));
        assertTrue(pushing.pushesMessages());
        assertFalse(pushing.streamsMessages());
        assertFalse(pushing.pushesEvents());
        assertFalse(pushing.streamsEvents());
        assertEquals("default", pushing.store());
        assertTrue(ConversationSettings.HttpApi.DEFAULTS.streamsMessages());
        assertThrows(StrictRecords.Refused.class, () -> ConversationSettings.check(Conversation.Type.HTTP_API,
                json("{\"content_length_limit\": 1.5}")));
    }

    @Test
    void storedSettingsReadBackTheSame() {
        Conversation conversation = new Conversation("c", "a", Conversation.Type.HTTP_API, "api");
        conversation.setSettings(ConversationSettings.check(Conversation.Type.HTTP_API,
                json("{\"metric_store\": \"shop\", \"content_length_limit\": 160}")));
        assertEquals(json("{\"content_length_limit\": 160, \"metric_store\": \"shop\"}"),
                json(conversation.getSettings()));
        assertEquals(160, conversation.httpApi().contentLengthLimit());
        assertEquals(ConversationSettings.Junebug.DEFAULTS, conversation.junebug());
    }
}
