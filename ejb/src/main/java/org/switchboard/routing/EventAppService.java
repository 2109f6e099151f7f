package org.switchboard.routing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageEvent;
import org.switchboard.sandbox.SandboxService;

/** Tells the app that sent a message of the message's event ({@code api.on_inbound_event}), once. */
@Stateless
public class EventAppService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private SandboxService sandbox;

    public void tellApp(String eventId) {
        MessageEvent event = em.find(MessageEvent.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (event == null || !event.isAppPending()) {
            return; // told already (the id was queued twice), or its row was removed
        }
        sandbox.inboundEvent(em.find(Message.class, event.getMessageId()), event);
        event.setAppPending(false);
    }
}
