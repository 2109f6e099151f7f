package org.switchboard.conversations.rest;

import org.switchboard.security.Allowed;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.openapi.AdminShapes;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.switchboard.security.Roles;
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
import java.util.function.Consumer;
import org.switchboard.JsonBodies;
import org.switchboard.json.JsonStrings;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.security.Secrets;
import org.switchboard.engine.Pusher;
import java.util.Arrays;
import org.switchboard.sandbox.AppBundles;
import org.switchboard.sandbox.SandboxService;

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

    /** The file a bundle runs when the request does not say. */
    static final String DEFAULT_MAIN = "index.js";

    @Inject
    AdminAuth admin;

    @Inject
    ConversationService conversations;

    @Inject
    SandboxService sandbox;

    @Inject
    Pusher pusher;

    @PathParam("account_id")
    String accountId;

    /** {@code {type: jsbox|junebug, name, javascript | bundle (base64 zip) + main, config}}. */
    @POST
    @APIResponse(responseCode = "201", description = "The conversation (an http_api one with its api_token, shown once)", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response create(
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationRequest"))) JsonObject body) {
        admin.account(accountId);
        JsonObject json = body;
        Conversation.Type type;
        try {
            type = Conversation.Type.valueOf(JsonBodies.required(json, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest("'type' must be one of jsbox, junebug, http_api");
        }
        String name = JsonBodies.required(json, "name");
        if (type == Conversation.Type.JSBOX && JsonBodies.string(json, "javascript") == null
                && JsonBodies.string(json, "bundle") == null) {
            throw JsonBodies.badRequest("A jsbox conversation needs its app: 'javascript' (the script) or 'bundle'"
                    + " (a base64 zip of the script and its node_modules, run from 'main')");
        }
        Conversation conversation = conversations.create(accountId, type, name, changes(type, json));
        JsonObjectBuilder created = JSON.createObjectBuilder(json(conversation));
        if (type == Conversation.Type.HTTP_API) {
            created.add("api_token", conversations.issueToken(conversation));
        }
        return Response.status(Response.Status.CREATED).entity(created.build().toString()).build();
    }

    @GET
    @Path("{conversation_id}")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response get(@PathParam("conversation_id") String conversationId) {
        return Response.ok(json(find(conversationId)).toString()).build();
    }

    /** Changes any of {@code name}, {@code javascript}, {@code bundle} + {@code main}, {@code config}. */
    @PUT
    @Path("{conversation_id}")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response update(@PathParam("conversation_id") String conversationId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationRequest"))) JsonObject body) {
        Conversation conversation = find(conversationId);
        return Response.ok(json(conversations.update(conversation, changes(conversation.getType(),
                body))).toString()).build();
    }

    /**
     * A new API token for an http_api conversation (Vumi Go's access token), shown once in the answer; the one it had
     * stops working within seconds.
     */
    @POST
    @Path("{conversation_id}/token")
    @APIResponse(responseCode = "200", description = "The conversation with its new api_token", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response token(@PathParam("conversation_id") String conversationId) {
        Conversation conversation = find(conversationId);
        if (conversation.getType() != Conversation.Type.HTTP_API) {
            throw JsonBodies.badRequest("Only an http_api conversation has an API token");
        }
        return Response.ok(JSON.createObjectBuilder(json(conversation))
                .add("api_token", conversations.issueToken(conversation)).build().toString()).build();
    }

    /** The app as one script, sent as it is: {@code curl -T go-app.js}. */
    @PUT
    @Path("{conversation_id}/javascript")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response javascript(@PathParam("conversation_id") String conversationId, String script) {
        Conversation conversation = find(conversationId);
        if (script == null || script.isBlank()) {
            throw JsonBodies.badRequest("Send the app's script as the body");
        }
        return Response.ok(json(conversations.update(conversation, c -> c.setJavascript(script))).toString()).build();
    }

    /** The app as a zip of its script and node_modules, sent as it is: {@code curl -T app.zip ...?main=lib/app.js}. */
    @PUT
    @Path("{conversation_id}/bundle")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response bundle(@PathParam("conversation_id") String conversationId, @QueryParam("main") String main,
            byte[] zip) {
        Conversation conversation = find(conversationId);
        return Response.ok(json(conversations.update(conversation, bundle(zip, main))).toString()).build();
    }

    /** The app's config, a JSON object: {@code {"config": {"name": ...}, ...}}. */
    @PUT
    @Path("{conversation_id}/config")
    @APIResponse(responseCode = "200", description = "The conversation", content = @Content(schema = @Schema(ref = "Conversation")))
    public Response config(@PathParam("conversation_id") String conversationId,
            @RequestBody(content = @Content(schema = @Schema(ref = "ConversationConfig"))) JsonObject body) {
        Conversation conversation = find(conversationId);
        JsonObject config = body;
        return Response.ok(json(conversations.update(conversation, config(conversation.getType(), config)))
                .toString()).build();
    }

    /** The newest lines of the app's log, newest first; {@code n} of them (100 unless said, at most 1000). */
    @GET
    @Path("{conversation_id}/logs")
    @APIResponse(responseCode = "200", description = "The newest lines, newest first", content = @Content(schema = @Schema(ref = "ConversationLogs")))
    public Response logs(@PathParam("conversation_id") String conversationId, @QueryParam("n") Integer n) {
        find(conversationId);
        JsonArrayBuilder lines = JSON.createArrayBuilder();
        sandbox.logs(conversationId, n == null ? 100 : Math.max(1, Math.min(n, 1000)))
                .forEach(line -> lines.add(JSON.createObjectBuilder()
                        .add("timestamp", line.getTimestamp().toString())
                        .add("level", line.getLevel())
                        .add("message", line.getMessage())));
        return Response.ok(JSON.createObjectBuilder().add("logs", lines).build().toString()).build();
    }

    private Conversation find(String conversationId) {
        admin.account(accountId);
        return conversations.find(accountId, conversationId).orElseThrow(() -> AdminAuth.notFound(
                "Conversation " + conversationId + " not found in account " + accountId));
    }

    /**
     * The changes a request asks for ({@code name}, {@code config}, {@code javascript} or {@code bundle} + {@code main}),
     * all checked before any is made, so that a refused request changes nothing.
     */
    private Consumer<Conversation> changes(Conversation.Type type, JsonObject json) {
        Consumer<Conversation> changes = conversation -> {
        };
        if (json.containsKey("name")) {
            String name = JsonBodies.required(json, "name");
            changes = changes.andThen(c -> c.setName(name));
        }
        if (json.containsKey("config")) {
            JsonValue config = json.get("config");
            if (config.getValueType() != JsonValue.ValueType.OBJECT) {
                throw JsonBodies.badRequest("'config' must be a JSON object");
            }
            changes = changes.andThen(config(type, config.asJsonObject()));
        }
        String javascript = JsonBodies.string(json, "javascript");
        String bundle = JsonBodies.string(json, "bundle");
        if (javascript != null && bundle != null) {
            throw JsonBodies.badRequest("Send either 'javascript' or 'bundle', not both");
        }
        if (javascript != null) {
            changes = changes.andThen(c -> c.setJavascript(javascript));
        }
        if (bundle != null) {
            byte[] zip;
            try {
                zip = Base64.getMimeDecoder().decode(bundle);
            } catch (IllegalArgumentException e) {
                throw JsonBodies.badRequest("'bundle' must be a zip in base64: " + e.getMessage());
            }
            changes = changes.andThen(bundle(zip, JsonBodies.string(json, "main")));
        }
        return changes;
    }

    /**
     * A conversation's config: a jsbox app's config as it is; the settings of a junebug or http_api conversation,
     * checked (an unknown or unsupported setting is refused, never ignored) and kept encrypted (they hold tokens).
     */
    private Consumer<Conversation> config(Conversation.Type type, JsonObject config) {
        if (type == Conversation.Type.JSBOX) {
            return c -> c.setConfig(config.toString());
        }
        Record settings = ConversationSettings.check(type, config);
        for (String url : Arrays.asList(settings instanceof ConversationSettings.Junebug j ? j.defaultEventUrl() : null,
                settings instanceof ConversationSettings.HttpApi h ? h.pushMessageUrl() : null,
                settings instanceof ConversationSettings.HttpApi h ? h.pushEventUrl() : null)) {
            if (url != null) {
                pusher.guard().check(url);
            }
        }
        return c -> c.setSettings(settings);
    }

    /** Sets a checked bundle as the app, run from {@code main} ({@code index.js} unless said). */
    private static Consumer<Conversation> bundle(byte[] zip, String main) {
        String file = main == null || main.isBlank() ? DEFAULT_MAIN : main.startsWith("./") ? main.substring(2) : main;
        String text;
        try {
            text = AppBundles.validate(zip == null ? new byte[0] : zip, file);
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest(e.getMessage());
        }
        return conversation -> conversation.setBundle(zip, file, text);
    }

    static JsonObject json(Conversation conversation) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", conversation.getId())
                .add("type", conversation.getType().name().toLowerCase(Locale.ROOT))
                .add("name", conversation.getName())
                .add("config", JsonStrings.object(conversation.getConfig()));
        if (conversation.getType() != Conversation.Type.JSBOX) {
            json.add("config", Secrets.masked(JsonStrings.object(conversation.getSettings())));
        }
        if (conversation.getType() == Conversation.Type.JSBOX) {
            json.add("code_version", conversation.getCodeVersion());
            json.add("bundle", conversation.getBundle() != null);
            if (conversation.getBundleMain() != null) {
                json.add("main", conversation.getBundleMain());
            }
        }
        return json.build();
    }
}
