package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    @Test
    void backOffDoublesWithJitterAndStopsAtAMinute() {
        for (int attempt = 0; attempt < 30; attempt++) {
            long ceiling = Math.min(60_000, 200L << Math.min(attempt, 16));
            for (int i = 0; i < 50; i++) {
                Duration delay = Dispatcher.backoff(attempt);
                assertTrue(delay.toMillis() >= ceiling / 2 && delay.toMillis() <= ceiling,
                        attempt + ": " + delay);
            }
        }
    }
}
