package org.switchboard.engine;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** Reads the row id that {@link MessageBus} put on a queue. */
public final class QueuedIds {

    private QueuedIds() {
    }

    public static String of(Message message) {
        try {
            if (message instanceof TextMessage text) {
                return text.getText();
            }
            throw new IllegalArgumentException("Expected a text message holding an id, got " + message);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not read a queued id: " + e.getMessage(), e);
        }
    }
}
