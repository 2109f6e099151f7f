package org.switchboard.messages;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.switchboard.accounts.Ids;
import org.switchboard.channels.Channel;
import org.switchboard.channels.VendorConnector.Result;
import org.switchboard.channels.VendorConnectors;
import org.switchboard.messages.Message.Status;

/** Hands queued outbound messages to their vendor and records the vendor's answer as an event. */
@Stateless
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private VendorConnectors connectors;

    @Inject
    private MessageBus bus;

    /**
     * Sends the message once: a message that is no longer queued was sent by an earlier delivery of the same id.
     *
     * @throws RowNotVisibleException when the row is not (yet) visible, so the queue delivers the id again later
     */
    public void deliver(String messageId) {
        Message message = em.find(Message.class, messageId, LockModeType.PESSIMISTIC_WRITE);
        if (message == null) {
            throw new RowNotVisibleException("Outbound message " + messageId + " is not visible yet");
        }
        if (message.getStatus() != Status.QUEUED) {
            LOG.fine(() -> "Message " + messageId + " was already delivered; ignoring the redelivery");
            return;
        }
        Channel channel = em.find(Channel.class, message.getChannelId());
        Result result = connectors.of(channel).send(channel, message);
        MessageEvent event;
        if (result.accepted()) {
            message.setStatus(Status.SUBMITTED);
            message.setVendorMessageId(result.vendorMessageId());
            event = new MessageEvent(Ids.hex(), messageId, "submitted", "{}");
        } else {
            message.setStatus(Status.REJECTED);
            event = new MessageEvent(Ids.hex(), messageId, "rejected",
                    Json.createObjectBuilder().add("reason", result.reason()).build().toString());
        }
        em.persist(event);
        bus.send(Queues.EVENTS, event.getId());
    }
}
