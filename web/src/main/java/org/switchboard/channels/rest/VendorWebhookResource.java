package org.switchboard.channels.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.channels.VendorWebhooks;
import org.switchboard.channels.Webhook;
import org.switchboard.channels.WebhookResult;

/**
 * The vendors' webhooks: {@code /vendors/<vendor>/<channel id>/inbound} and {@code .../status} (Twilio, Vonage), or
 * {@code /vendors/<vendor>/<channel id>} (Bandwidth's one callback URL). No account credentials: each request is
 * checked as its vendor signs it (X-Twilio-Signature, Bandwidth's callback credentials, Vonage's sig), against the
 * URL the vendor called, which is {@code switchboard.public-url} and the path when the platform is behind a proxy.
 */
@Path("vendors/{vendor}/{channel_id}")
public class VendorWebhookResource {

    @Inject
    private VendorWebhooks webhooks;

    @Context
    private UriInfo uri;

    @Context
    private HttpHeaders headers;

    @POST
    @Operation(summary = "A vendor's callback to the channel (Bandwidth's one URL)")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "403", description = "Not signed by the vendor")
    public Response post(@PathParam("vendor") String vendor, @PathParam("channel_id") String channelId,
            byte[] body) {
        return handle(vendor, channelId, "", "POST", body);
    }

    @POST
    @Path("{kind}")
    @Operation(summary = "A vendor's inbound message or status callback to the channel")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "403", description = "Not signed by the vendor")
    public Response postKind(@PathParam("vendor") String vendor, @PathParam("channel_id") String channelId,
            @PathParam("kind") String kind, byte[] body) {
        return handle(vendor, channelId, kind, "POST", body);
    }

    /** Vonage may call its webhooks with GET and the parameters in the query. */
    @GET
    @Path("{kind}")
    @Operation(summary = "A vendor's inbound message or status callback to the channel, as a GET")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "403", description = "Not signed by the vendor")
    public Response getKind(@PathParam("vendor") String vendor, @PathParam("channel_id") String channelId,
            @PathParam("kind") String kind) {
        return handle(vendor, channelId, kind, "GET", new byte[0]);
    }

    private Response handle(String vendor, String channelId, String kind, String method, byte[] body) {
        MediaType type = headers.getMediaType();
        String contentType = type == null ? null : type.getType() + "/" + type.getSubtype();
        Map<String, List<String>> params = new LinkedHashMap<>();
        uri.getQueryParameters(true).forEach((name, values) -> params.put(name, new ArrayList<>(values)));
        if (MediaType.APPLICATION_FORM_URLENCODED.equals(contentType)) {
            Webhook.form(new String(body, StandardCharsets.UTF_8)).forEach((name, values) -> params
                    .computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        Map<String, List<String>> lowerHeaders = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lowerHeaders.put(name.toLowerCase(Locale.ROOT),
                values));
        WebhookResult result = webhooks.handle(vendor, channelId, new Webhook(kind, method, calledUrl(), lowerHeaders,
                params, body, contentType));
        Response.ResponseBuilder answer = Response.status(result.status());
        if (result.body() != null) {
            answer.entity(result.body()).type(result.contentType());
        }
        return answer.build();
    }

    /** The URL as the vendor called it: the public URL (else this request's base), this path, the raw query. */
    private String calledUrl() {
        String query = uri.getRequestUri().getRawQuery();
        return ServiceVendors.publicUrl(uri.getBaseUri().toString()) + "/" + uri.getPath(false).replaceFirst("^/", "")
                + (query == null ? "" : "?" + query);
    }
}
