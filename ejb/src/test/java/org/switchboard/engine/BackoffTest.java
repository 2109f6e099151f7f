package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff vendors = Dispatcher.BACKOFF;

    @Test
    void doublesFromTheFirstDelayWithJitterInItsUpperHalfAndStopsAtTheMost() {
        for (int failures = 1; failures < 80; failures++) {
            long ceiling = Math.min(60_000, 200L << Math.min(failures - 1, 20));
            for (int i = 0; i < 50; i++) {
                long delay = vendors.after(failures).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, failures + " failures: " + delay + " ms");
            }
        }
    }

    @Test
    void retriesOfManyFailuresAtOnceAreSpreadOut() {
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            delays.add(vendors.after(8).toMillis());
        }
        assertTrue(delays.size() > 50, "100 retries after 8 failures fell on " + delays.size() + " distinct delays");
    }

    @Test
    void zeroOrNegativeFailuresCountAsTheFirst() {
        Backoff exact = new Backoff(Duration.ofMillis(2), Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            assertTrue(exact.after(0).toMillis() <= 2 && exact.after(-3).toMillis() >= 1);
        }
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ofSeconds(1)).after(5));
    }
}
