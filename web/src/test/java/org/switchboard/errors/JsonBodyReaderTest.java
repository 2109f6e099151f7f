package org.switchboard.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

    private static JsonValue read(String body) throws IOException {
        return new JsonBodyReader.Values().readFrom(JsonValue.class, JsonValue.class, null, null, null,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** PostgreSQL's text cannot hold U+0000: a body with one anywhere is refused before any query sees it. */
    @Test
    void refusesTheNulCharacterInValuesAndKeys() throws IOException {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> read("{\"conversation_id\":\"\\u0000\"}"));
        assertTrue(refused.getMessage().contains("NUL"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("[1, {\"a\": [\"x\\u0000y\"]}]"));
        assertThrows(IllegalArgumentException.class, () -> read("{\"\\u0000\": 1}"));
        // the six characters \u0000 written as text (an escaped backslash) are not the NUL character
        assertEquals("\\u0000", read("{\"a\":\"\\\\u0000\"}").asJsonObject().getString("a"));
        assertEquals("\u0001", read("{\"a\":\"\\u0001\"}").asJsonObject().getString("a"));
    }
}
