package org.switchboard.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.switchboard.conversations.Conversation;
import org.switchboard.sandbox.api.SandboxHost.UnknownCommandException;

/** config.get answers as Vumi Go's ConversationConfigResource and its dialogue variant did. */
class ConfigResourceTest {

    private static final String CONFIG = """
            {"config": {"name": "quiz"}, "translation.af": {"": {"lang": "af"}}, "greeting": "hi",
             "poll": {"states": [{"uuid": "s1"}]}, "limit": 3, "raw": "{\\"name\\": \\"as text\\"}"}
            """;

    private static JsonValue get(String key) throws UnknownCommandException {
        Conversation conversation = new Conversation("c1", "a1", Conversation.Type.JSBOX, "quiz");
        conversation.setConfig(CONFIG);
        JsonObject reply = new ConfigResource().handle("get", Json.createObjectBuilder().add("key", key).build(),
                new AppScope(conversation, null));
        assertEquals(true, reply.getBoolean("success"));
        return reply.get("value");
    }

    @Test
    void objectsArriveAsObjectsAndStringsAsStrings() throws UnknownCommandException {
        assertEquals("s1", get("poll").asJsonObject().getJsonArray("states").getJsonObject(0).getString("uuid"));
        assertEquals(Json.createValue("hi"), get("greeting"));
        assertEquals(Json.createValue(3), get("limit"));
        assertEquals(JsonValue.NULL, get("missing"));
    }

    @Test
    void theKeysTheToolkitParsesArriveAsJsonText() throws UnknownCommandException {
        assertEquals("{\"name\":\"quiz\"}", ((jakarta.json.JsonString) get("config")).getString());
        assertEquals("{\"\":{\"lang\":\"af\"}}", ((jakarta.json.JsonString) get("translation.af")).getString());
        assertEquals("{\"name\": \"as text\"}", ((jakarta.json.JsonString) get("raw")).getString(),
                "a string is handed over as stored, even when it holds JSON");
    }

    @Test
    void otherCommandsAreUnknown() {
        assertThrows(UnknownCommandException.class, () -> new ConfigResource().handle("set",
                JsonValue.EMPTY_JSON_OBJECT, new AppScope(new Conversation("c", "a", Conversation.Type.JSBOX, "x"),
                        null)));
    }
}
