package org.switchboard.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalLong;
import org.switchboard.accounts.AccountService;

/**
 * Slows wrong credentials down without locking the rightful owner out. Refused credentials are counted per client
 * address and the account key they name (a Bearer token names none: per client), and per account key from anywhere.
 * Past {@value #CLIENT_FAILURES} failures a minute from one client for one key, or {@value #ACCOUNT_FAILURES} a minute
 * for one account from anywhere (a guess spread over many addresses), credentials are answered 429 with
 * {@code Retry-After} without being checked, for a time that doubles with each further failure (1 s up to 15 min),
 * unless they are credentials that were accepted in the last day: the owner, whose credentials are right, goes on
 * working while someone else guesses. Only credentials never accepted before wait.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Failures a minute from one client, for one account key (or Bearer tokens), before they wait. */
    static final int CLIENT_FAILURES = 10;
    /** Failures a minute for one account, from anywhere, before credentials never accepted for it wait. */
    static final int ACCOUNT_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** Failures in the current window, and until when the key waits (times are System.nanoTime, any sign). */
    private static final class Failures {
        private boolean counting;
        private long windowStart;
        private int count;
        private boolean waits;
        private long waitUntil;

        synchronized OptionalLong waiting(long now) {
            return waits && now - waitUntil < 0 ? OptionalLong.of(waitUntil - now) : OptionalLong.empty();
        }

        synchronized void failed(long now, int allowed) {
            if (!counting || now - windowStart > WINDOW.toNanos()) {
                counting = true;
                windowStart = now;
                count = 0;
            }
            count++;
            if (count > allowed) {
                long wait = Math.min(LONGEST_WAIT.toNanos(),
                        Duration.ofSeconds(1).toNanos() << Math.min(20, count - allowed - 1));
                waits = true;
                waitUntil = now + wait;
            }
        }
    }

    private final Cache<String, Failures> clients = Caffeine.newBuilder()
            .expireAfterAccess(LONGEST_WAIT.plus(WINDOW)).maximumSize(100_000).build();
    private final Cache<String, Failures> accounts = Caffeine.newBuilder()
            .expireAfterAccess(LONGEST_WAIT.plus(WINDOW)).maximumSize(100_000).build();
    /** Credentials accepted in the last day, by their hash (never the credentials themselves). */
    private final Cache<String, Boolean> accepted = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofDays(1)).maximumSize(100_000).build();

    /** A sent credential as the throttle sees it: who sends it, the account it names, and a hash of it. */
    public record Attempt(String client, String account, String hash) {

        /** @param account the account key Basic credentials name; null for a Bearer token */
        public static Attempt of(String client, String account, String authorization) {
            return new Attempt(client, account, AccountService.Token.hash(authorization));
        }

        String clientKey() {
            return client + ' ' + (account == null ? "bearer" : account);
        }
    }

    /** How long the attempt must wait before its credentials are checked (empty: check them now). */
    public OptionalLong waitNanos(Attempt attempt, long now) {
        if (accepted.getIfPresent(attempt.hash()) != null) {
            return OptionalLong.empty();
        }
        Failures own = clients.getIfPresent(attempt.clientKey());
        OptionalLong wait = own == null ? OptionalLong.empty() : own.waiting(now);
        if (wait.isPresent() || attempt.account() == null) {
            return wait;
        }
        Failures guessed = accounts.getIfPresent(attempt.account());
        return guessed == null ? OptionalLong.empty() : guessed.waiting(now);
    }

    /** The credentials were refused. */
    public void failed(Attempt attempt, long now) {
        clients.get(attempt.clientKey(), k -> new Failures()).failed(now, CLIENT_FAILURES);
        if (attempt.account() != null) {
            accounts.get(attempt.account(), k -> new Failures()).failed(now, ACCOUNT_FAILURES);
        }
    }

    /** The credentials were accepted: they never wait in the next day, and the client's count for them is cleared. */
    public void succeeded(Attempt attempt) {
        accepted.put(attempt.hash(), Boolean.TRUE);
        clients.invalidate(attempt.clientKey());
    }
}
