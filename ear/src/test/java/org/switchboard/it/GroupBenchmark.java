package org.switchboard.it;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Throughput of the deployment group with both instances and with one, in one run on the running group: Junebug sends
 * with an event_url through the balancer, spread over several channels (each channel's lane is one instance's), first
 * with the two instances, then with i2 stopped. For each it prints accepted/s, sent to the vendor/s and pushed/s summed
 * over the live instances, and the CPU each part of the platform used per accepted message (read from /proc through
 * {@link ProcessHandle}), from which it works out what a second machine for the second instance would allow if CPU is
 * what limits. Run by {@code config/bin/switchboard bench group}; a measurement, not a test.
 */
public final class GroupBenchmark {

    private static final int CHANNELS = 8;
    /** The kernel's clock ticks a second, the unit of /proc/stat: asked once. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private final int seconds;
    private final int connections;
    private final Path runtime;
    private final Group group;
    private final Path work;
    private final EngineBenchmark.Receiver events;

    private GroupBenchmark(int seconds, int connections) throws IOException {
        this.seconds = seconds;
        this.connections = connections;
        this.runtime = Path.of(System.getProperty("switchboard.runtime", "runtime"));
        this.group = Group.fromSystemProperties();
        this.work = Files.createTempDirectory("switchboard-bench");
        this.events = new EngineBenchmark.Receiver();
    }

    /** {@code GroupBenchmark [SECONDS] [CONNECTIONS]}: SECONDS (60) of load per phase over CONNECTIONS (32). */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        if (!Wrk.onPath("wrk")) {
            System.out.println("The benchmark drives load with wrk: apt-get install wrk");
            System.exit(2);
        }
        if (Group.instancePorts().size() != 2) {
            System.out.println("The group benchmark needs a running group of two instances"
                    + " (SWITCHBOARD_INSTANCES=2 SWITCHBOARD_DB=postgresql config/bin/switchboard start)");
            System.exit(2);
        }
        try {
            new GroupBenchmark(seconds, connections).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace(System.out);
            System.exit(1); // the receiver's threads would keep exec:java waiting
        }
        System.exit(0);
    }

    /** What one phase measured. */
    private record Phase(String name, double accepted, double vendor, double pushed, double p50, double p99,
            double drain, long refused, Map<String, Double> cpuMsPerMessage, double machineBusy,
            Map<String, Long> acceptedBy) {
    }

    private void run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("The group on %s: i1 and i2 (HTTP %s), %d cores; wrk -t2 -c%d -d%ds per phase over %d"
                + " channels%n%n", Platform.BASE, group.ports(), cores, connections, seconds, CHANNELS);
        Platform.TestAccount account = Platform.account("group-bench-" + Instant.now().getEpochSecond());
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < CHANNELS; i++) {
            channels.add(account.createChannel("{\"vendor\":\"fake\",\"address\":\"20" + i
                    + "\",\"max_in_flight\":200}"));
        }
        List<String> targets = channels.stream().map(channel -> "/channels/" + channel + "/messages").toList();
        String body = "{\"to\":\"+2783%07d\",\"content\":\"hello\",\"event_url\":\"" + events.url() + "\"}";
        String ready = body.replace("%07d", "1234567");
        for (int k = 0; k < group.size(); k++) { // each instance serves the changed setting after its config cache
            String base = group.base(k);
            Platform.eventually(Duration.ofSeconds(120), () -> Platform.requestAt(base, "POST", targets.get(0),
                    account.basic(), ready).status(), status -> status == 201,
                    Group.name(k) + " to let pushes reach the receiver on 127.0.0.1");
        }
        int warm = Math.max(5, Math.min(20, seconds / 3));
        measure("(warm-up, not counted)", List.of(0, 1), targets, account, body, warm);
        System.out.println("the channels' lanes: " + lanes(channels));
        List<Phase> phases = new ArrayList<>();
        phases.add(measure("2 instances", List.of(0, 1), targets, account, body, seconds));
        System.out.println("Stopping i2 (asadmin stop-instance: its lanes are let go at once)");
        group.stop(1);
        try {
            Platform.sleep(3000); // the balancer's health check marks it down (inter 1s, fall 2)
            phases.add(measure("1 instance (i2 stopped)", List.of(0), targets, account, body, seconds));
        } finally {
            System.out.println("Starting i2 again");
            group.start(1);
        }
        report(phases, cores);
        events.close();
    }

    /** How many of the channels' lanes each instance holds. */
    private Map<String, Long> lanes(List<String> channels) {
        Map<String, Long> held = new LinkedHashMap<>();
        for (int k = 0; k < group.size(); k++) {
            held.put(Group.name(k), group.leases(k).stream().filter(l -> channels.contains(l.replace("channel:", "")))
                    .count());
        }
        return held;
    }

    private Phase measure(String name, List<Integer> live, List<String> targets, Platform.TestAccount account,
            String body, int duration) throws Exception {
        Map<Integer, JsonObject> before = engines(live);
        Map<String, Duration> cpuBefore = cpu(live);
        long busyBefore = machineBusyTicks();
        long start = System.nanoTime();
        Wrk.Load load = Wrk.run(work, connections, targets, "POST", account.basic(), body, duration);
        double drain = drain(live, before);
        double window = (System.nanoTime() - start) / 1e9;
        Map<String, Duration> cpuAfter = cpu(live);
        double busy = (machineBusyTicks() - busyBefore) / (double) TICKS_PER_SECOND;
        Map<Integer, JsonObject> after = engines(live);
        long accepted = sum(before, after, "outbound_accepted");
        Map<String, Double> perMessage = new LinkedHashMap<>();
        double parts = 0;
        for (Map.Entry<String, Duration> part : cpuAfter.entrySet()) {
            double ms = part.getValue().minus(cpuBefore.getOrDefault(part.getKey(), Duration.ZERO)).toNanos() / 1e6;
            parts += ms;
            perMessage.put(part.getKey(), ms / Math.max(1, accepted));
        }
        perMessage.put("load and the rest", Math.max(0, busy * 1000 - parts) / Math.max(1, accepted));
        Map<String, Long> by = new LinkedHashMap<>();
        live.forEach(k -> by.put(Group.name(k), EngineBenchmark.delta(before.get(k), after.get(k),
                "outbound_accepted")));
        Phase phase = new Phase(name, accepted / (double) duration, sum(before, after, "vendor_accepted") / window,
                sum(before, after, "pushes_delivered") / window, load.p50(), load.p99(), drain, load.refused(),
                perMessage, busy / window, by);
        System.out.printf("%-26s accepted %6.0f/s  vendor %6.0f/s  pushed %6.0f/s  p50 %6.1f ms  p99 %7.1f ms"
                + "  drain %5.1f s  (accepted by %s)%n", name, phase.accepted, phase.vendor, phase.pushed, phase.p50,
                phase.p99, phase.drain, by);
        if (load.refused() > 0) {
            System.out.printf("%-26s %d requests refused, the first: %s%n", "", load.refused(),
                    load.firstRefusal());
        }
        return phase;
    }

    private void report(List<Phase> phases, int cores) {
        Phase two = phases.get(0);
        Phase one = phases.get(1);
        System.out.printf("%n%-26s %14s %14s%n", "", two.name, one.name);
        System.out.printf("%-26s %14.0f %14.0f   2 / 1 = %.2f%n", "accepted sends/s", two.accepted, one.accepted,
                two.accepted / one.accepted);
        System.out.printf("%-26s %14.0f %14.0f%n", "pushed events/s", two.pushed, one.pushed);
        System.out.printf("%-26s %14.1f %14.1f%n", "p99 accept latency, ms", two.p99, one.p99);
        System.out.printf("%-26s %13.0f%% %13.0f%%   (CPU time over wall time, all %d cores)%n", "machine busy",
                100 * two.machineBusy / cores, 100 * one.machineBusy / cores, cores);
        System.out.println("CPU ms per accepted message:");
        for (String part : two.cpuMsPerMessage.keySet()) {
            System.out.printf("  %-24s %14.3f %14s%n", part, two.cpuMsPerMessage.get(part),
                    Optional.ofNullable(one.cpuMsPerMessage.get(part)).map(v -> String.format("%.3f", v))
                            .orElse("-"));
        }
        // if CPU is the limit: the shared parts (database, brokers, balancer, DAS, search node) stay on one machine
        // with i1; i2 gets its own machine of the same cores; the load comes from elsewhere. Two bounds: the group's
        // costs as measured here (two JVMs on these cores, messages forwarded between them), and one instance's costs
        // (no second JVM competing, nothing forwarded)
        System.out.printf("%nIf CPU is the limit, the load from elsewhere and the shared parts (database, brokers,"
                + " balancer, DAS, search node) on the first machine:%n");
        System.out.printf("  %-40s %12s %12s %18s%n", "with the costs per message of", "instances ms", "shared ms",
                "i2 on its own machine");
        for (Phase phase : phases) {
            double instances = phase.cpuMsPerMessage.entrySet().stream().filter(e -> e.getKey().matches("i\\d"))
                    .mapToDouble(Map.Entry::getValue).sum();
            double shared = phase.cpuMsPerMessage.entrySet().stream()
                    .filter(e -> !e.getKey().matches("i\\d") && !e.getKey().equals("load and the rest"))
                    .mapToDouble(Map.Entry::getValue).sum();
            double capacity = cores * 1000.0;
            double firstMachine = capacity / (instances / 2 + shared);
            double secondMachine = capacity / (instances / 2);
            System.out.printf("  %-40s %12.3f %12.3f %14.0f/s%n", "the phase '" + phase.name + "'", instances, shared,
                    Math.min(firstMachine, secondMachine));
        }
    }

    /** Each live instance's engine counters, from the instance itself. */
    private Map<Integer, JsonObject> engines(List<Integer> live) {
        Map<Integer, JsonObject> engines = new LinkedHashMap<>();
        for (int k : live) {
            Platform.Answer answer = Platform.requestAt(group.base(k), "GET", "/api/admin/engine", Platform.ADMIN,
                    null);
            if (answer.status() != 200) {
                throw new IllegalStateException(Group.name(k) + " GET /api/admin/engine: " + answer);
            }
            engines.put(k, answer.json());
        }
        return engines;
    }

    private static long sum(Map<Integer, JsonObject> before, Map<Integer, JsonObject> after, String count) {
        return before.keySet().stream().mapToLong(k -> EngineBenchmark.delta(before.get(k), after.get(k), count))
                .sum();
    }

    /** Waits until the live instances pushed an event for every message they accepted (at most 120 s). */
    private double drain(List<Integer> live, Map<Integer, JsonObject> before) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(120).toNanos()) {
            Map<Integer, JsonObject> now = engines(live);
            if (sum(before, now, "pushes_delivered") >= sum(before, now, "outbound_accepted")) {
                break;
            }
            Platform.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** CPU time so far of each part of the platform: its process and the processes it started. */
    private Map<String, Duration> cpu(List<Integer> live) throws IOException {
        Map<String, Duration> parts = new LinkedHashMap<>();
        for (int k : live) {
            parts.put(Group.name(k), tree(group.pid(k)));
        }
        Path payara = runtime.resolve("payara6/glassfish");
        parts.put("DAS", pidIn(payara.resolve("domains/switchboard/config/pid")).map(GroupBenchmark::tree)
                .orElse(Duration.ZERO));
        parts.put("brokers", Stream.of("broker", "broker-backup")
                .map(b -> pidIn(runtime.resolve(b).resolve("switchboard.pid")).map(GroupBenchmark::tree)
                        .orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus));
        parts.put("PostgreSQL", pidIn(runtime.resolve("postgres/postmaster.pid")).map(GroupBenchmark::tree)
                .orElse(Duration.ZERO));
        parts.put("HAProxy", pidIn(runtime.resolve("haproxy/haproxy.pid")).map(GroupBenchmark::tree)
                .orElse(Duration.ZERO));
        parts.put("search node", pidIn(runtime.resolve("search/node.pid")).map(GroupBenchmark::tree)
                .orElse(Duration.ZERO));
        return parts;
    }

    /** The first line of a pid file, when there is one. */
    private static Optional<Long> pidIn(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }

    private static Duration tree(long pid) {
        return ProcessHandle.of(pid).map(process -> Stream.concat(Stream.of(process), process.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)).orElse(Duration.ZERO);
    }

    /** The machine's CPU time spent busy (not idle, not waiting on I/O), from /proc/stat, in clock ticks. */
    private static long machineBusyTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Long.parseLong(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }
}
