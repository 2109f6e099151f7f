package org.switchboard.errors;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.switchboard.security.ApiAuthentication;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.json.StrictRecords;

/**
 * Answers every exception a resource did not, in the error format of the resource's API ({@link Errors} on its class;
 * Switchboard's own without one): an {@link ApiException} as it describes itself; a body that is not JSON as the API's
 * original says so; input the platform refused ({@link IllegalArgumentException}, such as a value longer than its
 * column) as a 400; the container's 401/403/404/405/415 with their reason; anything else as a 500 that names an
 * incident id and shows nothing of the server's insides (the log has the details under that id).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    ResourceInfo resource;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception exception) {
        ErrorFormat format = format();
        Throwable e = exception;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ApiException api) {
            Response answer = format.response(api.status(), api.description(), api.type(), api.getMessage(),
                    api.extra());
            return api.retryAfterSeconds() == null
                    ? answer
                    : Response.fromResponse(answer).header("Retry-After", api.retryAfterSeconds()).build();
        }
        if (e instanceof InvalidJsonException invalid) {
            return format.invalidJson(invalid.getMessage());
        }
        Throwable json = jsonCause(e);
        if (json != null) {
            return format.invalidJson(json instanceof NoContentException
                    ? "Expecting value: line 1 column 1 (char 0)"
                    : String.valueOf(json.getMessage()));
        }
        if (e instanceof NotAuthorizedException) {
            // RolesFeature's, and any other filter's (Payara's MicroProfile JWT one, for a @RolesAllowed), in our words
            boolean refused = request != null && request.getAttribute(ApiAuthentication.REFUSED) != null;
            return format.response(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    (refused ? "The credentials were not accepted" : "This API needs credentials") + ": "
                            + format.credentialsHint());
        }
        if (e instanceof ForbiddenException) {
            return format.response(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    "These credentials do not give access to this resource");
        }
        if (e instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (response.getStatus() == 404 && web.getCause() != null) {
                // a query or path parameter that does not convert (max_keys=x): JAX-RS calls that a 404
                return format.response(Response.Status.BAD_REQUEST, "api usage error", "ApiUsageError",
                        "A query or path parameter is malformed (" + root(web).getMessage() + ")");
            }
            if (response.hasEntity()) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            String message = web.getMessage() != null && !web.getMessage().startsWith("HTTP ")
                    ? web.getMessage()
                    : status.getReasonPhrase();
            return format.response(status, status.getReasonPhrase().toLowerCase(Locale.ROOT),
                    status.getReasonPhrase().replace(" ", ""), message);
        }
        if (e instanceof java.nio.charset.UnsupportedCharsetException charset) {
            return format.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported media type",
                    "UnsupportedCharset", "The charset '" + charset.getCharsetName()
                            + "' of the Content-Type is not supported; send UTF-8");
        }
        if (e instanceof StrictRecords.Refused refused) {
            return format.response(Response.Status.BAD_REQUEST, "api usage error", "invalid_body",
                    refused.getMessage());
        }
        if (e instanceof IllegalArgumentException refused) {
            return format.response(Response.Status.BAD_REQUEST, "api usage error", "ApiUsageError",
                    refused.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + (uri == null ? "" : uri.getPath()), exception);
        return format.response(Response.Status.INTERNAL_SERVER_ERROR, "internal error", "InternalError",
                "The server failed to answer; the operator can find incident " + incident + " in its log");
    }

    private ErrorFormat format() {
        Class<?> type = resource == null ? null : resource.getResourceClass();
        Errors errors = type == null ? null : type.getAnnotation(Errors.class);
        return errors == null ? ErrorFormat.SWITCHBOARD : errors.value();
    }

    /** The parse failure of a JSON body in the exception's causes, or null. */
    private static Throwable jsonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParsingException || t instanceof NoContentException || t instanceof JsonbException
                    || t instanceof JsonException) {
                return t;
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
