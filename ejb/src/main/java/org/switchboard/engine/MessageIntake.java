package org.switchboard.engine;

import org.switchboard.routes.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.accounts.Ids;
import org.switchboard.messages.MessageChannel;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.engine.Dispatcher;
import org.switchboard.engine.EngineStats;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.engine.GroupCommit;
import org.switchboard.engine.Relay;
import org.switchboard.messages.Message.Direction;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.validation.Checks;

/**
 * Accepts messages from the APIs and the vendors. A message is stored before anyone is told it was accepted (its row
 * joins a {@link GroupCommit}); then an outbound one goes to the {@link Dispatcher} and an inbound one's id to the
 * inbound queue. A CDI bean, not an EJB: it opens no transaction of its own (the group commit does), and the API's
 * request thread saves the EJB container's hop (measured: an eighth of a send's time on that thread).
 */
@ApplicationScoped
public class MessageIntake {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private GroupCommit commits;

    @Inject
    private Routes routes;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private Relay relay;

    @Inject
    private EngineStats stats;

    @Inject
    private ChannelActivity activity;

    /** Stores an outbound message from an API and hands it to the dispatcher; returns once it is committed. */
    public Message accept(MessageChannel channel, OutboundRequest request) {
        return accept(channel, request, null);
    }

    /** As {@link #accept(MessageChannel, OutboundRequest)}, with a row made from the message stored in the same commit. */
    Message accept(MessageChannel channel, OutboundRequest request,
            java.util.function.Function<Message, Object> alongside) {
        Message message = Checks.valid(outbound(channel, request));
        Object other = alongside == null ? null : alongside.apply(message);
        commits.commit(em -> {
            em.persist(message);
            if (other != null) {
                em.persist(other);
            }
        }, () -> dispatcher.submit(message));
        stats.count(Count.OUTBOUND_ACCEPTED);
        activity.count(channel.getId(), ChannelActivity.Rate.OUTBOUND);
        return message;
    }

    /** Stores a message a vendor received on the channel and queues it for routing; returns once it is committed. */
    public Message receiveInbound(MessageChannel channel, String fromAddr, String toAddr, String content,
            String sessionEvent) {
        Message message = inbound(channel, fromAddr, toAddr, content, sessionEvent);
        commits.commit(em -> em.persist(message), () -> route(message));
        return message;
    }

    /** As {@link #receiveInbound}, to the channel's own address, for an edge: the stored message's id. */
    public String receiveInboundAt(MessageChannel channel, String fromAddr, String content, String sessionEvent) {
        return receiveInbound(channel, fromAddr, channel.getAddress(), content, sessionEvent).getId();
    }

    /** As the other receiveInbound, keeping the vendor's id of the message (its webhooks' retries are found by it). */
    public Message receiveInbound(MessageChannel channel, String fromAddr, String toAddr, String content,
            String sessionEvent, String vendorMessageId) {
        Message message = inbound(channel, fromAddr, toAddr, content, sessionEvent);
        message.setVendorMessageId(vendorMessageId);
        commits.commit(em -> em.persist(message), () -> route(message));
        return message;
    }

    /** As {@link #receiveInbound}, without waiting for the commit. */
    public CompletableFuture<Message> receive(MessageChannel channel, String fromAddr, String toAddr, String content,
            String sessionEvent) {
        Message message = inbound(channel, fromAddr, toAddr, content, sessionEvent);
        return commits.submit(em -> em.persist(message), () -> route(message)).thenApply(done -> message);
    }

    /** The account's message with this id (in the caller's transaction if there is one). */
    Optional<Message> find(String accountId, String messageId) {
        return Optional.ofNullable(em.find(Message.class, messageId))
                .filter(message -> message.getAccountId().equals(accountId));
    }

    /** A new outbound message on the channel, as the request asks: a reply takes its addresses from the inbound. */
    Message outbound(MessageChannel channel, OutboundRequest request) {
        OutboundRequest.Rules rules = request.rules();
        Message message = new Message(Ids.ordered(), channel.getAccountId(), channel.getId(), Direction.OUTBOUND,
                Message.Status.QUEUED);
        Message inbound = request.replyTo() == null ? null : repliedTo(channel, request);
        if (inbound != null) {
            message.setToAddr(inbound.getFromAddr());
            message.setFromAddr(inbound.getToAddr());
            message.setGroup(inbound.getGroup());
            message.setInReplyTo(inbound.getId());
            message.setSessionEvent(request.continueSession() ? "resume" : "close");
            message.setTransportType(inbound.getTransportType());
        } else {
            message.setToAddr(request.to());
            message.setFromAddr(request.from() != null
                    ? request.from()
                    : rules.defaultFrom() != null ? rules.defaultFrom() : channel.getAddress());
            message.setGroup(request.group());
            message.setSessionEvent(request.sessionEvent());
            message.setTransportType(rules.transportType() != null
                    ? rules.transportType()
                    : channel.getTransportType());
        }
        message.setContent(request.content());
        message.setConversationId(rules.conversationId() != null
                ? rules.conversationId()
                : inbound != null
                        ? inbound.getConversationId()
                        : routes.of(channel.getAccountId()).conversationOf(channel.getId())
                                .map(end -> end.connector().id()).orElse(null));
        message.setChannelData(request.channelData());
        message.setEventUrl(request.eventUrl());
        message.setEventAuthToken(request.eventAuthToken());
        message.setEventShape(rules.eventShape());
        return message;
    }

    /**
     * The inbound message a reply answers: one received on the channel within the reply window. Null when there is
     * none and the rules let the request be sent as a new message (it has a {@code to}).
     */
    private Message repliedTo(MessageChannel channel, OutboundRequest request) {
        OutboundRequest.Rules rules = request.rules();
        Optional<Message> inbound = find(channel.getAccountId(), request.replyTo())
                .filter(m -> m.getDirection() == Direction.INBOUND && m.getChannelId().equals(channel.getId()))
                .filter(m -> rules.replyWindow() == null
                        || m.getTimestamp().isAfter(Instant.now().minus(rules.replyWindow())));
        if (inbound.isEmpty() && rules.expiredRepliesAsNew() && request.to() != null) {
            return null;
        }
        return inbound.orElseThrow(() -> new MessageNotFoundException(
                "Inbound message with id " + request.replyTo() + " not found"));
    }

    private static Message inbound(MessageChannel channel, String fromAddr, String toAddr, String content,
            String sessionEvent) {
        Message message = new Message(Ids.ordered(), channel.getAccountId(), channel.getId(), Direction.INBOUND,
                Message.Status.RECEIVED);
        message.setFromAddr(fromAddr);
        message.setToAddr(toAddr);
        message.setContent(content);
        message.setSessionEvent(sessionEvent); // its conversation is the routing table's choice (InboundRouter)
        message.setTransportType(channel.getTransportType());
        return Checks.valid(message);
    }

    private void route(Message message) {
        stats.count(Count.INBOUND_ACCEPTED);
        activity.count(message.getChannelId(), ChannelActivity.Rate.INBOUND);
        relay.send(Queues.INBOUND, message.getId(), message.getChannelId() + " " + message.getFromAddr());
    }
}
