package org.switchboard.messages;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.MessageListener;

/** Consumes queued outbound message ids and hands each message to its vendor. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.OUTBOUND),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
public class OutboundMessageConsumer implements MessageListener {

    @Inject
    private DeliveryService delivery;

    @Override
    public void onMessage(jakarta.jms.Message message) {
        delivery.deliver(QueuedIds.of(message));
    }
}
