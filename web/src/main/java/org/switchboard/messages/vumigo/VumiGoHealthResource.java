package org.switchboard.messages.vumigo;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.streams.StreamHub;

/** Vumi Go's HTTP API health: {@code OK} for http_api_nostream, the number of stream clients for http_api. */
@Path("api/v1/go/{api: http_api|http_api_nostream}/health")
@Errors(ErrorFormat.VUMI_GO)
@PermitAll
public class VumiGoHealthResource {

    @Inject
    StreamHub streams;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "OK (http_api_nostream), or how many stream clients are connected (http_api)")
    public String health(@PathParam("api") String api) {
        return "http_api".equals(api) ? Integer.toString(streams.clients()) : "OK";
    }
}
