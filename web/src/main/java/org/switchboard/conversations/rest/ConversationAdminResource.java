package org.switchboard.conversations.rest;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Base64;
import java.util.Locale;
import org.switchboard.JsonBodies;
import org.switchboard.accounts.rest.AdminAuth;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.sandbox.AppBundles;
import org.switchboard.sandbox.SandboxService;

/**
 * The operator's API for an account's conversations: create one, update its app (a script, or a bundle of a script
 * and its {@code node_modules}), its config and name, and read its app's log. An update takes effect with the next
 * message: the sandbox keys warm contexts by the code's version.
 */
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

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @PathParam("account_id")
    String accountId;

    /** {@code {type: jsbox|junebug, name, javascript | bundle (base64 zip) + main, config}}. */
    @POST
    public Response create(String body) {
        admin.account(authorization, accountId);
        JsonObject json = JsonBodies.object(body);
        Conversation.Type type;
        try {
            type = Conversation.Type.valueOf(JsonBodies.required(json, "type").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest("'type' must be one of jsbox, junebug");
        }
        String name = JsonBodies.required(json, "name");
        if (type == Conversation.Type.JSBOX && JsonBodies.string(json, "javascript") == null
                && JsonBodies.string(json, "bundle") == null) {
            throw JsonBodies.badRequest("A jsbox conversation needs its app: 'javascript' (the script) or 'bundle'"
                    + " (a base64 zip of the script and its node_modules, run from 'main')");
        }
        Conversation conversation = conversations.create(accountId, type, name, null, config(json));
        conversation = code(conversation, json);
        return Response.status(Response.Status.CREATED).entity(json(conversation).toString()).build();
    }

    @GET
    @Path("{conversation_id}")
    public Response get(@PathParam("conversation_id") String conversationId) {
        return Response.ok(json(find(conversationId)).toString()).build();
    }

    /** Changes any of {@code name}, {@code javascript}, {@code bundle} + {@code main}, {@code config}. */
    @PUT
    @Path("{conversation_id}")
    public Response update(@PathParam("conversation_id") String conversationId, String body) {
        Conversation conversation = find(conversationId);
        JsonObject json = JsonBodies.object(body);
        if (json.containsKey("name")) {
            conversation = conversations.rename(conversation, JsonBodies.required(json, "name"));
        }
        if (json.containsKey("config")) {
            conversation = conversations.setConfig(conversation, config(json));
        }
        conversation = code(conversation, json);
        return Response.ok(json(conversation).toString()).build();
    }

    /** The app as one script, sent as it is: {@code curl -T go-app.js}. */
    @PUT
    @Path("{conversation_id}/javascript")
    public Response javascript(@PathParam("conversation_id") String conversationId, String script) {
        Conversation conversation = find(conversationId);
        if (script == null || script.isBlank()) {
            throw JsonBodies.badRequest("Send the app's script as the body");
        }
        return Response.ok(json(conversations.setJavascript(conversation, script)).toString()).build();
    }

    /** The app as a zip of its script and node_modules, sent as it is: {@code curl -T app.zip ...?main=lib/app.js}. */
    @PUT
    @Path("{conversation_id}/bundle")
    public Response bundle(@PathParam("conversation_id") String conversationId, @QueryParam("main") String main,
            byte[] zip) {
        Conversation conversation = find(conversationId);
        return Response.ok(json(setBundle(conversation, zip, main)).toString()).build();
    }

    /** The app's config, a JSON object: {@code {"config": {"name": ...}, ...}}. */
    @PUT
    @Path("{conversation_id}/config")
    public Response config(@PathParam("conversation_id") String conversationId, String body) {
        Conversation conversation = find(conversationId);
        return Response.ok(json(conversations.setConfig(conversation, JsonBodies.object(body).toString())).toString())
                .build();
    }

    /** The newest lines of the app's log, newest first; {@code n} of them (100 unless said, at most 1000). */
    @GET
    @Path("{conversation_id}/logs")
    public Response logs(@PathParam("conversation_id") String conversationId, @QueryParam("n") Integer n) {
        find(conversationId);
        JsonArrayBuilder lines = Json.createArrayBuilder();
        sandbox.logs(conversationId, n == null ? 100 : Math.max(1, Math.min(n, 1000)))
                .forEach(line -> lines.add(Json.createObjectBuilder()
                        .add("timestamp", line.getTimestamp().toString())
                        .add("level", line.getLevel())
                        .add("message", line.getMessage())));
        return Response.ok(Json.createObjectBuilder().add("logs", lines).build().toString()).build();
    }

    private Conversation find(String conversationId) {
        admin.account(authorization, accountId);
        return conversations.find(accountId, conversationId).orElseThrow(() -> AdminAuth.notFound(
                "Conversation " + conversationId + " not found in account " + accountId));
    }

    private static String config(JsonObject json) {
        JsonValue config = json.getOrDefault("config", JsonValue.EMPTY_JSON_OBJECT);
        if (config.getValueType() != JsonValue.ValueType.OBJECT) {
            throw JsonBodies.badRequest("'config' must be a JSON object");
        }
        return config.toString();
    }

    /** Sets the code the request carries, if any: {@code javascript}, or {@code bundle} with {@code main}. */
    private Conversation code(Conversation conversation, JsonObject json) {
        String javascript = JsonBodies.string(json, "javascript");
        String bundle = JsonBodies.string(json, "bundle");
        if (javascript != null && bundle != null) {
            throw JsonBodies.badRequest("Send either 'javascript' or 'bundle', not both");
        }
        if (javascript != null) {
            return conversations.setJavascript(conversation, javascript);
        }
        if (bundle != null) {
            byte[] zip;
            try {
                zip = Base64.getMimeDecoder().decode(bundle);
            } catch (IllegalArgumentException e) {
                throw JsonBodies.badRequest("'bundle' must be a zip in base64: " + e.getMessage());
            }
            return setBundle(conversation, zip, JsonBodies.string(json, "main"));
        }
        return conversation;
    }

    private Conversation setBundle(Conversation conversation, byte[] zip, String main) {
        String file = main == null || main.isBlank() ? DEFAULT_MAIN : main.startsWith("./") ? main.substring(2) : main;
        String text;
        try {
            text = AppBundles.validate(zip == null ? new byte[0] : zip, file);
        } catch (IllegalArgumentException e) {
            throw JsonBodies.badRequest(e.getMessage());
        }
        return conversations.setBundle(conversation, zip, file, text);
    }

    static JsonObject json(Conversation conversation) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", conversation.getId())
                .add("type", conversation.getType().name().toLowerCase(Locale.ROOT))
                .add("name", conversation.getName())
                .add("config", conversation.getConfig() == null || conversation.getConfig().isBlank()
                        ? JsonValue.EMPTY_JSON_OBJECT
                        : Json.createReader(new StringReader(conversation.getConfig())).readObject());
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
