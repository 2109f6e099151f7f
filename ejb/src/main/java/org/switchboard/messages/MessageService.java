package org.switchboard.messages;

import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.messages.Message.Direction;
import org.switchboard.messages.Message.Status;

/** Accepts messages into the platform: stores them and queues them, in one transaction. */
@Stateless
public class MessageService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MessageBus bus;

    /** Stores an outbound message on the channel and queues it for its vendor. */
    public Message submit(Channel channel, OutboundRequest request) {
        Message message = new Message(Ids.hex(), channel.getAccountId(), channel.getId(), Direction.OUTBOUND,
                Status.QUEUED);
        if (request.replyTo() != null) {
            Message inbound = find(channel.getAccountId(), request.replyTo())
                    .filter(m -> m.getDirection() == Direction.INBOUND && m.getChannelId().equals(channel.getId()))
                    .orElseThrow(() -> new MessageNotFoundException(
                            "Inbound message with id " + request.replyTo() + " not found on this channel"));
            message.setToAddr(inbound.getFromAddr());
            message.setFromAddr(inbound.getToAddr());
            message.setGroup(inbound.getGroup());
            message.setInReplyTo(inbound.getId());
            message.setSessionEvent(request.continueSession() ? "resume" : "close");
        } else {
            message.setToAddr(request.to());
            message.setFromAddr(request.from() != null ? request.from() : channel.getAddress());
            message.setGroup(request.group());
        }
        message.setContent(request.content());
        message.setConversationId(channel.getConversationId());
        message.setTransportType(channel.getTransportType());
        message.setChannelData(request.channelData());
        message.setEventUrl(request.eventUrl());
        message.setEventAuthToken(request.eventAuthToken());
        em.persist(Checks.valid(message));
        bus.send(Queues.OUTBOUND, message.getId(), channel.getId() + " " + message.getToAddr());
        return message;
    }

    /** Replies to an inbound message of the account, as a sandbox app's {@code outbound.reply_to} does. */
    public Message reply(String accountId, String inReplyTo, String content, boolean continueSession) {
        return reply(accountId, inReplyTo, content, continueSession, null);
    }

    /** A reply carrying channel data (a JSON object's text, or null) for the vendor connector. */
    public Message reply(String accountId, String inReplyTo, String content, boolean continueSession,
            String channelData) {
        Message inbound = find(accountId, inReplyTo)
                .orElseThrow(() -> new MessageNotFoundException("Message " + inReplyTo + " not found"));
        Channel channel = em.find(Channel.class, inbound.getChannelId());
        return submit(channel, new OutboundRequest(null, null, null, inReplyTo, content, null, null, channelData,
                continueSession));
    }

    /** Stores a message a vendor received on the channel and queues it for routing. */
    public Message receiveInbound(Channel channel, String fromAddr, String toAddr, String content,
            String sessionEvent) {
        Message message = new Message(Ids.hex(), channel.getAccountId(), channel.getId(), Direction.INBOUND,
                Status.RECEIVED);
        message.setFromAddr(fromAddr);
        message.setToAddr(toAddr);
        message.setContent(content);
        message.setSessionEvent(sessionEvent);
        message.setConversationId(channel.getConversationId());
        message.setTransportType(channel.getTransportType());
        em.persist(Checks.valid(message));
        bus.send(Queues.INBOUND, message.getId(), channel.getId() + " " + fromAddr);
        return message;
    }

    /** The account's message with this id. */
    public Optional<Message> find(String accountId, String messageId) {
        return Optional.ofNullable(em.find(Message.class, messageId))
                .filter(message -> message.getAccountId().equals(accountId));
    }

    /** The events of a message, oldest first. */
    public List<MessageEvent> events(String messageId) {
        return em.createNamedQuery("MessageEvent.findByMessage", MessageEvent.class)
                .setParameter("messageId", messageId)
                .getResultList();
    }
}
