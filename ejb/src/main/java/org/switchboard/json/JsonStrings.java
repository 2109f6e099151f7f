package org.switchboard.json;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** JSON kept as text in the database and in optional fields: reading it back, and writing absent values as null. */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    /** A stored JSON value. */
    public static JsonValue value(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** A stored JSON object; the empty object when nothing is stored. */
    public static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
