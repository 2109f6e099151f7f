package org.switchboard.messages;

import jakarta.json.Json;
import jakarta.json.JsonValue;

/** Optional text fields in JSON answers: the string, or JSON {@code null} when there is none. */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static JsonValue orNull(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }
}
