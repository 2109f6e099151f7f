package org.switchboard.streams;

/**
 * The streams of Vumi Go's streaming HTTP API: each conversation's inbound messages and events, as lines of JSON, to
 * the clients connected to them. As Vumi Go's {@code StreamingClientManager}: with several clients each line goes to
 * one of them; with none, lines wait in a backlog of the newest {@value #BACKLOG} per stream, which the next client to
 * connect is sent first. The messages and events themselves are in the database either way.
 */
public interface StreamHub {

    /** Vumi Go's backlog per stream. */
    int BACKLOG = 100;

    /** Which stream of a conversation. */
    enum Kind {
        MESSAGES, EVENTS
    }

    /** A connected client: the lines for it, until it closes. */
    interface Client extends AutoCloseable {

        /**
         * The next line, or null after the timeout (the caller then writes a keep-alive or gives up).
         *
         * @throws IllegalStateException when the stream broke (the client then reconnects)
         */
        String next(long timeoutMillis) throws InterruptedException;

        /** Leaves the stream; lines not yet taken stay in the backlog. */
        @Override
        void close();
    }

    /** Sends a line to one client of the stream, or keeps it in the backlog. */
    void publish(String conversationId, Kind kind, String line);

    /** Connects a client to the stream; it is sent the backlog first. */
    Client join(String conversationId, Kind kind);

    /** How many clients this instance has connected to any stream. */
    int clients();
}
