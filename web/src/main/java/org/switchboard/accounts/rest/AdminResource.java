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
import org.switchboard.accounts.Account;
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
import org.switchboard.channels.Channel;
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
                .add("id", created.account().getId())
                .add("name", created.account().getName())
                .add("account_key", created.account().getAccountKey())
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
        String conversationId = request.conversation_id();
        if (conversationId != null && conversations.find(accountId, conversationId).isEmpty()) {
            throw ApiException.badRequest("Conversation " + conversationId + " is not one of this account's");
        }
        String vendor = request.vendor(); // none: the account's DEFAULT_SERVICE
        Channel channel;
        try {
            Feeding feeding = new Feeding(request.rate_per_second(), request.max_in_flight(), request.settings());
            String settings = feeding.settingsText(body);
            channel = channels.create(accountId, vendor, required("address", request.address()),
                    request.transport_type() == null ? "sms" : request.transport_type(), conversationId,
                    request.endpoint(), request.mo_message_url(), request.mo_message_url_auth_token());
            if (body.containsKey("rate_per_second") || body.containsKey("max_in_flight")
                    || body.containsKey("settings")) {
                channel = channels.configure(channel, feeding.rate_per_second(), feeding.max_in_flight(), settings);
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
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
        Channel channel = channels.find(accountId, channelId).orElseThrow(() -> ApiException.notFound(
                "Channel " + channelId + " not found in account " + accountId));
        Feeding feeding = StrictRecords.read(body, Feeding.class);
        try {
            return Response.ok(channelJson(channels.configure(channel, feeding.rate_per_second(),
                    feeding.max_in_flight(), feeding.settingsText(body)))).build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
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
    public record AccountView(String id, String name, boolean can_manage_optouts, boolean disable_optouts) {

        static AccountView of(Account account) {
            return new AccountView(account.getId(), account.getName(), account.canManageOptouts(),
                    account.optoutsDisabled());
        }
    }

    /** {@code {can_manage_optouts, disable_optouts}}: the account's flags (Vumi Go's). */
    @PATCH
    @Path("{account_id}")
    public AccountView updateAccount(@PathParam("account_id") String accountId,
            @RequestBody(content = @Content(schema = @Schema(ref = "AccountFlags"))) JsonObject body) {
        admin.account(accountId);
        AccountFlags flags = StrictRecords.read(body, AccountFlags.class);
        if (flags.can_manage_optouts() == null && flags.disable_optouts() == null) {
            throw new IllegalArgumentException("Send at least one of the account's flags 'can_manage_optouts',"
                    + " 'disable_optouts' as true or false");
        }
        return AccountView.of(accounts.setFlags(accountId, flags.can_manage_optouts(), flags.disable_optouts()));
    }

    /** {@code {conversation_id, endpoint}}: binds the channel to a conversation (null unbinds it). */
    @PUT
    @Path("{account_id}/channels/{channel_id}")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(schema = @Schema(ref = "Channel")))
    public Response bindChannel(@PathParam("account_id") String accountId, @PathParam("channel_id") String channelId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ChannelBinding"))) JsonObject body) {
        admin.account(accountId);
        Channel channel = channels.find(accountId, channelId).orElseThrow(() -> ApiException.notFound(
                "Channel " + channelId + " not found in account " + accountId));
        Binding binding = StrictRecords.read(body, Binding.class);
        String conversationId = binding.conversation_id();
        if (conversationId != null && conversations.find(accountId, conversationId).isEmpty()) {
            throw ApiException.badRequest("Conversation " + conversationId + " is not one of this account's");
        }
        return Response.ok(channelJson(channels.bind(channel, conversationId, binding.endpoint()))).build();
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

    private static String channelJson(Channel channel) {
        return JSON.createObjectBuilder()
                .add("id", channel.getId())
                .add("vendor", channel.getVendor())
                .add("address", channel.getAddress())
                .add("transport_type", channel.getTransportType())
                .add("conversation_id", JsonStrings.orNull(channel.getConversationId()))
                .add("endpoint", JsonStrings.orNull(channel.getEndpoint()))
                .add("rate_per_second", channel.getRatePerSecond() == null
                        ? JsonValue.NULL
                        : JSON.createValue(channel.getRatePerSecond()))
                .add("max_in_flight", channel.getMaxInFlight())
                .add("settings", channel.getSettings() == null
                        ? JsonValue.NULL
                        : Secrets.masked(JsonStrings.object(channel.getSettings())))
                .build()
                .toString();
    }
}
