package org.switchboard.conversations;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.MessageListener;
import org.switchboard.messages.QueuedIds;
import org.switchboard.messages.Queues;

/** Consumes queued inbound message ids and routes each message to its conversation. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.INBOUND),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
public class InboundMessageConsumer implements MessageListener {

    @Inject
    private InboundRouter router;

    @Override
    public void onMessage(jakarta.jms.Message message) {
        router.route(QueuedIds.of(message));
    }
}
