package org.switchboard.messages.vumigo;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.conversations.HttpApiSends;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.messages.IdempotentApi;
import org.switchboard.engine.IdempotentSends;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.metrics.MetricService;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Caller;
import org.switchboard.streams.StreamHub;

/**
 * Vumi Go's HTTP API for one conversation of type http_api, as seed 001 and Vumi Go's {@code http_api_nostream}
 * answer it: {@code PUT messages.json} sends (or replies, with {@code in_reply_to}) and answers the whole Vumi message;
 * {@code PUT metrics.json} fires metrics; {@code GET messages.json} and {@code events.json} stream inbound messages and
 * events (under {@code http_api/} only). Authenticated with HTTP Basic: the account key and the conversation's token.
 */
@ApplicationScoped
@Path("api/v1/go/{api: http_api|http_api_nostream}/{conversation_key}")
// Vumi Go answers 401 to any credentials that are not the conversation's (an account's own API token too): the check
// is caller(), not a role, which would answer such credentials 403
@PermitAll
@Errors(ErrorFormat.VUMI_GO)
@Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
public class VumiGoResource {

    @Inject
    IdempotentApi idempotent;

    @Inject
    HttpApiSends sends;

    @Inject
    MetricService metrics;

    @Inject
    ConnectionLimits limits;

    @Inject
    VumiGoStreams streams;

    @PUT
    @Path("messages.json")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a message, or reply to one with in_reply_to; answers the whole Vumi message")
    @APIResponse(responseCode = "200", description = "The message sent", content = @Content(schema = @Schema(ref = "VumiMessage")))
    @APIResponse(responseCode = "400", description = "Refused: opted out, too long, invalid, an unknown in_reply_to", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    @APIResponse(responseCode = "403", description = "Too many concurrent connections", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    public Response send(@PathParam("conversation_key") String conversationKey,
            @RequestBody(description = "{to_addr, content, session_event, to_addr_type} or "
                    + "{in_reply_to, content, session_event}", content = @Content(schema = @Schema(ref = "VumiGoSend"))) JsonValue body,
            @Context HttpServletRequest request,
            @Parameter(description = "Makes a retried send safe: the same request with the same key answers the "
                    + "first message") @HeaderParam(IdempotentApi.HEADER) String idempotencyKey) {
        Caller caller = caller(request, conversationKey);
        try (ConnectionLimits.Held held = limits.take(caller.account().id())) {
            JsonObject payload = VumiGoRequests.object(body);
            String inReplyTo = VumiGoRequests.optionalString(payload, "in_reply_to");
            boolean reply = inReplyTo != null && !inReplyTo.isEmpty();
            List<String> errors = new ArrayList<>();
            String toAddr = reply ? null : VumiGoRequests.check(payload, "to_addr", false, errors);
            String content = VumiGoRequests.check(payload, "content", true, errors);
            String sessionEvent = VumiGoRequests.sessionEvent(payload, errors);
            if (!errors.isEmpty()) {
                throw VumiGoRequests.client(String.join(", ", errors));
            }
            HttpApiSends.Send send = reply
                    ? sends.reply(caller.account(), caller.conversation(), inReplyTo, content, sessionEvent)
                    : sends.to(caller.account(), caller.conversation(), toAddr,
                            VumiGoRequests.optionalString(payload, "to_addr_type"),
                            content, sessionEvent);
            IdempotentSends.Sent sent;
            try {
                sent = idempotent.send(caller.account().id(), idempotencyKey, "vumigo/" + conversationKey,
                        payload.toString(), send.channel(), send.request());
            } catch (MessageNotFoundException e) {
                throw HttpApiSends.invalidReply();
            }
            return IdempotentApi.mark(Response.ok(sent.message()), sent).build();
        }
    }

    @PUT
    @Path("metrics.json")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Fire metrics: [[name, value, aggregator], ...], aggregator one of sum, avg, min, max, last")
    @APIResponse(responseCode = "200", description = "Metrics published", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    @APIResponse(responseCode = "400", description = "Invalid metrics", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    public Response metrics(@PathParam("conversation_key") String conversationKey,
            @RequestBody(description = "[[name, value, aggregator], ...]", content = @Content(schema = @Schema(ref = "VumiGoMetrics"))) JsonValue body,
            @Context HttpServletRequest request) {
        Caller caller = caller(request, conversationKey);
        try (ConnectionLimits.Held held = limits.take(caller.account().id())) {
            List<MetricService.Value> values = VumiGoRequests.metrics(body);
            metrics.fireAll(caller.account().id(), caller.conversation().settings().store(), values);
            return Response.ok(new ErrorFormat.VumiGoReply(true, "Metrics published")).build();
        }
    }

    @GET
    @Path("messages.json")
    @Operation(summary = "Stream inbound messages, one Vumi message JSON a line (http_api only, no push URL set)")
    @APIResponse(responseCode = "200", description = "Newline-delimited Vumi messages", content = @Content(schema = @Schema(ref = "VumiMessage")))
    public Response streamMessages(@PathParam("api") String api,
            @PathParam("conversation_key") String conversationKey, @Context HttpServletRequest request) {
        return streams.open(api, caller(request, conversationKey), StreamHub.Kind.MESSAGES);
    }

    @GET
    @Path("events.json")
    @Operation(summary = "Stream events, one Vumi event JSON a line (http_api only, no push URL set)")
    @APIResponse(responseCode = "200", description = "Newline-delimited Vumi events", content = @Content(schema = @Schema(ref = "VumiEvent")))
    public Response streamEvents(@PathParam("api") String api,
            @PathParam("conversation_key") String conversationKey, @Context HttpServletRequest request) {
        return streams.open(api, caller(request, conversationKey), StreamHub.Kind.EVENTS);
    }

    /** The caller, who must hold the token of the conversation in the path. */
    private static Caller caller(HttpServletRequest request, String conversationKey) {
        Caller caller = (Caller) request.getAttribute(ApiAuthentication.CALLER);
        if (caller == null || caller.conversation() == null
                || !caller.conversation().id().equals(conversationKey)) {
            throw new NotAuthorizedException("The credentials are not those of conversation " + conversationKey,
                    "Basic realm=\"Conversation Realm\"");
        }
        return caller;
    }
}
