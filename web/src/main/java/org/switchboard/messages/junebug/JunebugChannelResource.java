package org.switchboard.messages.junebug;

import org.switchboard.accounts.AccountView;
import org.switchboard.pushes.PushTargets;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.channels.ChannelChange;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ServiceVendors;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Roles;
import org.switchboard.secrets.Secrets;

/**
 * Junebug's channel API on an account's channels: list, create, read with a status, change, delete, and the channel's
 * log. Answers are Junebug's envelope; tokens and URL passwords are shown as {@value Secrets#SHOWN}.
 */
@ApplicationScoped
@Path("channels")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.JUNEBUG)
@Produces(MediaType.APPLICATION_JSON)
public class JunebugChannelResource {

    @Inject
    private ServiceVendors vendors;

    @Inject
    private ChannelService channels;

    @Inject
    private JunebugChannelJson json;

    @Inject
    private PushTargets targets;

    @GET
    @Operation(summary = "The ids of the account's channels (Junebug's channel list)")
    @APIResponse(responseCode = "200", description = "channels listed", content = @Content(schema = @Schema(ref = "JunebugChannelList")))
    public Response list(@Context ContainerRequestContext context) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        channels.ids(account(context).id()).forEach(ids::add);
        return JunebugResponses.ok(Response.Status.OK, "channels listed", ids.build()).build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Create a channel: type (its vendor), label, config {address, transport_type, the vendor's"
            + " settings}, metadata, mo_url, mo_url_auth_token, character_limit")
    @APIResponse(responseCode = "201", description = "channel created", content = @Content(schema = @Schema(ref = "JunebugChannelReply")))
    @APIResponse(responseCode = "400", description = "A refused field, an unknown type, settings the vendor does not take", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response create(
            @RequestBody(description = "Junebug's channel", content = @Content(schema = @Schema(ref = "JunebugChannelRequest"))) JsonValue body,
            @Context ContainerRequestContext context) {
        AccountView account = account(context);
        JunebugChannels.Properties properties = JunebugChannels.parse(body, true, vendors.names());
        checkUrl(properties);
        checkSettings(properties.type(), properties);
        ChannelChange change = JunebugChannels.change(properties);
        if (!properties.config().containsKey("transport_type")) {
            change.transportType("sms");
        }
        return JunebugResponses.ok(Response.Status.CREATED, "channel created",
                json.of(channels.create(account.id(), change))).build();
    }

    @GET
    @Path("{channel_id}")
    @Operation(summary = "The channel's properties and its status: the vendor's state and messages and events a"
            + " second")
    @APIResponse(responseCode = "200", description = "channel found", content = @Content(schema = @Schema(ref = "JunebugChannelReply")))
    @APIResponse(responseCode = "404", description = "No such channel in the account", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response get(@PathParam("channel_id") String channelId, @Context ContainerRequestContext context) {
        return JunebugResponses.ok(Response.Status.OK, "channel found", json.of(channel(context, channelId))).build();
    }

    @POST
    @Path("{channel_id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Change the fields given; config replaces the vendor settings whole, as in Junebug")
    @APIResponse(responseCode = "200", description = "channel updated", content = @Content(schema = @Schema(ref = "JunebugChannelReply")))
    public Response update(@PathParam("channel_id") String channelId,
            @RequestBody(description = "Junebug's channel fields to change", content = @Content(schema = @Schema(ref = "JunebugChannelRequest"))) JsonValue body,
            @Context ContainerRequestContext context) {
        ChannelView channel = channel(context, channelId);
        JunebugChannels.Properties properties = JunebugChannels.parse(body, false, vendors.names());
        checkUrl(properties);
        checkSettings(properties.type() != null ? properties.type() : channel.vendor(), properties);
        return JunebugResponses.ok(Response.Status.OK, "channel updated", json.of(channels.update(channel.accountId(),
                channelId, JunebugChannels.change(properties)).orElseThrow(() -> notFound(channelId)))).build();
    }

    @DELETE
    @Path("{channel_id}")
    @Operation(summary = "Delete the channel; its messages stay in the store, those still waiting are refused")
    @APIResponse(responseCode = "200", description = "channel deleted", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response delete(@PathParam("channel_id") String channelId, @Context ContainerRequestContext context) {
        if (!channels.delete(account(context).id(), channelId)) {
            throw notFound(channelId);
        }
        return JunebugResponses.ok(Response.Status.OK, "channel deleted", JsonValue.EMPTY_JSON_OBJECT).build();
    }

    @GET
    @Path("{channel_id}/logs")
    @Operation(summary = "The channel's newest log lines, newest first (n of them, at most 100)")
    @APIResponse(responseCode = "200", description = "logs retrieved", content = @Content(schema = @Schema(ref = "JunebugLogs")))
    public Response logs(@PathParam("channel_id") String channelId, @QueryParam("n") String n,
            @Context ContainerRequestContext context) {
        int count = ChannelActivity.LOG_LINES_KEPT;
        if (n != null) {
            try {
                count = Math.max(0, Math.min(Integer.parseInt(n.trim()), ChannelActivity.LOG_LINES_KEPT));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("'n' must be a whole number, not '" + n + "'");
            }
        }
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        channels.logs(account(context).id(), channelId, count).orElseThrow(() -> notFound(channelId))
                .forEach(line -> lines.add(JunebugChannelJson.logLine(line)));
        return JunebugResponses.ok(Response.Status.OK, "logs retrieved", lines.build()).build();
    }

    private void checkUrl(JunebugChannels.Properties properties) {
        if (properties.moUrl() != null) {
            try {
                targets.check(properties.moUrl());
            } catch (IllegalArgumentException e) {
                throw JunebugRequests.invalid("'mo_url' cannot be used: " + e.getMessage());
            }
        }
    }

    private void checkSettings(String vendor, JunebugChannels.Properties properties) {
        if (properties.config() != null) {
            try {
                vendors.checkSettings(vendor, properties.vendorSettings());
            } catch (IllegalArgumentException e) {
                throw JunebugRequests.invalid("'config' is not right for a " + vendor + " channel: "
                        + e.getMessage());
            }
        }
    }

    private ChannelView channel(ContainerRequestContext context, String channelId) {
        return channels.view(account(context).id(), channelId).orElseThrow(() -> notFound(channelId));
    }

    private static ApiException notFound(String channelId) {
        return ApiException.notFound("channel", "Channel with id " + channelId + " not found");
    }

    private static AccountView account(ContainerRequestContext context) {
        return (AccountView) context.getProperty(ApiAuthentication.ACCOUNT);
    }
}
