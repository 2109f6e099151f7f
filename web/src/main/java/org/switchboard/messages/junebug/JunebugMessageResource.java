package org.switchboard.messages.junebug;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.rest.AccountAuthFilter;
import org.switchboard.accounts.rest.Authenticated;
import org.switchboard.accounts.rest.RecentLookups;
import org.switchboard.channels.Channel;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.MessageIntake;
import org.switchboard.messages.MessageService;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.pushes.Push;
import org.switchboard.pushes.PushService;
import org.switchboard.pushes.Pusher;

/**
 * {@code POST /channels/{channel_id}/messages} and {@code GET .../messages/{message_id}} of the Junebug API. One
 * instance serves every request, rather than one made and injected for each.
 */
@ApplicationScoped
@Path("channels/{channel_id}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class JunebugMessageResource {

    @Inject
    private RecentLookups channels;

    @Inject
    private MessageService messages;

    @Inject
    private MessageIntake intake;

    @Inject
    private PushService pushes;

    @Inject
    private Pusher pusher;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response send(@PathParam("channel_id") String channelId, String body,
            @Context ContainerRequestContext context) {
        Channel channel = channel(context, channelId);
        if (channel == null) {
            return channelNotFound(channelId);
        }
        try {
            OutboundRequest request = JunebugRequests.parse(body);
            if (request.eventUrl() != null) {
                try {
                    pusher.guard().check(request.eventUrl());
                } catch (IllegalArgumentException e) {
                    throw new JunebugRequestException("invalid body", "invalid_body",
                            "'event_url' cannot be used: " + e.getMessage());
                }
            }
            Message message = intake.accept(channel, request);
            return JunebugResponses.ok(Response.Status.CREATED, "created", "message submitted",
                    JunebugJson.message(message));
        } catch (JunebugRequestException e) {
            return JunebugResponses.error(e);
        } catch (MessageNotFoundException e) {
            return JunebugResponses.error(Response.Status.BAD_REQUEST, "message not found", "MessageNotFound",
                    e.getMessage());
        }
    }

    @GET
    @Path("{message_id}")
    public Response status(@PathParam("channel_id") String channelId, @PathParam("message_id") String messageId,
            @Context ContainerRequestContext context) {
        Channel channel = channel(context, channelId);
        if (channel == null) {
            return channelNotFound(channelId);
        }
        Message message = messages.find(channel.getAccountId(), messageId)
                .filter(m -> m.getChannelId().equals(channelId))
                .orElse(null);
        if (message == null) {
            return JunebugResponses.error(Response.Status.NOT_FOUND, "message not found", "MessageNotFound",
                    "Message with id " + messageId + " not found on channel " + channelId);
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
        return JunebugResponses.ok(Response.Status.OK, "OK", "message status", result.build());
    }

    /**
     * Where the pushes of the message's events to its event_url stand: counts of delivered, pending and failed, and
     * the last error of a push that failed, so a sender sees that an event did not reach them (not a Junebug field).
     * An event's push has a row only once an attempt failed; one without is on its way or was delivered at once.
     */
    private JsonObject pushSummary(Message message, List<MessageEvent> events) {
        List<Push> stored = pushes.ofSubjects(events.stream().map(MessageEvent::getId).toList());
        Map<Push.State, Long> counts = new EnumMap<>(Push.State.class);
        stored.forEach(push -> counts.merge(push.getState(), 1L, Long::sum));
        if (message.getEventUrl() != null) {
            Set<String> withRow = stored.stream().map(Push::getSubjectId).collect(Collectors.toSet());
            events.stream().map(MessageEvent::getId).filter(id -> !withRow.contains(id)).forEach(id -> counts
                    .merge(pusher.unsettled(id) ? Push.State.PENDING : Push.State.DELIVERED, 1L, Long::sum));
        }
        JsonObjectBuilder summary = JSON.createObjectBuilder();
        for (Push.State state : Push.State.values()) {
            summary.add(state.name().toLowerCase(), counts.getOrDefault(state, 0L));
        }
        stored.stream().filter(p -> p.getState() != Push.State.DELIVERED && p.getLastError() != null)
                .reduce((a, b) -> b)
                .ifPresent(p -> summary.add("last_error", p.getLastError()));
        return summary.build();
    }

    private Channel channel(ContainerRequestContext context, String channelId) {
        Account account = (Account) context.getProperty(AccountAuthFilter.ACCOUNT);
        return channels.channel(account.getId(), channelId).orElse(null);
    }

    private static Response channelNotFound(String channelId) {
        return JunebugResponses.error(Response.Status.NOT_FOUND, "channel not found", "ChannelNotFound",
                "Channel with id " + channelId + " not found");
    }
}
