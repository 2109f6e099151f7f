package org.switchboard.conversations;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.engine.MessageService;
import org.switchboard.json.JsonStrings;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;

/**
 * A conversation's messages as its pages show them: received or sent, newest first, a page at a time by keys (the
 * time and id of the last one shown, on the index by conversation, direction and time; never an offset), each sent
 * one with its latest event (accepted, refused with the reason, delivered); and a reply to a received one.
 */
@Stateless
public class ConversationMessages {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MessageService messages;

    /** A message as a page lists it; {@code event} is a sent one's latest ({@code submitted}, ...), else null. */
    public record Row(String id, Instant at, String from, String to, String content, String status, String event,
            String reason) {
    }

    /**
     * The conversation's messages one way, newest first, older than the one {@code (beforeAt, beforeId)} (null: from
     * the newest), at most {@code limit}.
     */
    public List<Row> page(String accountId, String conversationId, boolean sent, Instant beforeAt, String beforeId,
            int limit) {
        var query = em.createQuery("select m from Message m where m.conversationId = :conv and m.accountId = :account"
                + " and m.direction = :direction"
                + (beforeAt == null ? "" : " and (m.timestamp < :at or (m.timestamp = :at and m.id < :id))")
                // the conversation and direction are fixed: named in the order too, it is the index's own, and H2
                // reads a page from it rather than sorting the conversation's every message (5.5 s at 1,000,000)
                + " order by m.conversationId, m.direction, m.timestamp desc, m.id desc", Message.class)
                .setParameter("conv", conversationId)
                .setParameter("account", accountId)
                .setParameter("direction", sent ? Message.Direction.OUTBOUND : Message.Direction.INBOUND)
                .setMaxResults(limit);
        if (beforeAt != null) {
            query.setParameter("at", beforeAt).setParameter("id", beforeId);
        }
        List<Message> found = query.getResultList();
        Map<String, MessageEvent> latest = new HashMap<>();
        if (sent && !found.isEmpty()) {
            em.createQuery("select e from MessageEvent e where e.messageId in :ids order by e.timestamp, e.id",
                    MessageEvent.class)
                    .setParameter("ids", found.stream().map(Message::getId).toList())
                    .getResultStream()
                    .forEach(e -> latest.put(e.getMessageId(), e));
        }
        return found.stream().map(m -> {
            MessageEvent event = latest.get(m.getId());
            String reason = event == null ? null : JsonStrings.object(event.getDetails()).getString("reason", null);
            return new Row(m.getId(), m.getTimestamp(), m.getFromAddr(), m.getToAddr(), m.getContent(),
                    m.getStatus().name().toLowerCase(java.util.Locale.ROOT),
                    event == null ? null : event.getEventType(),
                    reason);
        }).toList();
    }

    /**
     * A reply to a message the conversation received, on its channel, closing its session.
     *
     * @return the reply's id; empty when the account's conversation received no such message
     * @throws IllegalArgumentException when the text is empty or too long
     */
    public Optional<String> reply(String accountId, String conversationId, String messageId, String content) {
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("Type the reply first");
        }
        if (content.length() > AppConfigs.MAX_TEXT) {
            throw new IllegalArgumentException("A reply is at most " + AppConfigs.MAX_TEXT + " characters");
        }
        return messages.find(accountId, messageId)
                .filter(m -> conversationId.equals(m.getConversationId())
                        && m.getDirection() == Message.Direction.INBOUND)
                .map(m -> messages.reply(accountId, messageId, content, false).getId());
    }
}
