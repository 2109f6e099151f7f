package org.switchboard.messages.junebug;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.switchboard.accounts.AccountView;
import org.switchboard.pushes.PushTargets;
import org.switchboard.security.ApiAuthentication;
import org.switchboard.security.Allowed;
import org.switchboard.security.Roles;
import org.switchboard.accounts.rest.RecentLookups;
import org.switchboard.channels.Channel;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.errors.ApiException;
import org.switchboard.errors.ErrorFormat;
import org.switchboard.errors.Errors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.IdempotentApi;
import org.switchboard.engine.IdempotentSends;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.pushes.PushService;

/**
 * {@code POST /channels/{channel_id}/messages} and {@code GET .../messages/{message_id}} of the Junebug API. One
 * instance serves every request, rather than one made and injected for each.
 */
@ApplicationScoped
@Path("channels/{channel_id}/messages")
@Allowed(Roles.ACCOUNT)
@Errors(ErrorFormat.JUNEBUG)
@Produces(MediaType.APPLICATION_JSON)
public class JunebugMessageResource {

    @Inject
    private RecentLookups lookups;

    @Inject
    private MessageService messages;

    @Inject
    private IdempotentApi idempotent;

    @Inject
    private PushService pushes;

    @Inject
    private PushTargets targets;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send a message on the channel (vumi2's junebug_message_api); 201 with the message")
    @APIResponse(responseCode = "201", description = "message submitted", content = @Content(schema = @Schema(ref = "JunebugSent")))
    @APIResponse(responseCode = "400", description = "Invalid JSON, a refused field, an unknown reply_to, too long", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response send(@PathParam("channel_id") String channelId,
            @RequestBody(description = "{to | reply_to, from, group, content, event_url, event_auth_token, priority,"
                    + " channel_data}", content = @Content(schema = @Schema(ref = "JunebugSend"))) JsonValue body,
            @Context ContainerRequestContext context,
            @Parameter(description = "Makes a retried send safe: the same request with the same key answers the "
                    + "first message") @HeaderParam(IdempotentApi.HEADER) String idempotencyKey) {
        Channel channel = channel(context, channelId);
        OutboundRequest request = JunebugRequests.parse(body);
        checkLength(channel, request.content());
        Conversation conversation = channel.getConversationId() == null
                ? null
                : lookups.conversation(channel.getAccountId(), channel.getConversationId()).orElse(null);
        ConversationSettings.Junebug settings = conversation == null
                || conversation.getType() != Conversation.Type.JUNEBUG
                        ? ConversationSettings.Junebug.DEFAULTS
                        : conversation.junebug();
        String eventUrl = settings.storesEventInfo() ? request.eventUrl() : null;
        String eventToken = settings.storesEventInfo() ? request.eventAuthToken() : null;
        if (eventUrl == null && settings.defaultEventUrl() != null) {
            eventUrl = settings.defaultEventUrl();
            eventToken = settings.defaultEventAuthToken();
        }
        if (eventUrl != null) {
            try {
                targets.check(eventUrl);
            } catch (IllegalArgumentException e) {
                throw JunebugRequests.invalid("'event_url' cannot be used: " + e.getMessage());
            }
        }
        OutboundRequest.Rules rules = new OutboundRequest.Rules(settings.window(), settings.expiredRepliesAllowed(),
                settings.defaultFromAddr(), settings.transportType(), null, Message.EventShape.JUNEBUG);
        try {
            IdempotentSends.Sent sent = idempotent.send(channel.getAccountId(), idempotencyKey,
                    "junebug/" + channelId, body.toString(), channel, new OutboundRequest(request.to(),
                            request.from(), request.group(), request.replyTo(), request.content(), eventUrl,
                            eventToken, request.channelData(), request.continueSession(), null, rules));
            return IdempotentApi.mark(JunebugResponses.ok(Response.Status.CREATED, "message submitted",
                    JunebugJson.message(sent.message())), sent).build();
        } catch (MessageNotFoundException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, "message not found", "MessageNotFound",
                    e.getMessage());
        }
    }

    @GET
    @Path("{message_id}")
    @Operation(summary = "The message's status: its last event and all its events")
    @APIResponse(responseCode = "200", description = "message status", content = @Content(schema = @Schema(ref = "JunebugMessageStatusReply")))
    @APIResponse(responseCode = "404", description = "No such message on the channel", content = @Content(schema = @Schema(ref = "JunebugError")))
    public Response status(@PathParam("channel_id") String channelId, @PathParam("message_id") String messageId,
            @Context ContainerRequestContext context) {
        Channel channel = channel(context, channelId);
        Message message = messages.find(channel.getAccountId(), messageId)
                .filter(m -> m.getChannelId().equals(channelId))
                .orElse(null);
        if (message == null) {
            throw ApiException.notFound("message", "Message with id " + messageId + " not found on channel "
                    + channelId);
        }
        List<MessageEvent> events = messages.events(messageId);
        JsonArrayBuilder eventJson = JSON.createArrayBuilder();
        events.forEach(event -> eventJson.add(JunebugJson.event(event, message)));
        JsonObjectBuilder result = JSON.createObjectBuilder()
                .add("id", message.getId())
                .add("status", message.getStatus().name().toLowerCase());
        if (events.isEmpty()) {
            result.add("last_event_type", JsonValue.NULL).add("last_event_timestamp", JsonValue.NULL);
        } else {
            MessageEvent last = events.get(events.size() - 1);
            result.add("last_event_type", last.getEventType())
                    .add("last_event_timestamp", JunebugJson.timestamp(last.getTimestamp()));
        }
        result.add("events", eventJson);
        result.add("event_pushes", pushSummary(message, events));
        return JunebugResponses.ok(Response.Status.OK, "message status", result.build()).build();
    }

    /**
     * Where the pushes of the message's events to its event_url stand: counts of delivered, pending and failed, and
     * the last error of a push that failed, so a sender sees that an event did not reach them (not a Junebug field).
     * An event's push has a row only once an attempt failed; one without is on its way or was delivered at once.
     */
    private JsonObject pushSummary(Message message, List<MessageEvent> events) {
        PushService.Summary pushed = pushes.summary(message.getEventUrl() != null,
                events.stream().map(MessageEvent::getId).toList());
        JsonObjectBuilder summary = JSON.createObjectBuilder();
        pushed.counts().forEach((state, count) -> summary.add(state.name().toLowerCase(), count));
        if (pushed.lastError() != null) {
            summary.add("last_error", pushed.lastError());
        }
        return summary.build();
    }

    /** Junebug's {@code character_limit} of the channel, counted in characters as Python counts them. */
    private static void checkLength(Channel channel, String content) {
        Integer limit = channel.getCharacterLimit();
        if (limit == null || content == null) {
            return;
        }
        int length = content.codePointCount(0, content.length());
        if (length > limit) {
            throw new ApiException(Response.Status.BAD_REQUEST, "message too long", "MessageTooLong",
                    "Message content " + PythonRepr.string(content) + " is of length " + length
                            + ", which is greater than the character limit of " + limit);
        }
    }

    private Channel channel(ContainerRequestContext context, String channelId) {
        AccountView account = (AccountView) context.getProperty(ApiAuthentication.ACCOUNT);
        return lookups.channel(account.id(), channelId).orElseThrow(() -> ApiException.notFound("channel",
                "Channel with id " + channelId + " not found"));
    }
}
