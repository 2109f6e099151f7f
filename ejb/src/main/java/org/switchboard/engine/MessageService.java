package org.switchboard.engine;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.messages.MessageChannel;
import org.switchboard.engine.AfterCommit;
import org.switchboard.engine.Dispatcher;
import org.switchboard.engine.EngineStats;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.messages.IdempotencyKey;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.messages.MessageNotFoundException;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.validation.Checks;

/**
 * Messages in transactions: those an app sends, stored in the app's own transaction and handed to the
 * {@link Dispatcher} once it commits, replies, and the account's messages and events. Messages from the APIs and
 * vendors come in through {@link MessageIntake}.
 */
@Stateless
public class MessageService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MessageIntake intake;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private ChannelPort channels;

    @Inject
    private EngineStats stats;

    @Inject
    private AfterCommit afterCommit;

    /** Stores an outbound message in the caller's transaction (an app's); it goes to its vendor after the commit. */
    public Message submit(MessageChannel channel, OutboundRequest request) {
        Message message = Checks.valid(intake.outbound(channel, request));
        em.persist(message);
        afterCommit.run(() -> {
            stats.count(Count.OUTBOUND_ACCEPTED);
            dispatcher.submit(message);
        });
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
        MessageChannel channel = channels.channel(inbound.getChannelId());
        return submit(channel, new OutboundRequest(null, null, null, inReplyTo, content, null, null, channelData,
                continueSession));
    }

    /** The account's message with this id. */
    public Optional<Message> find(String accountId, String messageId) {
        return intake.find(accountId, messageId);
    }

    /** The row of a send made with an Idempotency-Key ({@link IdempotentSends}), or null. */
    public IdempotencyKey idempotencyKey(String id) {
        return em.find(IdempotencyKey.class, id);
    }

    /** The events of a message, oldest first. */
    public List<MessageEvent> events(String messageId) {
        return em.createNamedQuery("MessageEvent.findByMessage", MessageEvent.class)
                .setParameter("messageId", messageId)
                .getResultList();
    }
}
