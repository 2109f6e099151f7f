package org.switchboard.accounts.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.JsonBodies;
import org.switchboard.accounts.AccountService;
import org.switchboard.channels.Channel;
import org.switchboard.channels.ChannelService;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.sandbox.SandboxService;

/**
 * The operator's API: accounts, their conversations and channels, and app logs. Authenticated with
 * {@code Authorization: Bearer <switchboard.admin.token>}.
 */
@Path("api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AdminResource {

    @Inject
    @ConfigProperty(name = "switchboard.admin.token")
    private String adminToken;

    @Inject
    private AccountService accounts;

    @Inject
    private ConversationService conversations;

    @Inject
    private ChannelService channels;

    @Inject
    private SandboxService sandbox;

    @POST
    public Response createAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, String body) {
        requireAdmin(auth);
        JsonObject json = JsonBodies.object(body);
        AccountService.NewAccount created = accounts.create(JsonBodies.required(json, "name"));
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", created.account().getId())
                .add("name", created.account().getName())
                .add("account_key", created.account().getAccountKey())
                .add("api_token", created.apiToken())
                .build().toString()).build();
    }

    @POST
    @Path("{account_id}/conversations")
    public Response createConversation(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("account_id") String accountId, String body) {
        requireAdmin(auth);
        requireAccount(accountId);
        JsonObject json = JsonBodies.object(body);
        Conversation.Type type;
        try {
            type = Conversation.Type.valueOf(JsonBodies.required(json, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest("'type' must be one of jsbox, junebug");
        }
        JsonValue config = json.getOrDefault("config", JsonValue.EMPTY_JSON_OBJECT);
        if (config.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonBodies.badRequest("'config' must be a JSON object");
        }
        if (type == Conversation.Type.JSBOX && JsonBodies.string(json, "javascript") == null) {
            throw JsonBodies.badRequest("'javascript' is required for a jsbox conversation");
        }
        Conversation conversation = conversations.create(accountId, type, JsonBodies.required(json, "name"),
                JsonBodies.string(json, "javascript"), config.toString());
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", conversation.getId())
                .add("type", conversation.getType().name().toLowerCase(Locale.ROOT))
                .add("name", conversation.getName())
                .build().toString()).build();
    }

    @POST
    @Path("{account_id}/channels")
    public Response createChannel(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("account_id") String accountId, String body) {
        requireAdmin(auth);
        requireAccount(accountId);
        JsonObject json = JsonBodies.object(body);
        String conversationId = JsonBodies.string(json, "conversation_id");
        if (conversationId != null && conversations.find(accountId, conversationId).isEmpty()) {
            throw JsonBodies.badRequest("Conversation " + conversationId + " is not one of this account's");
        }
        String transportType = JsonBodies.string(json, "transport_type");
        Channel channel;
        try {
            channel = channels.create(accountId, JsonBodies.required(json, "vendor"),
                    JsonBodies.required(json, "address"), transportType == null ? "sms" : transportType,
                    conversationId, JsonBodies.string(json, "endpoint"), JsonBodies.string(json, "mo_message_url"),
                    JsonBodies.string(json, "mo_message_url_auth_token"));
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest(e.getMessage());
        }
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder()
                .add("id", channel.getId())
                .add("vendor", channel.getVendor())
                .add("address", channel.getAddress())
                .add("transport_type", channel.getTransportType())
                .add("endpoint", channel.getEndpoint())
                .build().toString()).build();
    }

    @GET
    @Path("{account_id}/conversations/{conversation_id}/logs")
    public Response logs(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("account_id") String accountId, @PathParam("conversation_id") String conversationId,
            @QueryParam("n") Integer n) {
        requireAdmin(auth);
        if (conversations.find(accountId, conversationId).isEmpty()) {
            throw new WebApplicationException(JsonBodies.error(Response.Status.NOT_FOUND,
                    "Conversation " + conversationId + " not found in account " + accountId));
        }
        JsonArrayBuilder lines = Json.createArrayBuilder();
        sandbox.logs(conversationId, n == null ? 100 : Math.max(1, Math.min(n, 1000)))
                .forEach(line -> lines.add(Json.createObjectBuilder()
                        .add("timestamp", line.getTimestamp().toString())
                        .add("level", line.getLevel())
                        .add("message", line.getMessage())));
        return Response.ok(Json.createObjectBuilder().add("logs", lines).build().toString()).build();
    }

    private void requireAccount(String accountId) {
        if (accounts.find(accountId).isEmpty()) {
            throw new WebApplicationException(JsonBodies.error(Response.Status.NOT_FOUND,
                    "Account " + accountId + " not found"));
        }
    }

    private void requireAdmin(String authorization) {
        String expected = "Bearer " + adminToken;
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(JsonBodies.error(Response.Status.UNAUTHORIZED,
                    "Send the operator token as 'Authorization: Bearer <token>' (config switchboard.admin.token)"));
        }
    }
}
