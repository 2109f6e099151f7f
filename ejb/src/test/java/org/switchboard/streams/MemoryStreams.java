package org.switchboard.streams;

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
 * The streams in this JVM's memory, for the unit tests: each line to one connected client chosen at random, or to a
 * backlog of the newest {@value #BACKLOG}, as the broker's ring queues do ({@link BrokerStreams}).
 */
public class MemoryStreams implements StreamHub {

    private final Map<String, Stream> streams = new ConcurrentHashMap<>();

    private static final class MemoryClient implements Client {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Stream stream;

        private MemoryClient(Stream stream) {
            this.stream = stream;
        }

        @Override
        public String next(long timeoutMillis) throws InterruptedException {
            return lines.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            stream.leave(this);
        }
    }

    private static final class Stream {
        private final List<MemoryClient> clients = new ArrayList<>();
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
            MemoryClient client = new MemoryClient(this);
            client.lines.addAll(backlog);
            backlog.clear();
            clients.add(client);
            return client;
        }

        synchronized void leave(MemoryClient client) {
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

    @Override
    public void publish(String conversationId, Kind kind, String line) {
        stream(conversationId, kind).publish(line);
    }

    @Override
    public Client join(String conversationId, Kind kind) {
        return stream(conversationId, kind).join();
    }

    @Override
    public int clients() {
        return streams.values().stream().mapToInt(Stream::clients).sum();
    }

    private Stream stream(String conversationId, Kind kind) {
        return streams.computeIfAbsent(conversationId + '/' + kind, key -> new Stream());
    }
}
