package org.switchboard.engine;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.VendorConnector.Result;
import org.switchboard.conversations.Conversation;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.Message.Status;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.Queues;
import org.switchboard.pushes.Push;
import org.switchboard.pushes.Pusher;

/**
 * Records a vendor's answer: the message's status, its event ({@code submitted} or {@code rejected}), and in the same
 * commit the event's push to the message's event_url and, for an app's message, the app's turn to hear of it. Only the
 * first answer for a message counts: one sent twice (a crash between the vendor's answer and this commit) keeps its
 * one event, so a receiver sees one stable {@code event_id}.
 */
@ApplicationScoped
public class EventRecorder {

    @Inject
    private GroupCommit commits;

    @Inject
    private Pusher pusher;

    @Inject
    private Relay relay;

    @Inject
    private EngineQueries queries;

    @Inject
    private EngineStats stats;

    private final Map<String, Boolean> jsbox = new ConcurrentHashMap<>();

    public CompletableFuture<Void> record(Message message, Result result) {
        MessageEvent event = result.accepted()
                ? new MessageEvent(Ids.hex(), message.getId(), "submitted", "{}")
                : new MessageEvent(Ids.hex(), message.getId(), "rejected",
                        JSON.createObjectBuilder().add("reason", String.valueOf(result.reason())).build().toString());
        boolean forApp = message.getConversationId() != null && isJsbox(message.getConversationId());
        event.setAppPending(forApp);
        Push push = message.getEventUrl() == null
                ? null
                : new Push(Ids.hex(), message.getAccountId(), message.getConversationId(), message.getChannelId(),
                        Push.Kind.EVENT, event.getId(), message.getEventUrl(), message.getEventAuthToken(),
                        JunebugJson.event(event, message).toString());
        boolean[] first = {false};
        GroupCommit.Update update = new GroupCommit.Update(
                "update message set status = ?, vendor_message_id = ? where id = ? and status = ?",
                Arrays.asList(result.accepted() ? Status.SUBMITTED : Status.REJECTED, result.vendorMessageId(),
                        message.getId(), Status.QUEUED),
                (rows, em) -> {
                    first[0] = rows == 1;
                    if (first[0]) {
                        em.persist(event);
                        if (push != null) {
                            em.persist(push);
                        }
                    }
                });
        return commits.submit(update, () -> {
            if (!first[0]) {
                return;
            }
            stats.count(Count.EVENTS_STORED);
            if (push != null) {
                pusher.push(push);
            }
            if (forApp) {
                relay.send(Queues.EVENTS, event.getId(), null);
            }
        });
    }

    private boolean isJsbox(String conversationId) {
        return jsbox.computeIfAbsent(conversationId, id -> {
            Conversation conversation = queries.conversation(id);
            return conversation != null && conversation.getType() == Conversation.Type.JSBOX;
        });
    }
}
