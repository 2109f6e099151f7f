package org.switchboard.engine;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears the changes other instances made ({@link ChangeBridge}) on the topic {@value Queues#CHANGES}: one subscriber
 * per instance, so every instance hears every change.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.CHANGES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChangeConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChangeConsumer.class.getName());

    @Inject
    ChangeBridge bridge;

    @Override
    public void onMessage(Message notice) {
        try {
            bridge.relay(notice.getStringProperty("subject"), ((TextMessage) notice).getText());
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take another instance's change; the caches see it within 5 s", e);
        }
    }
}
