package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PusherTest {

    @Test
    void theSettledMarkStaysBeforeEveryPushWithoutARowUntilItIsLetGo() {
        Pusher pusher = new Pusher();
        Instant start = Instant.now();
        assertTrue(pusher.settledBefore().isBefore(start.minusSeconds(4)),
                "with nothing unsettled the mark trails the clock by seconds, for events made and not yet held (their"
                        + " thread may wait for a core that long)");

        Instant older = start.minus(Duration.ofMinutes(3));
        Instant newer = start.minus(Duration.ofMinutes(1));
        pusher.expect("a", newer);
        pusher.expect("b", older);
        assertEquals(older, pusher.settledBefore());
        assertTrue(pusher.unsettled("b"));

        pusher.unexpect("b");
        assertFalse(pusher.unsettled("b"));
        assertEquals(newer, pusher.settledBefore(), "the mark moves on to the oldest push still unsettled");
        pusher.unexpect("a");
        assertTrue(pusher.settledBefore().isAfter(newer));
    }

    @Test
    void backOffDoublesFromOneSecondUpToTheConfiguredMost() {
        Pusher pusher = new Pusher();
        pusher.maxBackoffSeconds = 300;
        for (int i = 0; i < 20; i++) {
            assertBetween(500, 1000, pusher.backoff(1));
            assertBetween(4000, 8000, pusher.backoff(4));
            assertBetween(150_000, 300_000, pusher.backoff(30));
        }
    }

    private static void assertBetween(long least, long most, Duration delay) {
        assertTrue(delay.toMillis() >= least && delay.toMillis() <= most, delay + " not in " + least + ".." + most);
    }
}
