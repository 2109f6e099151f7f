package org.switchboard.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message engine measured from outside on the running platform, side by side with Kannel when Debian's kannel
 * and kannel-extras are installed: the same wrk load on Switchboard's Junebug API and on Kannel's sendsms (bearerbox
 * with its store file, fakesmsc as the SMSC). Per scenario it prints accepted/s, delivered to the vendor/s, events
 * stored/s and pushed/s, p50/p99 accept latency and how long the backlog took to drain after the load stopped. Run by
 * {@code config/bin/switchboard bench}; a measurement, not a test.
 */
public final class EngineBenchmark {

    private static final String ECHO = "api.on_inbound_message = function (cmd) { api.request('outbound.reply_to', "
            + "{content: cmd.msg.content, in_reply_to: cmd.msg.message_id}, function () { api.done(); }); };";

    private final int seconds;
    private final int connections;
    private final Path work;
    private final Receiver events = new Receiver();
    private double switchboardRate;

    private EngineBenchmark(int seconds, int connections) throws IOException {
        this.seconds = seconds;
        this.connections = connections;
        this.work = Files.createTempDirectory("switchboard-bench");
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        if (!Wrk.onPath("wrk")) {
            System.out.println("The benchmark drives load with wrk: apt-get install wrk (and kannel kannel-extras to"
                    + " compare with Kannel)");
            System.exit(2);
        }
        new EngineBenchmark(seconds, connections).run();
        System.exit(0); // the receiver's threads would keep exec:java waiting
    }

