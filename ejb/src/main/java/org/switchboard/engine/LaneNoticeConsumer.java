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
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears {@link LaneNotices} on the topic {@value Queues#LANES}: one subscriber per instance ({@code maxSession} 1, not
 * durable), so every instance hears every notice; the channel's holder takes the ids into its lane, the others let
 * them be.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Queues.LANES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Queues.RESOURCE_ADAPTER)})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LaneNoticeConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(LaneNoticeConsumer.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Override
    public void onMessage(Message notice) {
        try {
            String channelId = notice.getStringProperty("subject");
            String ids = ((TextMessage) notice).getText();
            if (channelId != null && ids != null && !ids.isEmpty()) {
                dispatcher.forwarded(channelId, Arrays.asList(ids.split(",")));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not take a lane's notice; the recovery sweep takes its messages up", e);
        }
    }
}
