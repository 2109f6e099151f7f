package org.switchboard.conversations;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.switchboard.routes.Routes;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.channels.ChannelService;
import org.switchboard.channels.ChannelView;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.pushes.PushService;
import org.switchboard.pushes.PushTargets;

/**
 * The Junebug message API's work: a send checked against the channel's {@code character_limit} and given the rules of
 * the junebug conversation bound to the channel (its default event_url, from address, reply window), and a message's
 * status with its events and their pushes. Channels and conversations looked up lately are kept a few seconds
 * ({@link RecentRows}), so a burst of sends costs one read; one changed through the platform is read again by the next
 * request.
 */
@ApplicationScoped
public class JunebugMessages {

    private final RecentRows<ChannelView> channels = new RecentRows<>(Changed.Kind.CHANNEL, 10_000);
    private final RecentRows<Conversation> conversations = new RecentRows<>(Changed.Kind.CONVERSATION, 10_000);

    @Inject
    private Routes routes;

    @Inject
    ChannelService channelService;

    @Inject
    ConversationService conversationService;

    @Inject
    PushTargets targets;

    @Inject
    MessageService messages;

    @Inject
    PushService pushes;

    /** Content longer than the channel's {@code character_limit}, counted in code points as Python counts them. */
    public static final class TooLong extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int length;
        private final int limit;

        TooLong(int length, int limit) {
            super("The content is of length " + length + ", more than the channel's character limit of " + limit);
            this.length = length;
            this.limit = limit;
        }

        public int length() {
            return length;
        }

        public int limit() {
            return limit;
        }
    }

    /** The account's channel with this id. */
    public Optional<ChannelView> channel(String accountId, String channelId) {
        return Optional.ofNullable(channels.get(channelId + '/' + accountId,
                key -> channelService.view(accountId, channelId).orElse(null)));
    }

    /**
     * The request as it is sent on the channel: the event_url the client gave (when the conversation keeps event
     * info) or the conversation's default one, and the conversation's rules.
     *
     * @throws TooLong when the content is longer than the channel takes
     * @throws IllegalArgumentException when the event_url cannot be pushed to, naming why
     */
    public OutboundRequest prepare(ChannelView channel, OutboundRequest request) {
        Integer limit = channel.characterLimit();
        String content = request.content();
        if (limit != null && content != null && content.codePointCount(0, content.length()) > limit) {
            throw new TooLong(content.codePointCount(0, content.length()), limit);
        }
        ConversationSettings.Junebug settings = settings(channel);
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
                throw new IllegalArgumentException("'event_url' cannot be used: " + e.getMessage(), e);
            }
        }
        OutboundRequest.Rules rules = new OutboundRequest.Rules(settings.window(), settings.expiredRepliesAllowed(),
                settings.defaultFromAddr(), settings.transportType(), null, Message.EventShape.JUNEBUG);
        return new OutboundRequest(request.to(), request.from(), request.group(), request.replyTo(), content,
                eventUrl, eventToken, request.channelData(), request.continueSession(), null, rules);
    }

    /** The settings of the Junebug conversation the channel is bound to straight (the routing table's). */
    private ConversationSettings.Junebug settings(ChannelView channel) {
        String conversationId = routes.of(channel.accountId()).conversationOf(channel.id())
                .map(end -> end.connector().id()).orElse(null);
        if (conversationId == null) {
            return ConversationSettings.Junebug.DEFAULTS;
        }
        Conversation conversation = conversations.get(conversationId + '/' + channel.accountId(),
                key -> conversationService.find(channel.accountId(), conversationId).orElse(null));
        return conversation == null || conversation.getType() != Conversation.Type.JUNEBUG
                ? ConversationSettings.Junebug.DEFAULTS
                : conversation.junebug();
    }

    /**
     * The message's status as Junebug answers it (its last event and all its events), with where the pushes of its
     * events to its event_url stand; empty when the channel has no such message.
     */
    public Optional<JsonObject> status(ChannelView channel, String messageId) {
        Optional<Message> found = messages.find(channel.accountId(), messageId)
                .filter(m -> m.getChannelId().equals(channel.id()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Message message = found.get();
        List<MessageEvent> events = messages.events(messageId);
        JsonArrayBuilder eventJson = JSON.createArrayBuilder();
        events.forEach(event -> eventJson.add(JunebugJson.event(event, message)));
        JsonObjectBuilder result = JSON.createObjectBuilder()
                .add("id", message.getId())
                .add("status", message.getStatus().name().toLowerCase(Locale.ROOT));
        if (events.isEmpty()) {
            result.add("last_event_type", JsonValue.NULL).add("last_event_timestamp", JsonValue.NULL);
        } else {
            MessageEvent last = events.get(events.size() - 1);
            result.add("last_event_type", last.getEventType())
                    .add("last_event_timestamp", JunebugJson.timestamp(last.getTimestamp()));
        }
        return Optional.of(result.add("events", eventJson).add("event_pushes", pushSummary(message, events)).build());
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
        pushed.counts().forEach((state, count) -> summary.add(state.name().toLowerCase(Locale.ROOT), count));
        if (pushed.lastError() != null) {
            summary.add("last_error", pushed.lastError());
        }
        return summary.build();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        channels.changed(change);
        conversations.changed(change);
    }
}
