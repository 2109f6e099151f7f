package org.switchboard.conversations.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.switchboard.JsonBodies;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationChange;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationView;
import org.switchboard.errors.ApiException;
import org.switchboard.sandbox.SandboxService;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;

/**
 * The operator's API for an account's conversations: create one, update its app (a script, or a bundle of a script
 * and its {@code node_modules}), its config and name, and read its app's log. An update takes effect with the next
 * message: the sandbox keys warm contexts by the code's version.
 */
@Allowed(Roles.OPERATOR)
@Path("api/admin/accounts/{account_id}/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ConversationAdminResource {

    @Inject
    AdminAuth admin;

    @Inject
    ConversationService conversations;

    @Inject
    SandboxService sandbox;

    @PathParam("account_id")
    String accountId;

    /**
     * {@code {type: jsbox|junebug|http_api|bulk_message|static_reply|opt_out|subscription|sequential_send|dialogue,
     * name, javascript | bundle (base64 zip) + main, config}}.
     */
    @POST
    @APIResponse(responseCode = "201", description = "The conversation (an http_api one with its api_token, shown once)", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationRequest"))) JsonObject body) {
        admin.account(accountId);
        Conversation.Type type;
        try {
            type = Conversation.Type.valueOf(JsonBodies.required(body, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'type' must be one of " + java.util.Arrays.stream(Conversation.Type.values())
                    .map(Conversation.Type::wireName).collect(java.util.stream.Collectors.joining(", ")));
        }
        ConversationView created = conversations.create(accountId, type, JsonBodies.required(body, "name"),
                change(body));
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @GET
    @Path("{conversation_id}")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response get(@PathParam("conversation_id") String conversationId) {
        return ok(conversationId, conversations.view(accountId, conversationId));
    }

    /** Changes any of {@code name}, {@code javascript}, {@code bundle} + {@code main}, {@code config}. */
    @PUT
    @Path("{conversation_id}")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response update(@PathParam("conversation_id") String conversationId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationRequest"))) JsonObject body) {
        return ok(conversationId, conversations.update(accountId, conversationId, change(body)));
    }

    /**
     * A new API token for an http_api conversation (Vumi Go's access token), shown once in the answer; the one it had
     * stops working at once.
     */
    @POST
    @Path("{conversation_id}/token")
    @APIResponse(responseCode = "200", description = "The conversation with its new api_token", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response token(@PathParam("conversation_id") String conversationId) {
        return ok(conversationId, conversations.issueToken(accountId, conversationId));
    }

    /** The app as one script, sent as it is: {@code curl -T go-app.js}. */
    @PUT
    @Path("{conversation_id}/javascript")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response javascript(@PathParam("conversation_id") String conversationId, String script) {
        if (script == null || script.isBlank()) {
            found(conversationId, conversations.view(accountId, conversationId));
            throw ApiException.badRequest("Send the app's script as the body");
        }
        return ok(conversationId, conversations.update(accountId, conversationId,
                ConversationChange.javascript(script)));
    }

    /** The app as a zip of its script and node_modules, sent as it is: {@code curl -T app.zip ...?main=lib/app.js}. */
    @PUT
    @Path("{conversation_id}/bundle")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response bundle(@PathParam("conversation_id") String conversationId, @QueryParam("main") String main,
            byte[] zip) {
        return ok(conversationId,
                conversations.update(accountId, conversationId, ConversationChange.bundle(zip, main)));
    }

    /** The app's config, a JSON object: {@code {"config": {"name": ...}, ...}}. */
    @PUT
    @Path("{conversation_id}/config")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response config(@PathParam("conversation_id") String conversationId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationConfig"))) JsonObject body) {
        return ok(conversationId, conversations.update(accountId, conversationId, ConversationChange.config(body)));
    }

    /** The newest lines of the app's log, newest first; {@code n} of them (100 unless said, at most 1000). */
    @GET
    @Path("{conversation_id}/logs")
    @APIResponse(responseCode = "200", description = "The newest lines, newest first", content = @Content(schema = @Schema(ref = "ConversationLogs")))
    public Response logs(@PathParam("conversation_id") String conversationId, @QueryParam("n") Integer n) {
        found(conversationId, conversations.view(accountId, conversationId));
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        sandbox.logs(conversationId, n == null ? 100 : Math.max(1, Math.min(n, 1000)))
                .forEach(line -> lines.add(JSON.createObjectBuilder()
                        .add("timestamp", line.timestamp().toString())
                        .add("level", line.level())
                        .add("message", line.message())));
        return Response.ok(JSON.createObjectBuilder().add("logs", lines).build().toString()).build();
    }

    /** A request's changes as the service takes them; a part given in the wrong shape is a 400. */
    private static ConversationChange change(JsonObject body) {
        JsonValue config = body.get("config");
        if (config != null && config.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiException.badRequest("'config' must be a JSON object");
        }
        String bundle = JsonBodies.string(body, "bundle");
        byte[] zip = null;
        if (bundle != null) {
            try {
                zip = Base64.getMimeDecoder().decode(bundle);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("'bundle' must be a zip in base64: " + e.getMessage());
            }
        }
        return new ConversationChange(body.containsKey("name") ? JsonBodies.required(body, "name") : null,
                config == null ? null : config.asJsonObject(), JsonBodies.string(body, "javascript"), zip,
                JsonBodies.string(body, "main"));
    }

    private Response ok(String conversationId, Optional<ConversationView> view) {
        return Response.ok(json(found(conversationId, view))).build();
    }

    private ConversationView found(String conversationId, Optional<ConversationView> view) {
        admin.account(accountId);
        return view.orElseThrow(() -> ApiException.notFound("Conversation " + conversationId
                + " not found in account " + accountId));
    }

    /** The admin API's shape of a conversation. */
    static String json(ConversationView conversation) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", conversation.id())
                .add("type", conversation.type().name().toLowerCase(Locale.ROOT))
                .add("name", conversation.name())
                .add("config", conversation.config());
        if (conversation.type() == Conversation.Type.JSBOX) {
            json.add("code_version", conversation.codeVersion());
            json.add("bundle", conversation.bundle());
            if (conversation.main() != null) {
                json.add("main", conversation.main());
            }
        }
        if (conversation.apiToken() != null) {
            json.add("api_token", conversation.apiToken());
        }
        return json.build().toString();
    }
}
