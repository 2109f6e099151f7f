package org.switchboard.channels.rest;

import org.switchboard.errors.ApiException;
import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.switchboard.security.Roles;
import org.switchboard.secrets.Secrets;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import java.util.Map;
import org.switchboard.json.JsonStrings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.json.StrictRecords;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.channels.ChannelChange;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.ChannelService;
import org.switchboard.conversations.ConversationService;

/**
 * The operator's API of an account's channels: make one on a vendor at an address, change how it is fed, bind it to
 * a conversation. Authenticated with {@code Authorization: Bearer <switchboard.admin.token>}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ChannelAdminResource {

    @PathParam("account_id")
    private String accountId;

    @Inject
    private AdminAuth admin;

    @Inject
    private ConversationService conversations;

    @Inject
    private ChannelService channels;

    /** A new channel: the vendor and address it has, and (each may be left out) how it is bound and fed. */
    @Schema(name = "NewChannel")
    public record NewChannel(String vendor, String address, String transport_type, String conversation_id,
            String endpoint, String mo_message_url, String mo_message_url_auth_token, Double rate_per_second,
            Integer max_in_flight, Map<String, Object> settings) {
    }

    /** How a channel's vendor is fed: each null or left out, the default. */
    @Schema(name = "ChannelFeeding")
    public record Feeding(Double rate_per_second, Integer max_in_flight, Map<String, Object> settings) {

        /** The settings as the vendor's text (null: none); the channel service checks them against the vendor. */
        String settingsText(JsonObject body) {
            return settings == null ? null : body.getJsonObject("settings").toString();
        }
    }

    /** {@code {conversation_id, endpoint}}: where a channel's inbound messages go (null unbinds it). */
    @Schema(name = "ChannelBinding")
    public record Binding(String conversation_id, String endpoint) {
    }

    @POST
    @APIResponse(responseCode = "201", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    @APIResponse(responseCode = "400", description = "What is wrong", content = @Content(schema = @Schema(ref = "SwitchboardError")))
    public Response createChannel(
            @RequestBody(content = @Content(schema = @Schema(ref = "NewChannel"))) JsonObject body) {
        admin.account(accountId);
        NewChannel request = StrictRecords.read(body, NewChannel.class);
        checkConversation(accountId, request.conversation_id());
        Feeding feeding = new Feeding(request.rate_per_second(), request.max_in_flight(), request.settings());
        ChannelView channel = channels.create(accountId, ChannelChange.of()
                .vendor(request.vendor()) // none: the account's DEFAULT_SERVICE
                .address(AdminAuth.required("address", request.address()))
                .transportType(request.transport_type() == null ? "sms" : request.transport_type())
                .conversation(request.conversation_id(), request.endpoint())
                .moMessageUrl(request.mo_message_url())
                .moMessageUrlAuthToken(request.mo_message_url_auth_token())
                .feeding(feeding.rate_per_second(), feeding.max_in_flight())
                .settings(feeding.settingsText(body)));
        return Response.status(Response.Status.CREATED).entity(channelJson(channel)).build();
    }

    /**
     * {@code {rate_per_second, max_in_flight, settings}}: how the channel's vendor is fed (each null or left out: the
     * default); takes effect within seconds, for messages already waiting too.
     */
    @PATCH
    @Path("{channel_id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    public Response configureChannel(@PathParam("channel_id") String channelId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ChannelFeeding"))) JsonObject body) {
        admin.account(accountId);
        Feeding feeding = StrictRecords.read(body, Feeding.class);
        return Response.ok(channelJson(channels.update(accountId, channelId, ChannelChange.of()
                .feeding(feeding.rate_per_second(), feeding.max_in_flight())
                .settings(feeding.settingsText(body)))
                .orElseThrow(() -> noChannel(accountId, channelId)))).build();
    }

    private static ApiException noChannel(String accountId, String channelId) {
        return ApiException.notFound("Channel " + channelId + " not found in account " + accountId);
    }

    private void checkConversation(String accountId, String conversationId) {
        if (conversationId != null && conversations.view(accountId, conversationId).isEmpty()) {
            throw ApiException.badRequest("Conversation " + conversationId + " is not one of this account's");
        }
    }

    /** {@code {conversation_id, endpoint}}: binds the channel to a conversation (null unbinds it). */
    @PUT
    @Path("{channel_id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    public Response bindChannel(@PathParam("channel_id") String channelId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ChannelBinding"))) JsonObject body) {
        admin.account(accountId);
        Binding binding = StrictRecords.read(body, Binding.class);
        checkConversation(accountId, binding.conversation_id());
        return Response.ok(channelJson(channels.update(accountId, channelId, ChannelChange.of()
                .conversation(binding.conversation_id(), binding.endpoint()))
                .orElseThrow(() -> noChannel(accountId, channelId)))).build();
    }

    private static String channelJson(ChannelView channel) {
        return JSON.createObjectBuilder()
                .add("id", channel.id())
                .add("vendor", channel.vendor())
                .add("address", channel.address())
                .add("transport_type", channel.transportType())
                .add("conversation_id", JsonStrings.orNull(channel.conversationId()))
                .add("endpoint", JsonStrings.orNull(channel.endpoint()))
                .add("rate_per_second", channel.ratePerSecond() == null
                        ? JsonValue.NULL
                        : JSON.createValue(channel.ratePerSecond()))
                .add("max_in_flight", channel.maxInFlight())
                .add("settings", channel.settings() == null
                        ? JsonValue.NULL
                        : Secrets.masked(JsonStrings.object(channel.settings())))
                .build()
                .toString();
    }
}
