package org.switchboard.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chaos test: Junebug sends under load while Payara or the broker is killed with SIGKILL at random moments and
 * started again; then every message that got a 201 must have reached the fake vendor, duplicates at the vendor are
 * counted (at most the messages in flight at each kill), and every message's event must have reached its event_url
 * with one stable {@code event_id}. {@code config/bin/switchboard chaos} runs it on the started platform; ChaosIT runs
 * a short one in the suite.
 */
public final class Chaos {

    /**
     * How the run goes: messages to have accepted, the kills ("p" Payara, "b" broker, in order), senders at once; with
     * several instances (a deployment group behind a balancer) their HTTP ports, none for one domain.
     */
    record Settings(int messages, String kills, int senders, Path runtime, int brokerPort,
            List<Integer> instancePorts) {

        Settings(int messages, String kills, int senders, Path runtime, int brokerPort) {
            this(messages, kills, senders, runtime, brokerPort, List.of());
        }

        boolean group() {
            return instancePorts.size() > 1;
        }
    }

    /** What the run found. */
    record Outcome(int accepted, int payaraKills, int brokerKills, int atVendor, int duplicates, int duplicateBound,
            int missingAtVendor, int withoutEvent, int unstableEventIds, long eventPushes, int unconfirmedAtVendor,
            Duration took, List<String> takeovers) {

        boolean passed() {
            return missingAtVendor == 0 && withoutEvent == 0 && unstableEventIds == 0 && duplicates <= duplicateBound;
        }

        String report() {
            return String.format(
                    """
                            accepted (201)                      %6d
                            kills                               %6d (Payara %d, broker %d)
                            reached the vendor                  %6d   missing: %d
                            duplicates at the vendor            %6d   (bound: %d, the channel's max_in_flight per Payara kill)
                            sent without a 201 (reached vendor) %6d   (requests cut by a kill; not accepted, not counted)
                            event pushes received               %6d   messages without an event: %d, with more than one event_id: %d
                            took                                %6d s
                            %s""",
                    accepted, payaraKills + brokerKills, payaraKills, brokerKills, atVendor, missingAtVendor,
                    duplicates, duplicateBound, unconfirmedAtVendor, eventPushes, withoutEvent, unstableEventIds,
                    took.toSeconds(), (takeovers.isEmpty()
                            ? ""
                            : "lane takeovers (kill to the lease held"
                                    + " elsewhere): " + String.join(", ", takeovers) + "\n")
                            + (passed() ? "PASSED" : "FAILED"));
        }
    }

    private static final int MAX_IN_FLIGHT = 100;

    private final Settings settings;
    private final Random random = new Random();
    private final Path broker;
    /** With several instances: how long each takeover of the channel's lane took, after a kill of its holder. */
    private final List<String> takeovers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String channel;
    private final String run = Long.toString(Instant.now().getEpochSecond(), 36);
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> eventIds = new ConcurrentHashMap<>();
    private final AtomicLong eventPushes = new AtomicLong();
    private volatile boolean loading = true;
    /**
     * How long each sender waits between sends: none, but with several instances while a killed one starts again
     * (minutes on 2 cores), when full speed through the other would make a run of ten kills hundreds of thousands of
     * messages long. Kills and takeovers still happen at full speed.
     */
    private volatile long pause;
    private static final long RESTART_PAUSE_MILLIS = 3000;

    private Chaos(Settings settings) {
        this.settings = settings;
        this.broker = settings.runtime().resolve("broker");
    }

