package org.switchboard.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The streams of Vumi Go's streaming HTTP API: each conversation's inbound messages and events, as lines of JSON, to
 * the clients connected to them. As Vumi Go's {@code StreamingClientManager}: with several clients each line goes to
 * one of them, chosen at random; with none, lines wait in a backlog of the newest {@value #BACKLOG} per stream, which
 * the next client to connect is sent first. The messages and events themselves are in the database either way.
 */
@ApplicationScoped
public class StreamHub {

    /** Vumi Go's backlog per stream. */
    public static final int BACKLOG = 100;

    /** Which stream of a conversation. */
    public enum Kind {
        MESSAGES, EVENTS
    }

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    /** A connected client: the lines for it, until it closes. */
    public static final class Client implements AutoCloseable {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Stream stream;

        private Client(Stream stream) {
            this.stream = stream;
        }

        /** The next line, or null after the timeout (the caller then writes a keep-alive or gives up). */
        public String next(long timeoutMillis) throws InterruptedException {
            return lines.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** Leaves the stream; lines given to it and not yet taken go back to the backlog. */
        @Override
        public void close() {
            stream.leave(this);
        }
    }

    private static final class Stream {
        private final List<Client> clients = new ArrayList<>();
        private final Deque<String> backlog = new ArrayDeque<>();

        synchronized void publish(String line) {
            if (clients.isEmpty()) {
                backlog.addLast(line);
                while (backlog.size() > BACKLOG) {
                    backlog.removeFirst();
                }
            } else {
                clients.get(ThreadLocalRandom.current().nextInt(clients.size())).lines.add(line);
            }
        }

        synchronized Client join() {
            Client client = new Client(this);
            client.lines.addAll(backlog);
            backlog.clear();
            clients.add(client);
            return client;
        }

        synchronized void leave(Client client) {
            if (clients.remove(client)) {
                List<String> unsent = new ArrayList<>();
                client.lines.drainTo(unsent);
                unsent.forEach(this::publish);
            }
        }

        synchronized int clients() {
            return clients.size();
        }
    }

    /** Sends a line to one client of the stream, or keeps it in the backlog. */
    public void publish(String conversationId, Kind kind, String line) {
        stream(conversationId, kind).publish(line);
    }

    /** Connects a client to the stream; it is sent the backlog first. */
    public Client join(String conversationId, Kind kind) {
        return stream(conversationId, kind).join();
    }

    /** How many clients are connected to the conversation's streams. */
    public int clients(String conversationId) {
        int count = 0;
        for (Kind kind : Kind.values()) {
            Stream stream = streams.get(conversationId + '/' + kind);
            count += stream == null ? 0 : stream.clients();
        }
        return count;
    }

    /** How many clients are connected to any stream. */
    public int clients() {
        return streams.values().stream().mapToInt(Stream::clients).sum();
    }

    private Stream stream(String conversationId, Kind kind) {
        return streams.computeIfAbsent(conversationId + '/' + kind, key -> new Stream());
    }
}
