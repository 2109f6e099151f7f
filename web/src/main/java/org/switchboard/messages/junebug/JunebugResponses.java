package org.switchboard.messages.junebug;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.errors.ErrorFormat;

/**
 * Junebug's response envelope, {@code {status, code, description, result}}, where {@code code} is the status's reason
 * phrase ("Created", "OK") as vumi2 writes it. Errors are written by the error mapper in the same envelope.
 */
final class JunebugResponses {

    private JunebugResponses() {
    }

    static Response.ResponseBuilder ok(Response.Status status, String description, Object result) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorFormat.JunebugEnvelope(status.getStatusCode(), status.getReasonPhrase(), description,
                        result));
    }
}
