package org.switchboard.engine;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one back-off rule of the engine, for every retry (a vendor's transient error, a push that failed): the delay
 * doubles from {@code first} after each failure up to {@code most}, and a retry waits a random time in the upper half
 * of it ("equal jitter"), so that the retries of many failures at once do not come back in waves.
 */
public record Backoff(Duration first, Duration most) {

    /** How long to wait after the given number of failures in a row (at least 1). */
    public Duration after(int failures) {
        long firstMillis = first.toMillis();
        int doublings = Math.max(failures, 1) - 1;
        long ceiling = doublings >= Long.numberOfLeadingZeros(firstMillis) - 1 // shifted further, it would overflow
                ? most.toMillis()
                : Math.min(most.toMillis(), firstMillis << doublings);
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
