package org.switchboard.errors;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The error body of each HTTP API, as its original writes it. A resource class names its API's format with
 * {@link Errors}; the exception mappers ({@link ErrorMapper}) answer in it, whatever went wrong.
 */
public enum ErrorFormat {

    /** Junebug / vumi2: {@code {status, code, description, result: {errors: [{type, message}]}}}. */
    JUNEBUG {
        @Override
        Object body(Response.StatusType status, String description, String type, String message) {
            return new JunebugEnvelope(status.getStatusCode(), status.getReasonPhrase(), description,
                    new JunebugErrors(List.of(new JunebugError(type, message))));
        }
    },
    /** Vumi Go's HTTP API: {@code {success: false, reason}}. */
    VUMI_GO {
        @Override
        Object body(Response.StatusType status, String description, String type, String message) {
            return new VumiGoReply(false, message);
        }
    },
    /** Vumi Go's REST APIs (go-contacts-api, optouts, metrics): {@code {status_code, reason}}. */
    GO_REST {
        @Override
        Object body(Response.StatusType status, String description, String type, String message) {
            return new GoRestError(status.getStatusCode(), message);
        }
    },
    /** Switchboard's own APIs (operator, fake vendor, contacts search): {@code {error}}. */
    SWITCHBOARD {
        @Override
        Object body(Response.StatusType status, String description, String type, String message) {
            return new SwitchboardError(message);
        }
    };

    abstract Object body(Response.StatusType status, String description, String type, String message);

    /** The 400 for a body that is not JSON, in the words of the API's original. */
    Response invalidJson(String detail) {
        return switch (this) {
            case JUNEBUG -> response(Response.Status.BAD_REQUEST, "json decode error", "JsonDecodeError", detail);
            case VUMI_GO -> response(Response.Status.BAD_REQUEST, null, null, "Invalid Message");
            default -> response(Response.Status.BAD_REQUEST, "json decode error", "JsonDecodeError",
                    "The body is not valid JSON: " + detail);
        };
    }

    /** How to authenticate, said with a 401. */
    String credentialsHint() {
        return switch (this) {
            case VUMI_GO -> "HTTP Basic with your account key as the user name and the conversation's token as the "
                    + "password";
            case GO_REST -> "'Authorization: Bearer <your account's API token>'";
            case JUNEBUG -> "HTTP Basic with your account key as the user name and an API token as the password";
            case SWITCHBOARD -> "HTTP Basic with your account key and an API token, or for the operator API "
                    + "'Authorization: Bearer <operator token>' (config switchboard.admin.token)";
        };
    }

    /**
     * The answer: {@code description} and {@code type} are Junebug's (e.g. "api usage error", "ApiUsageError"); the
     * other formats show the message alone.
     */
    public Response response(Response.StatusType status, String description, String type, String message) {
        return response(status, description, type, message, null);
    }

    /** As the other, with fields beside Switchboard's {@code error} ({@code extra}; null: none, and ignored by the others). */
    Response response(Response.StatusType status, String description, String type, String message, JsonObject extra) {
        Object body = body(status, description, type, message);
        if (this == SWITCHBOARD && extra != null) {
            JsonObjectBuilder fields = JSON.createObjectBuilder().add("error", message);
            extra.forEach(fields::add);
            body = fields.build().toString();
        }
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(body);
        if (status.getStatusCode() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, this == VUMI_GO
                    ? "Basic realm=\"Conversation Realm\""
                    : "Basic realm=\"switchboard\"");
        }
        return response.build();
    }

    /** Junebug's envelope. */
    @JsonbPropertyOrder({"status", "code", "description", "result"})
    public record JunebugEnvelope(int status, String code, String description, Object result) {
    }

    /** Junebug's {@code result} of an error. */
    public record JunebugErrors(List<JunebugError> errors) {
    }

    /** One of Junebug's errors. */
    public record JunebugError(String type, String message) {
    }

    /** Vumi Go HTTP API's answer with no message: {success, reason}. */
    @JsonbPropertyOrder({"success", "reason"})
    public record VumiGoReply(boolean success, String reason) {
    }

    /** Vumi Go REST APIs' error. */
    @JsonbPropertyOrder({"statusCode", "reason"})
    public record GoRestError(@JsonbProperty("status_code") int statusCode, String reason) {
    }

    /** Switchboard's error. */
    public record SwitchboardError(String error) {
    }
}
