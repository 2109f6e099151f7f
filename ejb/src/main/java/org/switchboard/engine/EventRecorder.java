package org.switchboard.engine;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.switchboard.accounts.Ids;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.messages.JunebugJson;
import org.switchboard.messages.Message;
import org.switchboard.messages.Message.Status;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.VumiJson;
import org.switchboard.streams.StreamHub;

/**
 * Records a vendor's answer: the message's status and its event ({@code submitted} or {@code rejected}) in one
 * commit, then pushes the event to the message's event_url and, for an app that listens for events, queues the app's
 * turn to hear of it. The event's row is the push's record until the push is delivered (a push that fails is stored
 * on its own; after a crash, {@link Recovery} sends again the events since the settled mark), so an event delivered
 * at once costs no push row. Only the first answer for a message counts: one sent twice (a crash between the vendor's
 * answer and this commit) keeps its one event, so a receiver sees one stable {@code event_id}.
 */
@ApplicationScoped
public class EventRecorder {

    /** The vendor's first answer to a queued message (SQL, so a group's answers go as one JDBC batch). */
    static final String ANSWERED_SQL = "update message set status = ?, vendor_message_id = ? where id = ? and status = ?";

    @Inject
    GroupCommit commits;

    @Inject
    Pusher pusher;

    @Inject
    Relay relay;

    @Inject
    EngineStats stats;

    @Inject
    EventAudience audiences;

    @Inject
    StreamHub streams;

    @Inject
    ChannelActivity activity;

    public CompletableFuture<Void> record(Message message, SendResult result) {
        EventAudience.Audience audience = audiences.of(message); // first: the event's time is when it is held
        MessageEvent event = result.accepted()
                ? new MessageEvent(Ids.ordered(), message.getId(), "submitted", "{}")
                : new MessageEvent(Ids.ordered(), message.getId(), "rejected",
                        details(result.reason(), result.error()).build().toString());
        boolean[] first = {false};
        GroupCommit.Update update = new GroupCommit.Update(ANSWERED_SQL,
                Arrays.asList(result.accepted() ? Status.SUBMITTED : Status.REJECTED, result.vendorMessageId(),
                        message.getId(), Status.QUEUED),
                (rows, em) -> {
                    first[0] = rows == 1;
                    if (first[0]) {
                        em.persist(event);
                    }
                });
        return store(message, audience, event, after -> commits.submit(update, after), () -> first[0]);
    }

    /**
     * Records a vendor's delivery report of a message it accepted: a {@code delivery_succeeded},
     * {@code delivery_failed} or {@code delivery_pending} event (Vumi's delivery_report with delivered, failed,
     * pending), told to the same listeners as the vendor's first answer. Reports are kept as they come, each its own
     * event.
     */
    public CompletableFuture<Void> report(Message message, DeliveryStatus status, String reason) {
        return report(message, status, reason, null);
    }

    /** As the other report, with the vendor's error code, what it means and its page ({@code error_code}, ...). */
    public CompletableFuture<Void> report(Message message, DeliveryStatus status, String reason, VendorError error) {
        EventAudience.Audience audience = audiences.of(message);
        MessageEvent event = new MessageEvent(Ids.ordered(), message.getId(), status.eventType(),
                details(reason, error).build().toString());
        return store(message, audience, event, after -> commits.submit(em -> em.persist(event), after), () -> true);
    }

    /** An event's details: {@code reason}, and a vendor's {@code error_code}, {@code description} and {@code link}. */
    private static JsonObjectBuilder details(String reason, VendorError error) {
        JsonObjectBuilder details = JSON.createObjectBuilder();
        if (reason != null) {
            details.add("reason", reason);
        }
        if (error != null) {
            details.add("error_code", error.code()).add("description", error.description());
            if (error.link() != null) {
                details.add("link", error.link());
            }
        }
        return details;
    }

    /** A delivery status as vendors report it. */
    public enum DeliveryStatus {
        DELIVERED("delivery_succeeded"), FAILED("delivery_failed"), PENDING("delivery_pending");

        private final String eventType;

        DeliveryStatus(String eventType) {
            this.eventType = eventType;
        }

        public String eventType() {
            return eventType;
        }
    }

    /**
     * Stores the event in a group commit and then tells its listeners: the message's event_url (within the window),
     * the conversation's app when it listens, an http_api conversation's event stream. The push is held
     * ({@link Pusher#expect}) right after the event is made, with nothing between that may wait (the audience was
     * asked before): the settled mark trusts that an event not yet held is at most a few seconds old.
     */
    private CompletableFuture<Void> store(Message message, EventAudience.Audience audience, MessageEvent event,
            Function<Runnable, CompletableFuture<Void>> commit, BooleanSupplier stored) {
        boolean forApp = audience.app();
        event.setAppPending(forApp);
        Push push = message.getEventUrl() == null || !audience.eventUrlOpen() ? null : eventPush(event, message);
        if (push != null) {
            push.setSigningSecret(audience.signingSecret());
            if (audience.pushTimeoutSeconds() != null) {
                push.setTimeoutSeconds(audience.pushTimeoutSeconds());
            }
            pusher.expect(push.getId(), event.getTimestamp());
            event.setPushedBy(Leases.instanceName()); // whose settled mark covers it after a crash
        }
        Runnable after = () -> {
            if (!stored.getAsBoolean()) {
                return;
            }
            stats.count(Count.EVENTS_STORED);
            ChannelActivity.Rate.ofEvent(event.getEventType())
                    .ifPresent(rate -> activity.count(message.getChannelId(), rate));
            if (push != null) {
                pusher.pushUnstored(push);
            }
            if (forApp) {
                relay.send(Queues.EVENTS, event.getId(), null);
            }
            if (audience.stream()) {
                streams.publish(audience.conversationId(), StreamHub.Kind.EVENTS,
                        VumiJson.event(event, message).toString());
            }
        };
        return commit.apply(after).whenComplete((done, failure) -> {
            if (push != null && (failure != null || !stored.getAsBoolean())) {
                pusher.unexpect(push.getId());
            }
        });
    }

    /**
     * The push of an event to its message's event_url, named by the event's id (an event has one such push). The
     * event's row stands for it until its first attempt fails; then it is stored as a push of its own.
     */
    static Push eventPush(MessageEvent event, Message message) {
        String body = message.getEventShape() == Message.EventShape.VUMI
                ? VumiJson.event(event, message).toString()
                : JunebugJson.event(event, message).toString();
        return new Push(event.getId(), message.getAccountId(), message.getConversationId(), message.getChannelId(),
                Push.Kind.EVENT, event.getId(), message.getEventUrl(), message.getEventAuthToken(), body);
    }
}
