package org.switchboard.messages.junebug;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.accounts.AccountView;
import org.switchboard.channels.ChannelView;
import org.switchboard.conversations.JunebugMessages;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.IdempotentApi;
import org.switchboard.engine.IdempotentSends;
import org.switchboard.messages.OutboundRequest;

/**
 * {@code POST /channels/{channel_id}/messages} and {@code GET .../messages/{message_id}} of the Junebug API. One
 * instance serves every request, rather than one made and injected for each.
 */
@ApplicationScoped
@Path("channels/{channel_id}/messages")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.JUNEBUG)
@Produces(MediaType.APPLICATION_JSON)
public class JunebugMessageResource {

    @Inject
    private JunebugMessages junebug;

    @Inject
    private IdempotentApi idempotent;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a message on the channel (vumi2's junebug_message_api); 201 with the message")
    @APIResponse(responseCode = "201", description = "message submitted", content = @Content(schema = @Schema(ref = "JunebugSent")))
    @APIResponse(responseCode = "400", description = "Invalid JSON, a refused field, an unknown reply_to, too long", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response send(@PathParam("channel_id") String channelId,
            @RequestBody(description = "{to | reply_to, from, group, content, event_url, event_auth_token, priority,"
                    + " channel_data}", content = @Content(schema = @Schema(ref = "JunebugSend"))) JsonValue body,
            @Context ContainerRequestContext context,
            @Parameter(description = "Makes a retried send safe: the same request with the same key answers the "
                    + "first message") @HeaderParam(IdempotentApi.HEADER) String idempotencyKey) {
        ChannelView channel = channel(context, channelId);
        OutboundRequest asked = JunebugRequests.parse(body);
        OutboundRequest request;
        try {
            request = junebug.prepare(channel, asked);
        } catch (JunebugMessages.TooLong e) {
            throw new ApiException(Response.Status.BAD_REQUEST, "message too long", "MessageTooLong",
                    "Message content " + PythonRepr.string(asked.content()) + " is of length " + e.length()
                            + ", which is greater than the character limit of " + e.limit());
        } catch (IllegalArgumentException e) {
            throw JunebugRequests.invalid(e.getMessage());
        }
        try {
            IdempotentSends.Sent sent = idempotent.send(channel.accountId(), idempotencyKey, "junebug/" + channelId,
                    body.toString(), channel, request);
            return IdempotentApi.mark(JunebugResponses.ok(Response.Status.CREATED, "message submitted",
                    sent.message()), sent).build();
        } catch (MessageNotFoundException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, "message not found", "MessageNotFound",
                    e.getMessage());
        }
    }

    @GET
    @Path("{message_id}")
    @Operation(summary = "The message's status: its last event and all its events")
    @APIResponse(responseCode = "200", description = "message status", content = @Content(schema = @Schema(ref = "JunebugMessageStatusReply")))
    @APIResponse(responseCode = "404", description = "No such message on the channel", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response status(@PathParam("channel_id") String channelId, @PathParam("message_id") String messageId,
            @Context ContainerRequestContext context) {
        JsonObject status = junebug.status(channel(context, channelId), messageId).orElseThrow(() -> ApiException
                .notFound("message", "Message with id " + messageId + " not found on channel " + channelId));
        return JunebugResponses.ok(Response.Status.OK, "message status", status).build();
    }

    private ChannelView channel(ContainerRequestContext context, String channelId) {
        AccountView account = (AccountView) context.getProperty(ApiAuthentication.ACCOUNT);
        return junebug.channel(account.id(), channelId).orElseThrow(() -> ApiException.notFound("channel",
                "Channel with id " + channelId + " not found"));
    }
}
