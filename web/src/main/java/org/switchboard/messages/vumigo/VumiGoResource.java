package org.switchboard.messages.vumigo;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import org.glassfish.jersey.server.ChunkedOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.conversations.HttpApiSends;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.switchboard.messages.IdempotentApi;
import org.switchboard.engine.IdempotentSends;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.VumiJson;
import org.switchboard.metrics.MetricService;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Caller;
import org.switchboard.streams.StreamHub;

/**
 * Vumi Go's HTTP API for one conversation of type http_api, as seed 001 and Vumi Go's {@code http_api_nostream}
 * answer it: {@code PUT messages.json} sends (or replies, with {@code in_reply_to}) and answers the whole Vumi message;
 * {@code PUT metrics.json} fires metrics; {@code GET messages.json} and {@code events.json} stream inbound messages and
 * events (under {@code http_api/} only). Authenticated with HTTP Basic: the account key and the conversation's token.
 */
@ApplicationScoped
@Path("api/v1/go/{api: http_api|http_api_nostream}/{conversation_key}")
// Vumi Go answers 401 to any credentials that are not the conversation's (an account's own API token too): the check
// is caller(), not a role, which would answer such credentials 403
@PermitAll
@Errors(ErrorFormat.VUMI_GO)
@Produces(MediaType.APPLICATION_JSON + ";charset=utf-8")
public class VumiGoResource {

    static final Set<String> SESSION_EVENTS = Set.of("new", "resume", "close");

    /** How often a stream with nothing to send writes an empty line, which also finds a client that went away. */
    static final long KEEP_ALIVE_MILLIS = 5_000;

    @Inject
    IdempotentApi idempotent;

    @Inject
    HttpApiSends sends;

    @Inject
    MetricService metrics;

    @Inject
    ConnectionLimits limits;

    @Inject
    StreamHub streams;

    /** Each open stream has a thread of its own, which waits for its lines (at most the concurrency limit each). */
    @Resource
    ManagedThreadFactory threads;