    private void run() throws Exception {
        System.out.printf("Message engine on %s: wrk -t2 -c%d -d%ds per scenario, %d cores%n%n", Platform.BASE,
                connections, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("%-34s %9s %9s %9s %9s %7s %7s %8s%n", "scenario", "accepted/s", "vendor/s", "events/s",
                "pushed/s", "p50 ms", "p99 ms", "drain s");
        Platform.TestAccount account = Platform.account("bench-" + Instant.now().getEpochSecond());
        String fast = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1001\",\"max_in_flight\":200}");
        awaitLoopbackPushes(account, fast);
        warmUp(account, fast);
        sends("Junebug sends", account, fast, true);
        String slow = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1002\",\"max_in_flight\":2000,"
                + "\"settings\":{\"latency_ms\":200}}");
        sends("Junebug sends, vendor answers in 200 ms", account, slow, false);
        String echo = account.createConversation("{\"type\":\"jsbox\",\"name\":\"echo\",\"javascript\":"
                + Platform.quote(ECHO) + "}");
        String phone = account.createChannel("{\"vendor\":\"fake\",\"address\":\"*120#\",\"transport_type\":\"ussd\","
                + "\"conversation_id\":\"" + echo + "\",\"max_in_flight\":200}");
        rateLimited(account);
        kannel(); // before the echo scenario, whose backlog may still be draining after it
        inboundEcho(account, phone);
        events.close();
    }

    /**
     * Waits until sends may name the receiver's loopback event_url: the run script allows 127.0.0.1 for pushes just
     * before, and Payara's MicroProfile Config serves a changed domain setting only after its cache (about 30 s)
     * expires. Sends refused meanwhile would be counted as refusals (a first run on a fresh platform once was).
     */
    private void awaitLoopbackPushes(Platform.TestAccount account, String channel) {
        String body = "{\"to\":\"+27831234567\",\"content\":\"ready?\",\"event_url\":\"" + events.url() + "\"}";
        Platform.eventually(Duration.ofSeconds(120), () -> account.post("/channels/" + channel + "/messages", body)
                .status(), status -> status == 201, "the platform to let pushes reach the receiver on 127.0.0.1");
    }

    /** Sends for a while, not counted: the server's JIT compiles the path first (as Kannel's C needs not). */
    private void warmUp(Platform.TestAccount account, String channel) throws Exception {
        int warm = Math.max(5, Math.min(20, seconds / 3));
        String body = "{\"to\":\"+27831234567\",\"content\":\"warm\",\"event_url\":\"" + events.url() + "\"}";
        JsonObject before = engine();
        wrk("/channels/" + channel + "/messages", "POST", account.basic(), body, warm);
        drain(before, "pushes_delivered", "outbound_accepted");
        System.out.printf("(warm-up: %d s of Junebug sends first, not counted)%n", warm);
    }

    /** Junebug POSTs with an event_url for the whole load, then waits for every event to be pushed. */
    private void sends(String name, Platform.TestAccount account, String channel, boolean reference)
            throws Exception {
        String body = "{\"to\":\"+27831234567\",\"content\":\"hello\",\"event_url\":\"" + events.url() + "\"}";
        JsonObject before = engine();
        Wrk.Load load = wrk("/channels/" + channel + "/messages", "POST", account.basic(), body, seconds);
        Drain drain = drain(before, "pushes_delivered", "outbound_accepted");
        JsonObject after = engine();
        print(name, load, before, after, drain, "vendor_accepted");
        if (reference) {
            switchboardRate = delta(before, after, "outbound_accepted") / (double) seconds;
        }
    }

    /** A phone's message → the echo app in the sandbox → its reply at the fake vendor. */
    private void inboundEcho(Platform.TestAccount account, String channel) throws Exception {
        JsonObject before = engine();
        Wrk.Load load = wrk("/api/fake/channels/" + channel + "/inbound", "POST", account.basic(),
                "{\"from\":\"+2782%07d\",\"content\":\"hi\",\"session_event\":\"new\"}", seconds);
        // the app answers slower than phones send: the backlog is worked through (up to 15 minutes), not dropped
        Drain drain = drain(before, "vendor_accepted", "inbound_accepted", Duration.ofMinutes(15));
        JsonObject after = engine();
        print("inbound -> echo app -> reply", load, before, after, drain, "vendor_accepted");
        long inbound = delta(before, after, "inbound_accepted");
        long replies = account.get("/api/fake/channels/" + channel + "/outbox").json().getJsonArray("messages")
                .size(); // the echo channel's own, whatever else the vendor was sent meanwhile
        System.out.printf("%-34s %d inbound, %d replies (%s); %d invocations, %d limits exceeded, %d abandoned,"
                + " %d failed, %d sent back for want of a slot%n", "echo app after the drain", inbound, replies,
                replies == inbound ? "every one answered once" : (inbound - replies) + " unanswered",
                delta(before, after, "sandbox_invocations"), delta(before, after, "sandbox_limits_exceeded"),
                delta(before, after, "sandbox_abandoned"), delta(before, after, "sandbox_failed"),
                delta(before, after, "sandbox_busy"));
    }

    /** 150 messages on a channel limited to 10/s: the spacing of their arrival at the fake vendor. */
    private void rateLimited(Platform.TestAccount account) {
        String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"1010\",\"rate_per_second\":10}");
        int count = 150;
        for (int i = 0; i < count; i++) {
            Platform.Answer answer = account.post("/channels/" + channel + "/messages",
                    "{\"to\":\"+27831234567\",\"content\":\"paced " + i + "\"}");
            if (answer.status() != 201) {
                throw new IllegalStateException("Send refused: " + answer);
            }
        }
        List<Instant> arrivals = Platform.eventually(Duration.ofSeconds(count / 10 + 30), () -> arrivals(account,
                channel), list -> list.size() >= count, "the paced messages to arrive");
        double span = Duration.between(arrivals.get(0), arrivals.get(count - 1)).toNanos() / 1e9;
        double rate = (count - 1) / span;
        System.out.printf("%-34s %9s %9.2f   (%d messages over %.2f s; the channel's rate is 10/s)%n",
                "channel limited to 10 msg/s", "", rate, count, span);
    }

    private static List<Instant> arrivals(Platform.TestAccount account, String channel) {
        return account.get("/api/fake/channels/" + channel + "/outbox").json().getJsonArray("messages").stream()
                .map(m -> Instant.parse(m.asJsonObject().getString("received_at")))
                .sorted()
                .toList();
    }

    /** Kannel 1.4's sendsms → bearerbox (store file on) → fakesmsc, under the same wrk load. */
    private void kannel() throws Exception {
        Path bearerbox = Path.of("/usr/sbin/bearerbox");
        Path smsbox = Path.of("/usr/sbin/smsbox");
        Path fakesmsc = Path.of("/usr/lib/kannel/test/fakesmsc");
        if (!Files.isExecutable(bearerbox) || !Files.isExecutable(smsbox) || !Files.isExecutable(fakesmsc)) {
            System.out.println("\nKannel is not installed (apt-get install kannel kannel-extras): no side-by-side"
                    + " figure");
            return;
        }
        Path conf = work.resolve("kannel.conf");
        String text = new String(EngineBenchmark.class.getResourceAsStream("/bench/kannel.conf").readAllBytes(),
                StandardCharsets.UTF_8).replace("@STORE@", work.resolve("kannel.store").toString());
        Files.writeString(conf, text);
        List<Process> boxes = new ArrayList<>();
        try {
            boxes.add(start(work.resolve("bearerbox.log"), bearerbox.toString(), conf.toString()));
            Platform.sleep(1000);
            boxes.add(start(work.resolve("smsbox.log"), smsbox.toString(), conf.toString()));
            Path smsc = work.resolve("fakesmsc.log");
            boxes.add(start(smsc, fakesmsc.toString(), "-H", "127.0.0.1", "-r", "13010", "-m", "0", "1 2 text x"));
            Platform.sleep(3000);
            String url = "http://127.0.0.1:13013/cgi-bin/sendsms?username=bench&password=bench&to=27831234567"
                    + "&from=1234&text=hello";
            Wrk.Load load = wrk(url, "GET", null, null, seconds);
            long start = System.nanoTime();
            long delivered = Platform.eventually(Duration.ofSeconds(120), () -> gotMessages(smsc),
                    n -> n >= load.accepted(), "fakesmsc to get Kannel's messages");
            double drain = (System.nanoTime() - start) / 1e9;
            double rate = load.accepted() / (double) seconds;
            System.out.printf("%-34s %9.0f %9.0f %9s %9s %7.1f %7.1f %8.1f%n", "Kannel: sendsms -> fakesmsc", rate,
                    delivered / (seconds + drain), "-", "-", load.p50(), load.p99(), drain);
            System.out.printf("%nSwitchboard / Kannel, accepted sends a second: %.0f / %.0f = %.3f%n",
                    switchboardRate, rate, switchboardRate / rate);
        } finally {
            boxes.forEach(Process::destroy);
        }
    }

    /** How many messages fakesmsc logged it got. */
    static long gotMessages(Path log) {
        try {
            String text = Files.readString(log);
            int at = text.lastIndexOf("Got message ");
            if (at < 0) {
                return 0;
            }
            Matcher m = Pattern.compile("Got message (\\d+)").matcher(text.substring(at));
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static Process start(Path log, String... command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private Wrk.Load wrk(String target, String method, String auth, String body, int duration) throws Exception {
        return Wrk.run(work, connections, List.of(target), method, auth, body, duration);
    }

    private record Drain(double seconds, boolean complete) {
    }

    /** Waits until the engine's count {@code done} caught up with {@code of} since {@code before} (at most 120 s). */
    private static Drain drain(JsonObject before, String done, String of) {
        return drain(before, done, of, Duration.ofSeconds(120));
    }

    private static Drain drain(JsonObject before, String done, String of, Duration most) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < most.toNanos()) {
            JsonObject now = engine();
            if (delta(before, now, done) >= delta(before, now, of)) {
                return new Drain((System.nanoTime() - start) / 1e9, true);
            }
            Platform.sleep(100);
        }
        return new Drain(most.toSeconds(), false);
    }

    private void print(String name, Wrk.Load load, JsonObject before, JsonObject after, Drain drain, String delivered) {
        double accepted = (delta(before, after, "outbound_accepted") + delta(before, after, "inbound_accepted"))
                / (double) seconds;
        double window = seconds + drain.seconds;
        System.out.printf("%-34s %9.0f %9.0f %9.0f %9.0f %7.1f %7.1f %7.1f%s%n", name, accepted,
                delta(before, after, delivered) / window, delta(before, after, "events_stored") / window,
                delta(before, after, "pushes_delivered") / window, load.p50(), load.p99(), drain.seconds,
                drain.complete ? "" : "+ (not drained)");
        if (load.refused() > 0) {
            System.out.printf("%-34s %d requests refused, the first: %s%n", "", load.refused(), load.firstRefusal());
        }
        JsonObject steps = after.getJsonObject("steps");
        StringBuilder costs = new StringBuilder();
        steps.forEach((step, value) -> costs.append(String.format(" %s %.2f ms;", step,
                value.asJsonObject().getJsonNumber("mean_ms").doubleValue())));
        System.out.printf("%-34s mean cost:%s %.1f writes per commit%n", "", costs,
                after.getJsonNumber("writes_per_commit").doubleValue());
    }

    static long delta(JsonObject before, JsonObject after, String count) {
        return after.getJsonObject("counts").getJsonNumber(count).longValue()
                - before.getJsonObject("counts").getJsonNumber(count).longValue();
    }

    private static JsonObject engine() {
        Platform.Answer answer = Platform.request("GET", "/api/admin/engine", Platform.ADMIN, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /api/admin/engine: " + answer);
        }
        return answer.json();
    }

    /** The event_url: answers 200 and counts the distinct events it was pushed. */
    static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final AtomicLong posts = new AtomicLong();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/events", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonObject event = Json.createReader(in).readObject();
                    ids.add(event.getString("event_id", ""));
                    posts.incrementAndGet();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        @Override
        public void close() {
            server.stop(0);
            System.out.printf("%nEvent receiver: %d pushes, %d distinct event_id%n", posts.get(), ids.size());
        }
    }
}
