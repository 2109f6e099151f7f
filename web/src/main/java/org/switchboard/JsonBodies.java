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

    /** The most of a body an action that takes none reads and drops. */
    static final int IGNORED = 1 << 20;

    /**
     * Reads and drops the body of an action that takes none ({@code POST .../cancel}), so that a client that sends one
     * anyway hears the answer rather than waiting on a body nobody reads; more than a megabyte is a 413.
     */
    public static void ignore(java.io.InputStream body) {
        if (body == null) {
            return;
        }
        try {
            byte[] buffer = new byte[8192];
            long read = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
                if (read > IGNORED) {
                    throw ApiException.of(jakarta.ws.rs.core.Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "This action takes no body");
                }
            }
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("The body could not be read");
        }
    }
}