    @PUT
    @Path("messages.json")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a message, or reply to one with in_reply_to; answers the whole Vumi message")
    @APIResponse(responseCode = "200", description = "The message sent", content = @Content(schema = @Schema(ref = "VumiMessage")))
    @APIResponse(responseCode = "400", description = "Refused: opted out, too long, invalid, an unknown in_reply_to", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    @APIResponse(responseCode = "403", description = "Too many concurrent connections", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    public Response send(@PathParam("conversation_key") String conversationKey,
            @RequestBody(description = "{to_addr, content, session_event, to_addr_type} or "
                    + "{in_reply_to, content, session_event}", content = @Content(schema = @Schema(ref = "VumiGoSend"))) JsonValue body,
            @Context HttpServletRequest request,
            @Parameter(description = "Makes a retried send safe: the same request with the same key answers the "
                    + "first message") @HeaderParam(IdempotentApi.HEADER) String idempotencyKey) {
        Caller caller = caller(request, conversationKey);
        try (ConnectionLimits.Held held = limits.take(caller.account().id())) {
            JsonObject payload = object(body);
            String inReplyTo = optionalString(payload, "in_reply_to");
            boolean reply = inReplyTo != null && !inReplyTo.isEmpty();
            List<String> errors = new ArrayList<>();
            String toAddr = reply ? null : check(payload, "to_addr", false, errors);
            String content = check(payload, "content", true, errors);
            String sessionEvent = sessionEvent(payload, errors);
            if (!errors.isEmpty()) {
                throw client(String.join(", ", errors));
            }
            HttpApiSends.Send send = reply
                    ? sends.reply(caller.account(), caller.conversation(), inReplyTo, content, sessionEvent)
                    : sends.to(caller.account(), caller.conversation(), toAddr, optionalString(payload, "to_addr_type"),
                            content, sessionEvent);
            IdempotentSends.Sent sent;
            try {
                sent = idempotent.send(caller.account().id(), idempotencyKey, "vumigo/" + conversationKey,
                        payload.toString(), send.channel(), send.request());
            } catch (MessageNotFoundException e) {
                throw HttpApiSends.invalidReply();
            }
            return IdempotentApi.mark(Response.ok(sent.message()), sent).build();
        }
    }

    @PUT
    @Path("metrics.json")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Fire metrics: [[name, value, aggregator], ...], aggregator one of sum, avg, min, max, last")
    @APIResponse(responseCode = "200", description = "Metrics published", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    @APIResponse(responseCode = "400", description = "Invalid metrics", content = @Content(schema = @Schema(ref = "VumiGoReply")))
    public Response metrics(@PathParam("conversation_key") String conversationKey,
            @RequestBody(description = "[[name, value, aggregator], ...]", content = @Content(schema = @Schema(ref = "VumiGoMetrics"))) JsonValue body,
            @Context HttpServletRequest request) {
        Caller caller = caller(request, conversationKey);
        try (ConnectionLimits.Held held = limits.take(caller.account().id())) {
            if (!(body instanceof JsonArray array)) {
                throw client("Invalid metrics: send a list of [name, value, aggregator]");
            }
            List<MetricService.Value> values = new ArrayList<>();
            for (JsonValue item : array) {
                if (!(item instanceof JsonArray metric) || metric.size() != 3
                        || !(metric.get(0) instanceof JsonString name)
                        || !(metric.get(1) instanceof JsonNumber value)
                        || !(metric.get(2) instanceof JsonString agg)) {
                    throw client("Invalid metric " + item + ": each is [name, value, aggregator]");
                }
                values.add(new MetricService.Value(name.getString(), value.doubleValue(),
                        agg.getString().toLowerCase(Locale.ROOT)));
            }
            metrics.fireAll(caller.account().id(), caller.conversation().settings().store(), values);
            return Response.ok(new ErrorFormat.VumiGoReply(true, "Metrics published")).build();
        }
    }

    @GET
    @Path("messages.json")
    @Operation(summary = "Stream inbound messages, one Vumi message JSON a line (http_api only, no push URL set)")
    @APIResponse(responseCode = "200", description = "Newline-delimited Vumi messages", content = @Content(schema = @Schema(ref = "VumiMessage")))
    public Response streamMessages(@PathParam("api") String api,
            @PathParam("conversation_key") String conversationKey, @Context HttpServletRequest request) {
        return stream(api, caller(request, conversationKey), StreamHub.Kind.MESSAGES);
    }

    @GET
    @Path("events.json")
    @Operation(summary = "Stream events, one Vumi event JSON a line (http_api only, no push URL set)")
    @APIResponse(responseCode = "200", description = "Newline-delimited Vumi events", content = @Content(schema = @Schema(ref = "VumiEvent")))
    public Response streamEvents(@PathParam("api") String api,
            @PathParam("conversation_key") String conversationKey, @Context HttpServletRequest request) {
        return stream(api, caller(request, conversationKey), StreamHub.Kind.EVENTS);
    }

    private Response stream(String api, Caller caller, StreamHub.Kind kind) {
        if (!"http_api".equals(api)) {
            throw new ApiException(Response.Status.METHOD_NOT_ALLOWED, "method not allowed", "MethodNotAllowed",
                    "http_api_nostream does not stream; GET api/v1/go/http_api/{conversation_key}/"
                            + kind.name().toLowerCase(Locale.ROOT) + ".json");
        }
        ConversationSettings.HttpApi settings = caller.conversation().settings();
        if (kind == StreamHub.Kind.MESSAGES ? !settings.streamsMessages() : !settings.streamsEvents()) {
            throw client("This conversation pushes its " + kind.name().toLowerCase(Locale.ROOT)
                    + " to a URL (or ignores them); it streams only when no push URL is set");
        }
        ConnectionLimits.Held held = limits.take(caller.account().id());
        StreamHub.Client client = streams.join(caller.conversation().id(), kind);
        ChunkedOutput<String> output = new ChunkedOutput<>(String.class, "\r\n");
        threads.newThread(() -> pump(client, output, held, caller.conversation().id(), kind)).start();
        return Response.ok(output, MediaType.APPLICATION_JSON + "; charset=utf-8")
                .header("X-Accel-Buffering", "no")
                .build();
    }

    /**
     * Writes the stream's lines to the client as they come (an empty line after {@value #KEEP_ALIVE_MILLIS} ms of
     * nothing, which also finds a client that went away); a line that could not be written goes back to the stream.
     */
    private void pump(StreamHub.Client client, ChunkedOutput<String> output, ConnectionLimits.Held held,
            String conversationId, StreamHub.Kind kind) {
        try (held; client; output) {
            while (!output.isClosed()) {
                String line = client.next(KEEP_ALIVE_MILLIS);
                try {
                    output.write(line == null ? "" : line);
                } catch (IOException gone) {
                    if (line != null) {
                        streams.publish(conversationId, kind, line);
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away while the output was closed
        }
    }

    /** The caller, who must hold the token of the conversation in the path. */
    private static Caller caller(HttpServletRequest request, String conversationKey) {
        Caller caller = (Caller) request.getAttribute(ApiAuthentication.CALLER);
        if (caller == null || caller.conversation() == null
                || !caller.conversation().id().equals(conversationKey)) {
            throw new NotAuthorizedException("The credentials are not those of conversation " + conversationKey,
                    "Basic realm=\"Conversation Realm\"");
        }
        return caller;
    }

    private static JsonObject object(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw client("Invalid Message");
        }
        return object;
    }

    /** A string (or, when {@code nullable}, null) at the key; otherwise Vumi Go's error for it is noted. */
    private static String check(JsonObject payload, String key, boolean nullable, List<String> errors) {
        JsonValue value = payload.getOrDefault(key, JsonValue.NULL);
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (!(nullable && value == JsonValue.NULL)) {
            errors.add("Invalid or missing value for payload key '" + key + "'");
        }
        return null;
    }

    private static String sessionEvent(JsonObject payload, List<String> errors) {
        JsonValue value = payload.getOrDefault("session_event", JsonValue.NULL);
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text && SESSION_EVENTS.contains(text.getString())) {
            return text.getString();
        }
        errors.add("Invalid or missing value for payload key 'session_event'");
        return null;
    }

    private static String optionalString(JsonObject payload, String key) {
        JsonValue value = payload.get(key);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static ApiException client(String reason) {
        return new ApiException(Response.Status.BAD_REQUEST, "api usage error", "ApiUsageError", reason);
    }
}
