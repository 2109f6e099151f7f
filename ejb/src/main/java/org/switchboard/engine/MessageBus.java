package org.switchboard.engine;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Puts row ids on Artemis queues, outside any transaction: a persistent message, sent and confirmed by the broker
 * before the call returns. Called after the row's commit (org.switchboard.engine.Relay).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MessageBus {

    @Resource(lookup = Queues.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    /**
     * Queues an id in a message group: the broker hands a group's messages to one consumer at a time, in order (so
     * one phone's messages reach its app one after the other, as they were sent).
     */
    public void send(String queue, String id, String group) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            TextMessage message = session.createTextMessage(id);
            if (group != null) {
                message.setStringProperty("JMSXGroupID", group);
            }
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not queue " + id + " on " + queue + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells every instance something on a topic, not kept by the broker (a notice whose loss a sweep makes good): the
     * text, with a subject as the property {@code subject}.
     */
    public void publish(String topic, String subject, String text) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createTopic(topic));
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            TextMessage message = session.createTextMessage(text);
            message.setStringProperty("subject", subject);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not publish on " + topic + ": " + e.getMessage(), e);
        }
    }
}
