package org.switchboard.errors;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;

/**
 * A request an API refuses, described as the API's original describes it: the status, Junebug's description and type
 * (e.g. "api usage error", "ApiUsageError"; other formats ignore them) and the message a client reads.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response.StatusType status;
    private final String description;
    private final String type;
    /** More fields for Switchboard's own format ({@code {error, ...}}), or null; the other formats have none. */
    private final transient JsonObject extra;
    /** Seconds the client should wait before it asks again ({@code Retry-After}), or null. */
    private final Long retryAfter;

    public ApiException(Response.StatusType status, String description, String type, String message) {
        this(status, description, type, message, null, null);
    }

    private ApiException(Response.StatusType status, String description, String type, String message,
            JsonObject extra, Long retryAfter) {
        super(message);
        this.status = status;
        this.description = description;
        this.type = type;
        this.extra = extra;
        this.retryAfter = retryAfter;
    }

    /** The same refusal, telling the client to wait this many seconds before it asks again. */
    public ApiException retryAfter(long seconds) {
        return new ApiException(status, description, type, getMessage(), extra, seconds);
    }

    /** Seconds to wait before asking again, or null. */
    public Long retryAfterSeconds() {
        return retryAfter;
    }

    /** A refusal with this status, described by its reason phrase ("conflict", "Conflict"). */
    public static ApiException of(Response.StatusType status, String message) {
        String reason = status.getReasonPhrase();
        return new ApiException(status, reason.toLowerCase(java.util.Locale.ROOT), reason.replace(" ", ""), message);
    }

    /** A 404 of Switchboard's own APIs: {@code message} says what was not found. */
    public static ApiException notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }

    /** The same refusal with more fields beside Switchboard's {@code error} (a vendor's error, say). */
    public ApiException with(JsonObject fields) {
        return new ApiException(status, description, type, getMessage(), fields, retryAfter);
    }

    /** A 400 with Junebug's generic description. */
    public static ApiException badRequest(String message) {
        return new ApiException(Response.Status.BAD_REQUEST, "api usage error", "ApiUsageError", message);
    }

    /** A 404: {@code what} (e.g. "channel") names the Junebug description ("channel not found") and type. */
    public static ApiException notFound(String what, String message) {
        String type = Character.toUpperCase(what.charAt(0)) + what.substring(1) + "NotFound";
        return new ApiException(Response.Status.NOT_FOUND, what + " not found", type, message);
    }

    public Response.StatusType status() {
        return status;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }

    public JsonObject extra() {
        return extra;
    }
}
