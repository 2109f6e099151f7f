package org.switchboard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle();
    private long now = -4_000_000_000_000_000_000L; // System.nanoTime may be negative

    private static LoginThrottle.Attempt basic(String client, String key, String token) {
        return LoginThrottle.Attempt.of(client, key, "Basic " + key + ":" + token);
    }

    @Test
    void aClientThatKeepsGuessingWaitsLongerEachTimeAndTheOwnerDoesNot() {
        LoginThrottle.Attempt owner = basic("10.0.0.1", "acct", "right");
        throttle.succeeded(owner);
        for (int i = 0; i < LoginThrottle.CLIENT_FAILURES; i++) {
            assertFalse(throttle.waitNanos(basic("10.0.0.1", "acct", "guess" + i), now).isPresent(), "guess " + i);
            throttle.failed(basic("10.0.0.1", "acct", "guess" + i), now);
        }
        throttle.failed(basic("10.0.0.1", "acct", "one more"), now);
        assertEquals(Duration.ofSeconds(1).toNanos(), throttle.waitNanos(basic("10.0.0.1", "acct", "next"), now)
                .getAsLong());
        throttle.failed(basic("10.0.0.1", "acct", "and another"), now);
        assertEquals(Duration.ofSeconds(2).toNanos(), throttle.waitNanos(basic("10.0.0.1", "acct", "next"), now)
                .getAsLong(), "the wait doubles");
        // the owner's credentials, accepted before, are checked at once, from the same address too
        assertFalse(throttle.waitNanos(owner, now).isPresent());
        // another account's key from the same address is not held back, nor is the guesser once the wait is over
        assertFalse(throttle.waitNanos(basic("10.0.0.1", "other", "x"), now).isPresent());
        assertFalse(throttle.waitNanos(basic("10.0.0.1", "acct", "next"), now + Duration.ofSeconds(3).toNanos())
                .isPresent());
    }

    @Test
    void aGuessSpreadOverManyAddressesHoldsBackOnlyCredentialsNeverAccepted() {
        LoginThrottle.Attempt owner = basic("192.0.2.7", "acct", "right");
        throttle.succeeded(owner);
        for (int i = 0; i <= LoginThrottle.ACCOUNT_FAILURES; i++) {
            throttle.failed(basic("198.51.100." + i, "acct", "guess"), now);
        }
        assertTrue(throttle.waitNanos(basic("203.0.113.9", "acct", "fresh guess"), now).isPresent());
        assertFalse(throttle.waitNanos(owner, now).isPresent());
    }

    @Test
    void bearerTokensAreCountedPerClient() {
        for (int i = 0; i <= LoginThrottle.CLIENT_FAILURES; i++) {
            throttle.failed(LoginThrottle.Attempt.of("10.0.0.2", null, "Bearer wrong" + i), now);
        }
        assertTrue(throttle.waitNanos(LoginThrottle.Attempt.of("10.0.0.2", null, "Bearer another"), now)
                .isPresent());
        assertFalse(throttle.waitNanos(LoginThrottle.Attempt.of("10.0.0.3", null, "Bearer another"), now)
                .isPresent());
    }
}
