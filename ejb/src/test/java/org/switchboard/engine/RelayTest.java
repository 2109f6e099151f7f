package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RelayTest {

    /**
     * A phone's messages are queued in the order they were taken, whichever sender thread is slow: each group's ids go
     * through one sender (eight threads sent them in any order, and an app answered a phone's third message before its
     * second once).
     */
    @Test
    void aGroupsIdsAreQueuedInTheOrderGiven() throws Exception {
        Map<String, List<String>> queued = new ConcurrentHashMap<>();
        Random random = new Random(7);
        Relay relay = new Relay();
        relay.threads = 8;
        relay.threadFactory = Fakes.threads();
        relay.bus = new MessageBus() {
            @Override
            public void send(String queue, String id, String group) {
                try {
                    Thread.sleep(random.nextInt(3)); // a broker round trip, some slower than others
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                queued.computeIfAbsent(group, g -> new CopyOnWriteArrayList<>()).add(id);
            }
        };
        relay.start();
        try {
            Map<String, List<String>> given = new ConcurrentHashMap<>();
            for (int i = 0; i < 400; i++) {
                String group = "channel +2783000000" + (i % 5);
                String id = "m" + i;
                given.computeIfAbsent(group, g -> new ArrayList<>()).add(id);
                relay.send(Queues.INBOUND, id, group);
            }
            Fakes.await(() -> queued.values().stream().mapToInt(List::size).sum() == 400, 10_000);
            assertEquals(given, queued);
        } finally {
            relay.stop();
        }
    }
}
