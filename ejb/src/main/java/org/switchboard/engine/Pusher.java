package org.switchboard.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.engine.ChannelLogLine;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.engine.EngineExecutor;
import org.switchboard.engine.EngineStats.Count;
import org.switchboard.engine.EngineStats.Step;
import org.switchboard.engine.EngineStats;
import org.switchboard.engine.GroupCommit;
import org.switchboard.net.AddressGuard;
import org.switchboard.engine.Push.State;

/**
 * POSTs stored pushes to customers' URLs, outside any transaction, many at once: JSON with
 * {@code Authorization: Token ...} when a token is given, or Basic credentials taken from the URL, as Junebug does.
 * A 2xx answer marks the push delivered; anything else is tried again after about 1, 2, 4 ... s ({@link Backoff}, at most
 * {@code switchboard.push.max-backoff-seconds}), and after {@code switchboard.push.max-attempts} the push is failed
 * for good, listed for an operator. The address is checked before every attempt, as the sandbox's http resource
 * checks its own ({@code switchboard.push.allowed-networks} lets an operator allow private networks; read on each
 * use, so {@code asadmin set-config-property} applies at once).
 */
@ApplicationScoped
public class Pusher {

    private static final Logger LOG = Logger.getLogger(Pusher.class.getName());

    /** A stored push delivered (SQL, so a group's updates go as one JDBC batch). */
    static final String DELIVERED_SQL = "update push set state = ?, attempts = ?, delivered_at = ?,"
            + " next_attempt_at = null, last_error = null where id = ?";
    /** A stored push's attempt failed: when it is tried next, or (null, failed) never. */
    static final String ATTEMPTED_SQL = "update push set state = ?, attempts = ?, next_attempt_at = ?,"
            + " last_error = ? where id = ?";

    /**
     * One attempt's worth of a push: what is sent, how many attempts it had, and whether it has a row of its own (an
     * event's push has none until its first attempt fails: the event's row stands for it).
     */
    record Job(Push push, int attempts, boolean stored) {

        static Job of(Push push) {
            return new Job(push, push.getAttempts(), true);
        }
    }

    /**
     * How far behind the clock the settled mark stays when nothing is unsettled: an event just made and not yet held
     * (its thread may wait for a core that long on a busy machine). After a crash, the pushes of about that long are
     * sent again, with their event_id.
     */
    private static final Duration SETTLE_SLACK = Duration.ofSeconds(5);

    @Inject
    private ChannelActivity activity;

