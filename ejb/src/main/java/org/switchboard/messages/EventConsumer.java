package org.switchboard.messages;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.MessageListener;

/** Consumes queued event ids and pushes each event to its message's event_url. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.EVENTS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
public class EventConsumer implements MessageListener {

    @Inject
    private EventPushService pushes;

    @Override
    public void onMessage(jakarta.jms.Message message) {
        pushes.push(QueuedIds.of(message));
    }
}