    /**
     * {@code Chaos MESSAGES KILLS [SEED]}: accepts MESSAGES sends while killing Payara or the broker KILLS times, chosen
     * at random; prints the counts and exits 1 if a check failed.
     */
    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        Random random = new Random(seed);
        StringBuilder plan = new StringBuilder();
        for (int i = 0; i < kills; i++) {
            plan.append(random.nextBoolean() ? 'p' : 'b');
        }
        System.out.printf("Chaos: %d messages, kills %s (p Payara, b broker; seed %d)%n", messages, plan, seed);
        List<Integer> instances = Group.instancePorts();
        if (instances.size() > 1) {
            System.out.printf("  on %d instances (HTTP %s) behind the balancer; p kills an instance (by turns the"
                    + " channel's lane holder and the other), b the live broker%n", instances.size(), instances);
        }
        try {
            Outcome outcome = run(new Settings(messages, plan.toString(), 16,
                    Path.of(System.getProperty("switchboard.runtime")), Integer.getInteger("it.broker.port", 61616),
                    instances));
            System.out.println(outcome.report());
            System.exit(outcome.passed() ? 0 : 1);
        } catch (Exception | AssertionError e) {
            // said and ended here: exec:java would otherwise wait, silent, for the event receiver's threads
            System.out.println("The chaos run could not go on: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    static Outcome run(Settings settings) throws Exception {
        return new Chaos(settings).go();
    }

    private Outcome go() throws Exception {
        long start = System.nanoTime();
        HttpServer receiver = receiver();
        ExecutorService senders = Executors.newFixedThreadPool(settings.senders());
        try {
            Platform.TestAccount account = Platform.account("chaos-" + run);
            channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"+15550009999\"}");
            String eventUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
            AtomicInteger sequence = new AtomicInteger();
            for (int i = 0; i < settings.senders(); i++) {
                senders.execute(() -> send(account, channel, eventUrl, sequence));
            }
            int payara = 0;
            int brokers = 0;
            String kills = settings.kills();
            for (int i = 0; i < kills.length(); i++) {
                int at = (int) ((long) settings.messages() * (i + 1) / (kills.length() + 1));
                waitFor(() -> accepted.size() >= at, Duration.ofMinutes(10), at + " accepted messages");
                Platform.sleep(random.nextInt(2000)); // a random moment of the load
                System.out.printf("  kill %d/%d (%s) at %d accepted%n", i + 1, kills.length(),
                        kills.charAt(i) == 'p' ? "Payara" : "broker", accepted.size());
                if (kills.charAt(i) == 'p') {
                    if (settings.group()) {
                        killInstance(payara % 2 == 0);
                    } else {
                        killPayara();
                    }
                    payara++;
                } else {
                    if (settings.group()) {
                        killLiveBroker();
                    } else {
                        killBroker();
                    }
                    brokers++;
                }
            }
            waitFor(() -> accepted.size() >= settings.messages(), Duration.ofMinutes(10),
                    settings.messages() + " accepted messages");
            loading = false;
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
            return count(account, channel, payara, brokers, start);
        } finally {
            loading = false;
            senders.shutdownNow();
            receiver.stop(0);
        }
    }

    private void send(Platform.TestAccount account, String channel, String eventUrl, AtomicInteger sequence) {
        while (loading) { // until every kill is done and enough were accepted: kills happen under load
            int n = sequence.incrementAndGet();
            Platform.Answer answer = account.post("/channels/" + channel + "/messages",
                    "{\"to\":\"+2783" + String.format("%07d", n % 10_000_000) + "\",\"content\":\"chaos " + run + " "
                            + n + "\",\"event_url\":" + Platform.quote(eventUrl) + "}");
            if (answer.status() == 201) {
                accepted.add(answer.json().getJsonObject("result").getString("message_id"));
            } else {
                Platform.sleep(200); // down, or starting: not accepted, try another message
            }
            if (pause > 0) {
                Platform.sleep(pause);
            }
        }
    }

