package org.switchboard.engine;

import org.switchboard.messages.Message;

/**
 * Who hears of a message's events, as its conversation says: a port of the engine, implemented where conversations
 * and apps are known ({@code routing.ConversationAudience}). The engine stores the event, then pushes it, queues the
 * app's turn and streams it as the answer says.
 */
public interface EventAudience {

    /**
     * How the events of a message reach their listeners.
     *
     * @param app the conversation's app listens for events (a jsbox with {@code on_inbound_event})
     * @param eventUrlOpen the message's event_url is still forwarded to (a Junebug conversation's window)
     * @param signingSecret the secret that signs the pushes, or null
     * @param pushTimeoutSeconds how long a push may take, or null for the default
     * @param stream the conversation streams events to HTTP clients (an http_api conversation without push URL)
     * @param conversationId the conversation (whose stream it is), or null
     */
    record Audience(boolean app, boolean eventUrlOpen, String signingSecret, Double pushTimeoutSeconds, boolean stream,
            String conversationId) {

        /** A message of no conversation: only its own event_url hears. */
        public static final Audience EVENT_URL_ONLY = new Audience(false, true, null, null, false, null);
    }

    /** The audience of this message's events now. */
    Audience of(Message message);
}
