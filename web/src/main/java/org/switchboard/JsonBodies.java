package org.switchboard;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.errors.ApiException;

/** Reads fields of the JSON bodies of Switchboard's own APIs and answers bad ones with a 400 that says what is wrong. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The string field, or null when absent or null; a 400 when it is something else. */
    public static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw ApiException.badRequest("'" + name + "' must be a string");
    }

    public static String required(JsonObject json, String name) {
        String value = string(json, name);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + name + "' is required");
        }
        return value;
    }
}