    private Outcome count(Platform.TestAccount account, String channel, int payara, int brokers, long start) {
        // drained: every accepted message at the vendor and its event at the receiver, or ten minutes passed
        Map<String, Integer> atVendor = new HashMap<>();
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < end) {
            atVendor = outbox(account, channel);
            if (atVendor.keySet().containsAll(accepted) && eventIds.keySet().containsAll(accepted)) {
                break;
            }
            Platform.sleep(2000);
        }
        Platform.sleep(10_000); // time for a late duplicate push or send to show up
        atVendor = outbox(account, channel);
        int duplicates = 0;
        int reached = 0;
        int unconfirmed = 0;
        for (Map.Entry<String, Integer> sent : atVendor.entrySet()) {
            duplicates += sent.getValue() - 1;
            if (accepted.contains(sent.getKey())) {
                reached++;
            } else {
                unconfirmed++;
            }
        }
        int withoutEvent = 0;
        int unstable = 0;
        for (String id : accepted) {
            Set<String> events = eventIds.getOrDefault(id, Set.of());
            if (events.isEmpty() && withoutEvent < 20) {
                System.out.println("  no event pushed for message " + id); // to look for in the logs and tables
            }
            withoutEvent += events.isEmpty() ? 1 : 0;
            unstable += events.size() > 1 ? 1 : 0;
        }
        return new Outcome(accepted.size(), payara, brokers, reached, duplicates, payara * MAX_IN_FLIGHT,
                accepted.size() - reached, withoutEvent, unstable, eventPushes.get(), unconfirmed,
                Duration.ofNanos(System.nanoTime() - start), List.copyOf(takeovers));
    }

    /** The fake vendor's outbox on the channel: how many times it was sent each message id. */
    private static Map<String, Integer> outbox(Platform.TestAccount account, String channel) {
        Map<String, Integer> sent = new HashMap<>();
        Platform.Answer answer = account.get("/api/fake/channels/" + channel + "/outbox");
        if (answer.status() == 200) {
            for (JsonValue message : answer.json().getJsonArray("messages")) {
                sent.merge(message.asJsonObject().getString("message_id"), 1, Integer::sum);
            }
        }
        return sent;
    }

    /** The event_url: notes each message's event ids. */
    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/events", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                JsonObject event = Json.createReader(in).readObject();
                eventIds.computeIfAbsent(event.getString("message_id"), id -> ConcurrentHashMap.newKeySet())
                        .add(event.getString("event_id"));
                eventPushes.incrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private void killPayara() throws Exception {
        killPayara(settings.runtime());
        startPayara(settings.runtime());
    }

    /** Kills the test domain's Payara with SIGKILL and waits until it is gone. */
    static void killPayara(Path runtime) throws Exception {
        Path domain = runtime.resolve("payara6/glassfish/domains/switchboard");
        kill(Long.parseLong(Files.readString(domain.resolve("config/pid")).trim()), "Payara");
    }

    /** Starts the domain again and waits until the application answers. */
    static void startPayara(Path runtime) throws Exception {
        Process start = new ProcessBuilder("bash", runtime.resolve("payara6/bin/asadmin").toString(),
                "start-domain", "switchboard")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (start.waitFor() != 0) {
            throw new IllegalStateException("asadmin start-domain failed");
        }
        waitFor(() -> Platform.request("GET", "/channels/x/messages/y", null, null).status() == 401,
                Duration.ofMinutes(5), "the application to answer after the restart");
    }

    /**
     * Kills one instance of the group with SIGKILL (the holder of the channel's lane, or the other), times how long the
     * lane takes to be held by a live instance again, starts the instance again and waits until it is ready.
     */
    private void killInstance(boolean laneHolder) throws Exception {
        Group group = new Group(settings.runtime(), Integer.getInteger("it.admin.port", 8048),
                settings.instancePorts());
        String lane = "channel:" + channel;
        int holder = group.holder(lane);
        int victim = holder < 0 ? random.nextInt(group.size()) : laneHolder ? holder : (holder + 1) % group.size();
        long killed = System.nanoTime();
        group.kill(victim);
        if (victim == holder) {
            group.awaitHeldBesides(lane, victim, Duration.ofMinutes(2));
            String took = String.format("%.1f s", (System.nanoTime() - killed) / 1e9);
            takeovers.add(took);
            System.out.printf("    the channel's lane moved off %s in %s%n", Group.name(victim), took);
        }
        pause = RESTART_PAUSE_MILLIS;
        try {
            group.start(victim);
        } finally {
            pause = 0;
        }
    }

    /**
     * Kills the active broker of the live/backup pair with SIGKILL (the backup takes over from the shared store), and
     * starts it again, waiting on the store's lock; the pair fails back to it when it is the live one.
     */
    private void killLiveBroker() throws Exception {
        Path live = settings.runtime().resolve("broker");
        Path backup = settings.runtime().resolve("broker-backup");
        Path active = listening(settings.brokerPort()) ? live : backup;
        int otherPort = active == live ? settings.brokerPort() + 1 : settings.brokerPort();
        kill(Long.parseLong(Files.readString(active.resolve("switchboard.pid")).trim()), "the active broker");
        waitFor(() -> listening(otherPort), Duration.ofMinutes(2), "the other broker to take over");
        startBroker(active);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Starts a broker as config/bin/switchboard does, detached, its pid where the script looks for it. */
    private static void startBroker(Path broker) throws Exception {
        Process start = new ProcessBuilder("bash", "-c", "nohup \"$0/bin/artemis\" run >>\"$0/log/console.log\" 2>&1 &"
                + " echo $! >\"$0/switchboard.pid\"", broker.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (start.waitFor() != 0) {
            throw new IllegalStateException("the broker did not start");
        }
    }

    private void killBroker() throws Exception {
        Path pidFile = broker.resolve("switchboard.pid");
        kill(Long.parseLong(Files.readString(pidFile).trim()), "the broker");
        startBroker(broker);
        waitFor(() -> listening(settings.brokerPort()), Duration.ofMinutes(2), "the broker to listen");
    }

    static void kill(long pid, String what) throws Exception {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "No process " + pid + " for " + what));
        new ProcessBuilder("kill", "-9", Long.toString(pid)).inheritIO().start().waitFor();
        waitFor(() -> !process.isAlive(), Duration.ofSeconds(30), what + " to die");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
        Platform.eventually(timeout, condition::getAsBoolean, Boolean::booleanValue, what);
    }
}