    @Inject
    @ConfigProperty(name = "switchboard.push.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "switchboard.push.max-backoff-seconds", defaultValue = "300")
    int maxBackoffSeconds;

    /** Junebug's event_url_timeout and mo_message_url_timeout. */
    @Inject
    @ConfigProperty(name = "switchboard.push.timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "switchboard.push.concurrency", defaultValue = "256")
    int concurrency;

    private static final String ALLOWED_NETWORKS = "switchboard.push.allowed-networks";

    @Inject
    private GroupCommit commits;

    @Inject
    private EngineStats stats;

    @Inject
    private EngineExecutor executor;

    /** The guard, made again from the setting at most once a second: an operator's change applies within a second. */
    private final Cache<String, AddressGuard> guards = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(1))
            .build();
    private HttpClient client;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** Pushes without a row that are not delivered yet, with the time of their subject's row. */
    private final Map<String, Instant> unsettled = new ConcurrentHashMap<>();
    private final Queue<Job> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(timeoutSeconds))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor.get())
                .build();
        stats.gauge("pushes_in_flight", inFlight::get);
        stats.gauge("pushes_waiting", () -> waiting.size());
    }

    @PreDestroy
    void stop() {
        waiting.clear();
    }

    /** The guard that checks push URLs, for the APIs to refuse a URL before it is stored. */
    public AddressGuard guard() {
        return guards.get(ALLOWED_NETWORKS, setting -> new AddressGuard(setting,
                ConfigProvider.getConfig().getOptionalValue(setting, String.class).orElse("")));
    }

    /** Starts a stored push (after its commit); a push already on its way here is left alone. */
    public void push(Push push) {
        if (known.add(push.getId())) {
            waiting.add(Job.of(push));
            drain();
        }
    }

    /**
     * Holds a push that is to be sent without a row, before its subject's row (stored at {@code since}) is committed:
     * until it is delivered or stored, {@link #settledBefore()} stays before {@code since}.
     */
    public void expect(String pushId, Instant since) {
        unsettled.put(pushId, since);
    }

    /** Lets go of a push {@link #expect expected} whose subject was not stored after all. */
    public void unexpect(String pushId) {
        unsettled.remove(pushId);
    }

    /**
     * Starts a push whose subject's row stands for it (after that row's commit): it gets a row of its own only if its
     * first attempt fails, so a push delivered at once costs the database nothing.
     */
    public void pushUnstored(Push push) {
        if (known.add(push.getId())) { // one already on its way keeps its hold until it is delivered or stored
            waiting.add(new Job(push, 0, false));
            drain();
        }
    }

    /**
     * A time before which every push without a row was delivered or stored: after a crash, the rows stored since are
     * all that may hold a push still to send.
     */
    public Instant settledBefore() {
        Instant mark = Instant.now().minus(SETTLE_SLACK);
        for (Instant since : unsettled.values()) {
            if (since.isBefore(mark)) {
                mark = since;
            }
        }
        return mark;
    }

    /** Whether a push without a row is still on its way (neither delivered nor stored). */
    public boolean unsettled(String pushId) {
        return unsettled.containsKey(pushId);
    }

    /** Whether the push is on its way here (so a sweep leaves it alone). */
    boolean inHand(String pushId) {
        return known.contains(pushId);
    }

    private void drain() {
        while (inFlight.get() < concurrency) {
            if (inFlight.incrementAndGet() > concurrency) {
                inFlight.decrementAndGet();
                return;
            }
            Job job = waiting.poll();
            if (job == null) {
                inFlight.decrementAndGet();
                return;
            }
            attempt(job);
        }
    }

    private void attempt(Job job) {
        long start = System.nanoTime();
        URI uri;
        try {
            uri = guard().check(job.push().getUrl());
        } catch (IllegalArgumentException refused) {
            // a URL that now resolves to a refused address is not tried again: an operator may replay it
            finish(job, start, "Refused: " + refused.getMessage(), true);
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(withoutUserInfo(uri))
                .timeout(job.push().getTimeoutSeconds() == null
                        ? Duration.ofSeconds(timeoutSeconds)
                        : Duration.ofMillis(Math.round(job.push().getTimeoutSeconds() * 1000)))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(job.push().getBody(), StandardCharsets.UTF_8));
        if (job.push().getSigningSecret() != null) {
            request.header(PushSignatures.HEADER, PushSignatures.sign(job.push().getSigningSecret(),
                    Instant.now().getEpochSecond(), job.push().getBody()));
        }
        String userInfo = uri.getRawUserInfo();
        if (job.push().getAuthToken() != null) {
            request.header("Authorization", "Token " + job.push().getAuthToken());
        } else if (userInfo != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    URLDecoder.decode(userInfo, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete(
                    (response, failure) -> {
                        if (failure != null) {
                            finish(job, start, "Could not be reached: " + rootMessage(failure), false);
                        } else if (response.statusCode() / 100 == 2) {
                            finish(job, start, null, false);
                        } else {
                            finish(job, start, "Answered HTTP " + response.statusCode(), false);
                        }
                    });
        } catch (RuntimeException e) {
            finish(job, start, "Could not be sent: " + rootMessage(e), false);
        }
    }

    private void finish(Job job, long start, String error, boolean forGood) {
        stats.took(Step.PUSH_CALL, System.nanoTime() - start);
        inFlight.decrementAndGet();
        String id = job.push().getId();
        int attempts = job.attempts() + 1;
        if (error == null) {
            stats.count(Count.PUSHES_DELIVERED);
            if (job.stored()) {
                commits.submit(new GroupCommit.Update(DELIVERED_SQL,
                        Arrays.asList(State.DELIVERED, attempts, Instant.now(), id), null), null)
                        .whenComplete((done, failure) -> known.remove(id)); // not stored: a sweep sends it again
            } else {
                unsettled.remove(id);
                known.remove(id);
            }
        } else {
            stats.count(Count.PUSH_ATTEMPTS_FAILED);
            boolean dead = forGood || attempts >= maxAttempts;
            Duration backoff = backoff(attempts);
            Instant next = dead ? null : Instant.now().plus(backoff);
            String reason = error.length() > 1000 ? error.substring(0, 1000) : error;
            LOG.fine(() -> "Push " + id + " attempt " + attempts + ": " + reason);
            State state = dead ? State.FAILED : State.PENDING;
            if (job.stored()) {
                commits.submit(
                        new GroupCommit.Update(ATTEMPTED_SQL, Arrays.asList(state, attempts, next, reason, id), null),
                        () -> failed(job.push(), attempts, dead, backoff, reason)).whenComplete((done, failure) -> {
                            if (failure != null) {
                                known.remove(id); // the row still says pending: a sweep tries it again
                            }
                        });
            } else {
                Push push = job.push();
                push.failedFirst(attempts, state, next, reason);
                commits.submit(em -> em.persist(push), () -> {
                    unsettled.remove(id);
                    failed(push, attempts, dead, backoff, reason);
                }).whenComplete((done, failure) -> {
                    if (failure != null) { // still unsettled, with no row: tried again from here
                        executor.get().schedule(() -> retry(new Job(push, attempts, false)), backoff.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                });
            }
        }
        drain();
    }

    /** After a failed attempt was stored: given up on for good, or tried again after its back-off. */
    private void failed(Push push, int attempts, boolean dead, Duration backoff, String reason) {
        if (push.getKind() == Push.Kind.MESSAGE && push.getChannelId() != null) {
            activity.log(push.getChannelId(), dead ? ChannelLogLine.ERROR : ChannelLogLine.WARNING, "Inbound message "
                    + push.getSubjectId() + " could not be pushed to " + AddressGuard.withoutUserInfo(push.getUrl())
                    + " (attempt " + attempts + "): " + reason + (dead
                            ? "; given up, an operator may replay it"
                            : "; tried again in " + backoff.toSeconds() + " s"),
                    null);
        }
        if (dead) {
            stats.count(Count.PUSHES_DEAD);
            LOG.warning(() -> "Push " + push.getId() + " failed for good after " + attempts + " attempts: " + reason);
            known.remove(push.getId());
        } else {
            executor.get().schedule(() -> retry(new Job(push, attempts, true)), backoff.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void retry(Job job) {
        waiting.add(job);
        drain();
    }

    /** 1 s after the first failed attempt, doubling, at most {@code switchboard.push.max-backoff-seconds}. */
    Duration backoff(int attempts) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(maxBackoffSeconds)).after(attempts);
    }

    private static URI withoutUserInfo(URI uri) {
        return uri.getRawUserInfo() == null ? uri : URI.create(AddressGuard.withoutUserInfo(uri.toString()));
    }

    private static String rootMessage(Throwable failure) {
        return Failures.describe(failure);
    }
}
