package org.switchboard.channels.fake.rest;

import org.switchboard.accounts.AccountView;
import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.switchboard.JsonBodies;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.fake.FakeVendorConnector;
import org.switchboard.channels.fake.FakeVendorOutbox;
import org.switchboard.json.JsonStrings;
import org.switchboard.engine.MessageIntake;

/**
 * Plays a phone on a fake-vendor channel: send an SMS or USSD input as a number, and see what the fake vendor was
 * sent.
 */
@Path("api/fake/channels/{channel_id}")
@Allowed(Roles.ACCOUNT)
@Produces(MediaType.APPLICATION_JSON)
public class FakePhoneResource {

    private static final Set<String> SESSION_EVENTS = Set.of("new", "resume", "close");

    @Inject
    private ChannelService channels;

    @Inject
    private MessageIntake messages;

    @Inject
    private FakeVendorOutbox vendor;

    @Context
    private ContainerRequestContext request;

    /** A phone sends a message: {@code {"from": "+27...", "content": "hi", "session_event": "new"}}. */
    @POST
    @Path("inbound")
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "The message's id", content = @Content(schema = @Schema(ref = "InboundAccepted")))
    public Response inbound(@PathParam("channel_id") String channelId,
            @RequestBody(content = @Content(schema = @Schema(ref = "FakeInbound"))) JsonObject body) {
        ChannelView channel = channel(channelId);
        JsonObject json = body;
        String sessionEvent = JsonBodies.string(json, "session_event");
        if (sessionEvent != null && !SESSION_EVENTS.contains(sessionEvent)) {
            throw ApiException.badRequest("'session_event' must be one of new, resume, close");
        }
        String messageId = messages.receiveInboundAt(channel, JsonBodies.required(json, "from"),
                JsonBodies.string(json, "content"), sessionEvent);
        return Response.status(Response.Status.CREATED)
                .entity(JSON.createObjectBuilder().add("message_id", messageId).build().toString())
                .build();
    }

    /** What the fake vendor was sent on this channel, oldest first. */
    @GET
    @Path("outbox")
    @APIResponse(responseCode = "200", description = "What the vendor was sent", content = @Content(schema = @Schema(ref = "FakeOutbox")))
    public Response outbox(@PathParam("channel_id") String channelId) {
        channel(channelId);
        JsonArrayBuilder sent = JSON.createArrayBuilder();
        vendor.received(channelId).forEach(m -> {
            JsonObjectBuilder json = JSON.createObjectBuilder()
                    .add("vendor_message_id", m.vendorMessageId())
                    .add("message_id", m.messageId())
                    .add("received_at", m.receivedAt().toString())
                    .add("to", JsonStrings.orNull(m.to()))
                    .add("from", JsonStrings.orNull(m.from()))
                    .add("content", JsonStrings.orNull(m.content()))
                    .add("session_event", JsonStrings.orNull(m.sessionEvent()));
            sent.add(json);
        });
        return Response.ok(JSON.createObjectBuilder().add("messages", sent).build().toString()).build();
    }

    private ChannelView channel(String channelId) {
        AccountView account = (AccountView) request.getProperty(ApiAuthentication.ACCOUNT);
        ChannelView channel = channels.view(account.id(), channelId)
                .orElseThrow(() -> ApiException.notFound("Channel " + channelId + " not found"));
        if (!FakeVendorConnector.NAME.equals(channel.vendor())) {
            throw ApiException.badRequest("Channel " + channelId + " is not on the fake vendor");
        }
        return channel;
    }
}
