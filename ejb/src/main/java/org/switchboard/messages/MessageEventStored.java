package org.switchboard.messages;

/** Fired (CDI, in the event's transaction) once an outbound message's event is stored and pushed to its event_url. */
public record MessageEventStored(Message message, MessageEvent event) {
}
