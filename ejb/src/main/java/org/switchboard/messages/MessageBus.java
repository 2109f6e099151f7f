package org.switchboard.messages;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Puts row ids on Artemis queues inside the caller's transaction, so a queued id and its row commit together.
 */
@Stateless
public class MessageBus {

    @Resource(lookup = Queues.CONNECTION_FACTORY)
    private ConnectionFactory factory;

    public void send(String queue, String id) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            TextMessage message = session.createTextMessage(id);
            producer.send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not queue " + id + " on " + queue + ": " + e.getMessage(), e);
        }
    }
}
