package org.switchboard.routing;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.MessageListener;
import org.switchboard.engine.QueuedIds;
import org.switchboard.engine.Queues;
import org.switchboard.engine.Relay;

/**
 * Consumes queued event ids and tells the app that sent the message. Not in a transaction with the broker: the
 * service's own transaction covers the database, and the event row says whether the app still has to hear of it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.EVENTS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventConsumer implements MessageListener {

    @Inject
    private EventAppService apps;

    @Inject
    private Relay relay;

    @Override
    public void onMessage(jakarta.jms.Message message) {
        String id = QueuedIds.of(message);
        apps.tellApp(id);
        relay.done(id);
    }
}
