package org.switchboard;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
        throw badRequest("'" + name + "' must be a string");
    }

    public static String required(JsonObject json, String name) {
        String value = string(json, name);
        if (value == null || value.isBlank()) {
            throw badRequest("'" + name + "' is required");
        }
        return value;
    }

    public static WebApplicationException badRequest(String message) {
        return new WebApplicationException(error(Response.Status.BAD_REQUEST, message));
    }

    public static Response error(Response.StatusType status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(JSON.createObjectBuilder().add("error", message).build().toString())
                .build();
    }
}
