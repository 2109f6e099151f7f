package org.switchboard.messages.junebug;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Junebug's response envelope: {@code {status, code, description, result}}, errors in {@code result.errors}. */
public final class JunebugResponses {

    private JunebugResponses() {
    }

    public static Response ok(Response.StatusType status, String code, String description, JsonValue result) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(JSON.createObjectBuilder()
                        .add("status", status.getStatusCode())
                        .add("code", code)
                        .add("description", description)
                        .add("result", result)
                        .build()
                        .toString())
                .build();
    }

    public static Response error(Response.StatusType status, String description, String type, String message) {
        return ok(status, status.getReasonPhrase(), description, JSON.createObjectBuilder()
                .add("errors", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("type", type).add("message", message)))
                .build());
    }

    public static Response error(JunebugRequestException e) {
        return error(Response.Status.BAD_REQUEST, e.description(), e.type(), e.getMessage());
    }
}
