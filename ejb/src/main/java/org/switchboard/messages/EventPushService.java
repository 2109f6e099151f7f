package org.switchboard.messages;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;

/** Pushes a stored event to its message's event_url and to the conversation that sent the message, once. */
@Stateless
public class EventPushService {

    private static final Logger LOG = Logger.getLogger(EventPushService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private WebhookClient webhooks;

    @Inject
    private Event<MessageEventStored> stored;

    public void push(String eventId) {
        MessageEvent event = em.find(MessageEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null) {
            throw new RowNotVisibleException("Event " + eventId + " is not visible yet");
        }
        if (event.getPushedAt() != null) {
            return;
        }
        Message message = em.find(Message.class, event.getMessageId());
        if (message.getEventUrl() == null) {
            LOG.fine(() -> "Event " + eventId + " of message " + message.getId() + " has no event_url; stored only");
        } else {
            webhooks.post(message.getEventUrl(), message.getEventAuthToken(), JunebugJson.event(event, message));
        }
        event.setPushedAt(Instant.now());
        stored.fire(new MessageEventStored(message, event));
    }
}
