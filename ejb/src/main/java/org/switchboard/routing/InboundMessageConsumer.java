package org.switchboard.routing;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.MessageListener;
import org.switchboard.engine.Relay;
import org.switchboard.engine.QueuedIds;
import org.switchboard.engine.Queues;

/**
 * Consumes queued inbound message ids and routes each message to its conversation. Not in a transaction with the
 * broker: the router's own transaction covers the database, and the message's status says whether it was routed.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.INBOUND),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InboundMessageConsumer implements MessageListener {

    @Inject
    private InboundRouter router;

    @Inject
    private Relay relay;

    @Override
    public void onMessage(jakarta.jms.Message message) {
        String id = QueuedIds.of(message);
        router.route(id);
        relay.done(id);
    }
}
