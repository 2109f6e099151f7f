package org.switchboard.streams;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams on the broker, so that every instance of a group serves the same ones: each stream is a queue of its
 * own, {@code switchboard.stream.<conversation>.<messages|events>}, made by the broker at its first line, whose
 * address setting makes it a ring of the newest {@value #BACKLOG} (config/bin/switchboard). A connected client is a
 * consumer of it, on whichever instance it connected to; with several, the broker hands each line to one of them
 * (competing consumers); with none, the lines wait in the ring, and a client that reconnects to any instance gets
 * them. The lines are persistent: the backlog outlives a failover of the broker.
 *
 * <p>Each client holds a connection of the pool {@value #CONNECTION_FACTORY} (not the engine's, so that open streams
 * never keep a send waiting), which takes no line before the client asks (its consumer window is 0: a line is never
 * held by a client that is about to go away). A line is acknowledged when it is taken; one that could not be written
 * to the client is published again (org.switchboard.messages.vumigo.VumiGoStreams), so only an instance's death
 * between the two loses a line from a stream, as Vumi Go's own backlog could (the message is in the database).
 */
@ApplicationScoped
public class BrokerStreams implements StreamHub {

    /** JNDI name of the streams' connection factory (config/payara/domain.asadmin). */
    public static final String CONNECTION_FACTORY = "jms/switchboard-streams";
    /** The queues' prefix, which the broker's address setting for the rings matches. */
    public static final String PREFIX = "switchboard.stream.";

    @Resource(lookup = CONNECTION_FACTORY)
    ConnectionFactory factory;

    private final AtomicInteger clients = new AtomicInteger();

    /** The queue of a conversation's stream. */
    public static String queue(String conversationId, Kind kind) {
        return PREFIX + conversationId + '.' + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void publish(String conversationId, Kind kind, String line) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(queue(conversationId, kind)));
            producer.send(session.createTextMessage(line));
        } catch (JMSException e) {
            throw new IllegalStateException("Could not put a line on the stream " + queue(conversationId, kind)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Client join(String conversationId, Kind kind) {
        String queue = queue(conversationId, kind);
        Connection connection = null;
        try {
            connection = factory.createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            clients.incrementAndGet();
            return new BrokerClient(connection, consumer, queue);
        } catch (JMSException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not connect to the stream " + queue + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int clients() {
        return clients.get();
    }

    private final class BrokerClient implements Client {
        private final Connection connection;
        private final MessageConsumer consumer;
        private final String queue;
        private final AtomicBoolean closed = new AtomicBoolean();

        BrokerClient(Connection connection, MessageConsumer consumer, String queue) {
            this.connection = connection;
            this.consumer = consumer;
            this.queue = queue;
        }

        @Override
        public String next(long timeoutMillis) {
            try {
                Message line = consumer.receive(timeoutMillis);
                return line == null ? null : line.getBody(String.class);
            } catch (JMSException e) {
                throw new IllegalStateException("The stream " + queue + " broke: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                clients.decrementAndGet();
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                // the broker went away: the pool drops the connection
            }
        }
    }
}
