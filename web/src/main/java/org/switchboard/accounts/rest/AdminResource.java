package org.switchboard.accounts.rest;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.switchboard.json.JsonStrings;
import org.switchboard.metrics.MetricService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.switchboard.json.StrictRecords;
import org.switchboard.accounts.AccountService;
import org.switchboard.channels.ChannelChange;
import org.switchboard.channels.ChannelView;
import org.switchboard.channels.ChannelService;
import org.switchboard.conversations.ConversationService;

/**
 * The operator's API: accounts, their channels and metrics (conversations: ConversationAdminResource). Authenticated with
 * {@code Authorization: Bearer <switchboard.admin.token>}.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AdminResource {

    @Inject
    private AdminAuth admin;

    @Inject
    private MetricService metrics;

    @Inject
    private AccountService accounts;

    @Inject
    private ConversationService conversations;

    @Inject
    private ChannelService channels;

    /** {@code {name}}: a new account. */
    @Schema(name = "NewAccount")
    public record NewAccount(String name) {
    }

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
    @APIResponse(responseCode = "201", description = "The account, with its API token shown once", content = @Content(schema = @Schema(ref = "CreatedAccount")))
    public Response createAccount(
            @RequestBody(content = @Content(schema = @Schema(ref = "NewAccount"))) JsonObject body) {
        NewAccount request = StrictRecords.read(body, NewAccount.class);
        AccountService.NewAccount created = accounts.create(required("name", request.name()));
        return Response.status(Response.Status.CREATED).entity(JSON.createObjectBuilder()
                .add("id", created.account().id())
                .add("name", created.account().name())
                .add("account_key", created.account().accountKey())
                .add("api_token", created.apiToken())
                .build().toString()).build();
    }

    @POST
    @Path("{account_id}/channels")
    @APIResponse(responseCode = "201", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    @APIResponse(responseCode = "400", description = "What is wrong", content = @Content(schema = @Schema(ref = "SwitchboardError")))
    public Response createChannel(@PathParam("account_id") String accountId,
            @RequestBody(content = @Content(schema = @Schema(ref = "NewChannel"))) JsonObject body) {
        admin.account(accountId);
        NewChannel request = StrictRecords.read(body, NewChannel.class);
        checkConversation(accountId, request.conversation_id());
        Feeding feeding = new Feeding(request.rate_per_second(), request.max_in_flight(), request.settings());
        ChannelView channel = channels.create(accountId, ChannelChange.of()
                .vendor(request.vendor()) // none: the account's DEFAULT_SERVICE
                .address(required("address", request.address()))
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
    @Path("{account_id}/channels/{channel_id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    public Response configureChannel(@PathParam("account_id") String accountId,
            @PathParam("channel_id") String channelId,
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

    private static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + name + "' is required");
        }
        return value;
    }

    /**
     * Vumi Go's account flags; a flag left out (or null) stays as it is. Wire records name their components as the
     * wire does: Payara's OpenAPI reads record components, not JSON-B's names.
     */
    @Schema(name = "AccountFlags")
    public record AccountFlags(Boolean can_manage_optouts, Boolean disable_optouts) {
    }

    /** The account as the operator API shows it. */
    public record AccountFlagsView(String id, String name, boolean can_manage_optouts, boolean disable_optouts) {

        static AccountFlagsView of(org.switchboard.accounts.AccountView account) {
            return new AccountFlagsView(account.id(), account.name(), account.canManageOptouts(),
                    account.optoutsDisabled());
        }
    }

    /** {@code {can_manage_optouts, disable_optouts}}: the account's flags (Vumi Go's). */
    @PATCH
    @Path("{account_id}")
    public AccountFlagsView updateAccount(@PathParam("account_id") String accountId,
            @RequestBody(content = @Content(schema = @Schema(ref = "AccountFlags"))) JsonObject body) {
        admin.account(accountId);
        AccountFlags flags = StrictRecords.read(body, AccountFlags.class);
        if (flags.can_manage_optouts() == null && flags.disable_optouts() == null) {
            throw new IllegalArgumentException("Send at least one of the account's flags 'can_manage_optouts',"
                    + " 'disable_optouts' as true or false");
        }
        return accounts.setFlags(accountId, flags.can_manage_optouts(), flags.disable_optouts())
                .map(AccountFlagsView::of)
                .orElseThrow(() -> ApiException.notFound("Account " + accountId + " not found"));
    }

    /** {@code {conversation_id, endpoint}}: binds the channel to a conversation (null unbinds it). */
    @PUT
    @Path("{account_id}/channels/{channel_id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    public Response bindChannel(@PathParam("account_id") String accountId, @PathParam("channel_id") String channelId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ChannelBinding"))) JsonObject body) {
        admin.account(accountId);
        Binding binding = StrictRecords.read(body, Binding.class);
        checkConversation(accountId, binding.conversation_id());
        return Response.ok(channelJson(channels.update(accountId, channelId, ChannelChange.of()
                .conversation(binding.conversation_id(), binding.endpoint()))
                .orElseThrow(() -> noChannel(accountId, channelId)))).build();
    }

    /** The values fired for a metric over the last {@code hours} (24 unless said), oldest first. */
    @GET
    @Path("{account_id}/metrics/{store}/{name}")
    @APIResponse(responseCode = "200", description = "The points, oldest first", content = @Content(schema = @Schema(ref = "MetricPoints")))
    public Response metric(@PathParam("account_id") String accountId, @PathParam("store") String store,
            @PathParam("name") String name, @QueryParam("hours") Integer hours) {
        admin.account(accountId);
        JsonArrayBuilder points = JSON.createArrayBuilder();
        metrics.points(accountId, store, name,
                Instant.now().minus(Duration.ofHours(hours == null ? 24 : Math.max(1, hours))))
                .forEach(p -> points.add(JSON.createObjectBuilder()
                        .add("timestamp", p.firedAt().toString())
                        .add("value", p.value())
                        .add("agg", p.aggregator())));
        return Response.ok(JSON.createObjectBuilder().add("store", store).add("name", name).add("points", points)
                .build().toString()).build();
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
