package org.switchboard;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.messages.junebug.JunebugResponses;

/**
 * The last word on an exception no resource answered: input the platform refused (an {@link IllegalArgumentException},
 * such as a value longer than its column) is the client's error, a 400 saying what is wrong; anything else is a 500
 * that names an incident id and shows nothing of the server's insides (the log has the details under that id). Both
 * in the error format of the API the request was for (Junebug's envelope under /channels, {"error": ...} elsewhere).
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Exception exception) {
        Throwable e = exception;
        while (e instanceof EJBException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (response.getStatus() == 404 && web.getCause() != null) {
                // a query or path parameter that does not convert (max_keys=x): JAX-RS calls that a 404
                Throwable cause = web.getCause();
                while (cause.getCause() != null && cause.getCause() != cause) {
                    cause = cause.getCause();
                }
                return error(Response.Status.BAD_REQUEST, "api usage error", "ValidationError",
                        "A query or path parameter is malformed (" + cause.getMessage() + ")");
            }
            if (response.hasEntity()) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            return Response.fromResponse(error(status, status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT),
                    status.getReasonPhrase().replace(" ", ""), status.getReasonPhrase())).build();
        }
        if (e instanceof java.nio.charset.UnsupportedCharsetException charset) {
            return error(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported media type", "UnsupportedCharset",
                    "The charset '" + charset.getCharsetName() + "' of the Content-Type is not supported; send UTF-8");
        }
        if (e instanceof IllegalArgumentException refused) {
            return error(Response.Status.BAD_REQUEST, "api usage error", "ValidationError", refused.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " on " + path(), exception);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error", "InternalError",
                "The server failed to answer; the operator can find incident " + incident + " in its log");
    }

    private Response error(Response.StatusType status, String description, String type, String message) {
        return path().startsWith("channels")
                ? JunebugResponses.error(status, description, type, message)
                : JsonBodies.error(status, message);
    }

    private String path() {
        return uri == null ? "" : uri.getPath(false).replaceFirst("^/", "");
    }
}
