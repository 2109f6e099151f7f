package org.switchboard.sandbox.graal;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * Sandbox invocations per second and latency percentiles, in isolation (the adapter's sandbox with an in-memory
 * platform), for a one-line echo app and the toolkit's menu example, next to the original design: a Node.js process
 * per message. Run with {@code config/bin/switchboard bench}; it is a measurement, not a test.
 */
public final class SandboxBenchmark {

    private static final String ECHO = "api.on_inbound_message = function (cmd) { api.request('outbound.reply_to', "
            + "{content: cmd.msg.content, in_reply_to: cmd.msg.message_id}, function () { api.done(); }); };";

    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = Runtime.getRuntime().availableProcessors();
        Timer timer = new Timer("watchdog", true);
        JsSandbox sandbox = new JsSandbox(timer, threads, 64);
        try {
            System.out.printf("Sandbox benchmark: %d threads, %d s per run, JDK %s%n%n", threads, seconds,
                    System.getProperty("java.version"));
            Result echo = measure(sandbox, AppCode.script("echo", ECHO), threads, seconds);
            Result menu = measure(sandbox, Toolkit.simple(), threads, seconds);
            Result cold = measureCold(sandbox, Toolkit.simple(), Math.max(3, seconds / 2));
            double node = nodePerMessageMillis();
            double nodeRate = node > 0 ? 1000.0 / node * threads : 7.0 * threads;
            String nodeSource = node > 0
                    ? String.format("measured here: %.0f ms per message", node)
                    : "node not found; the reference figure of 150 ms per message";
            System.out.printf("%-44s %10s %8s %8s %8s%n", "", "per second", "p50 ms", "p90 ms", "p99 ms");
            echo.print("echo app, warm context");
            menu.print("toolkit menu app, warm context");
            cold.print("toolkit menu app, fresh context (1 thread)");
            System.out.printf("%-44s %10.1f   (%s)%n", "original design: node process per message", nodeRate,
                    nodeSource);
            System.out.printf("%nToolkit menu app: %.0fx the original design's rate (target 100x), p99 %.1f ms "
                    + "(target < 50 ms)%n", menu.rate / nodeRate, menu.p99);
        } finally {
            sandbox.close();
            timer.cancel();
        }
    }

    record Result(double rate, double p50, double p90, double p99) {
        void print(String name) {
            System.out.printf("%-44s %10.1f %8.2f %8.2f %8.2f%n", name, rate, p50, p90, p99);
        }

        static Result of(List<Long> nanos, double seconds) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(sorted.length / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99));
        }

        private static double pct(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
        }
    }

    /** Many users walking the menu at once: a new session, then a choice, against one shared kv store. */
    private static Result measure(JsSandbox sandbox, AppCode app, int threads, int seconds) throws Exception {
        Map<String, JsonValue> kv = new ConcurrentHashMap<>();
        run(sandbox, app, kv, threads, Math.max(2, seconds / 2), new ArrayList<>()); // warm-up
        List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        run(sandbox, app, kv, threads, seconds, nanos);
        return Result.of(nanos, (System.nanoTime() - start) / 1e9);
    }

    private static void run(JsSandbox sandbox, AppCode app, Map<String, JsonValue> kv, int threads, int seconds,
            List<Long> nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String user = "+2783" + thread + String.format("%06d", i / 2);
                    String command = i % 2 == 0 ? Toolkit.ussd(user, "new", null) : Toolkit.ussd(user, "resume", "1");
                    long t0 = System.nanoTime();
                    InvocationResult result = invoke(sandbox, app, command, kv);
                    nanos.add(System.nanoTime() - t0);
                    if (result.outcome() != Outcome.DONE) {
                        throw new IllegalStateException(result.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    /** A fresh context for every message, as a new process per message had to load everything again. */
    private static Result measureCold(JsSandbox sandbox, AppCode app, int seconds) {
        Map<String, JsonValue> kv = new HashMap<>();
        List<Long> nanos = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; System.nanoTime() < end; i++) {
            AppCode fresh = new AppCode(app.version() + "-cold-" + i, app.main(), app.files());
            long t0 = System.nanoTime();
            invoke(sandbox, fresh, Toolkit.ussd("+27839999999", "new", null), kv);
            nanos.add(System.nanoTime() - t0);
        }
        return Result.of(nanos, (System.nanoTime() - start) / 1e9);
    }

    private static InvocationResult invoke(JsSandbox sandbox, AppCode app, String command, Map<String, JsonValue> kv) {
        TestHost host = new TestHost(kv);
        host.config.put("config", "{\"name\": \"bench\"}");
        return sandbox.run(new Invocation("bench", app, command, host), Limits.defaults());
    }

    /**
     * The original design's cost: a Node.js process per message that loads vumigo_v02 and the app, handles the
     * message against an in-process fake api, and exits. Answers the mean milliseconds per message, or -1 without node.
     */
    private static double nodePerMessageMillis() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sandbox-bench-node");
        Path modules = dir.resolve("node_modules");
        Map<String, String> files = Toolkit.platformFiles();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = modules.resolve(file.getKey().substring("node_modules/".length()));
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        Path script = dir.resolve("per-message.js");
        Files.writeString(script,
                """
                                var api = {
                                  request: function (cmd, msg, cb) {
                                    var reply = {success: true, cmd: cmd};
                                    if (cmd === 'config.get') { reply.value = msg.key === 'config' ? '{"name":"bench"}' : null; }
                                    if (cmd === 'kv.get') { reply.value = null; }
                                    setImmediate(function () { if (cb) cb(reply); });
                                  },
                                  done: function () { process.exit(0); }
                                };
                                ['info', 'debug', 'warning', 'error'].forEach(function (l) { api['log_' + l] = function (m, cb) { api.request('log.' + l, {msg: m}, cb); }; });
                                var vm = require('vm');
                                var code = require('fs').readFileSync(process.argv[2], 'utf8');
                                var appRequire = require('module').createRequire(process.argv[2]);
                        var ctx = vm.createContext({api: api, require: appRequire, setImmediate: setImmediate, setTimeout: setTimeout, console: console});
                                vm.runInContext(code, ctx, {filename: process.argv[2]});
                                api.on_inbound_message({cmd: 'inbound-message', msg: {message_id: '1', content: null,
                                  from_addr: '+27831234567', to_addr: '*120#', session_event: 'new', transport_type: 'ussd',
                                  helper_metadata: {}}});
                                """);
        Path app = dir.resolve("node_modules/vumigo_v02/examples/simple/lib/app.js");
        try {
            int runs = 10;
            long total = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Process process = new ProcessBuilder("node", script.toString(), app.toString())
                        .redirectErrorStream(true).start();
                byte[] out = process.getInputStream().readAllBytes();
                if (process.waitFor() != 0) {
                    System.out.println("node failed: " + new String(out, StandardCharsets.UTF_8));
                    return -1;
                }
                long took = System.nanoTime() - t0;
                total += took;
            }
            return total / (double) runs / 1e6;
        } catch (IOException e) {
            return -1;
        }
    }
}
