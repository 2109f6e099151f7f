package org.switchboard.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages per second and latency percentiles through the whole path on a running platform: the fake vendor takes
 * an inbound USSD message, it is stored and queued, the MDB runs the app in the sandbox, and the reply goes out
 * through the outbound queue to the vendor. Latency is from the inbound POST until the vendor holds the reply. Run by
 * {@code config/bin/switchboard bench} against the started platform; a measurement, not a test.
 */
public final class PathBenchmark {

    private static final String ECHO = "api.on_inbound_message = function (cmd) { api.request('outbound.reply_to', "
            + "{content: cmd.msg.content, in_reply_to: cmd.msg.message_id}, function () { api.done(); }); };";
    /** What the original design did per message on this machine: about 150 ms for a toolkit app. */
    private static final double NODE_MILLIS = 150;

    private PathBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int senders = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Platform.TestAccount account = Platform.account("bench-" + Instant.now().getEpochSecond());
        String echo = account.createConversation("{\"type\":\"jsbox\",\"name\":\"echo\",\"javascript\":"
                + Platform.quote(ECHO) + "}");
        String menu = account.createConversation("{\"type\":\"jsbox\",\"name\":\"menu\",\"bundle\":"
                + Platform.quote(Base64.getEncoder().encodeToString(Platform.toolkitBundle()))
                + ",\"main\":\"examples/simple/lib/app.js\",\"config\":{\"config\":{\"name\":\"bench\"}}}");
        System.out.printf("Whole path on %s: %d messages per app, %d senders at once%n%n", Platform.BASE, messages,
                senders);
        System.out.printf("%-44s %10s %8s %8s %8s%n", "", "per second", "p50 ms", "p90 ms", "p99 ms");
        int cores = Runtime.getRuntime().availableProcessors();
        double nodeRate = 1000 / NODE_MILLIS * cores;
        double menuRate = 0;
        for (Map.Entry<String, String> app : List.of(Map.entry("echo app", echo),
                Map.entry("toolkit menu app", menu))) {
            String channel = account.createChannel("{\"vendor\":\"fake\",\"address\":\"*" + app.getKey().length()
                    + "#\",\"transport_type\":\"ussd\",\"conversation_id\":\"" + app.getValue() + "\"}");
            run(account, channel, "+2760", Math.max(20, messages / 10), senders); // warm-up
            double[] result = run(account, channel, "+2761", messages, senders);
            System.out.printf("%-44s %10.1f %8.1f %8.1f %8.1f%n", app.getKey() + ", inbound -> sandbox -> outbound",
                    result[0], result[1], result[2], result[3]);
            if (app.getValue().equals(menu)) {
                menuRate = result[0];
            }
        }
        System.out.printf("%-44s %10.1f   (%.0f ms per message, %d cores)%n",
                "original design: node process per message", nodeRate, NODE_MILLIS, cores);
        System.out.printf("%nToolkit menu app through the whole path: %.1fx the original design's rate%n",
                menuRate / nodeRate);
    }

    /** Sends messages from new numbers and waits for every reply; answers rate, p50, p90, p99. */
    private static double[] run(Platform.TestAccount account, String channel, String prefix, int messages,
            int senders) throws Exception {
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        Instant start = Instant.now();
        for (int s = 0; s < senders; s++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    String phone = prefix + String.format("%07d", i) + start.getEpochSecond() % 1000;
                    sent.put(phone, Instant.now());
                    Platform.Answer answer = account.post("/api/fake/channels/" + channel + "/inbound",
                            "{\"from\":\"" + phone + "\",\"content\":\"\",\"session_event\":\"new\"}");
                    if (answer.status() != 201) {
                        throw new IllegalStateException("The platform refused a message: " + answer);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        List<JsonObject> replies = Platform.eventually(Duration.ofMinutes(5), () -> account.get(
                "/api/fake/channels/" + channel + "/outbox").json().getJsonArray("messages").stream()
                .map(JsonValue::asJsonObject)
                .filter(m -> sent.containsKey(m.getString("to", "")))
                .toList(), list -> list.size() >= messages, messages + " replies");
        List<Long> millis = new ArrayList<>();
        Instant last = start;
        for (JsonObject reply : replies) {
            Instant at = Instant.parse(reply.getString("received_at"));
            millis.add(Duration.between(sent.get(reply.getString("to")), at).toMillis());
            last = at.isAfter(last) ? at : last;
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = Duration.between(start, last).toMillis() / 1000.0;
        return new double[]{messages / seconds, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99)};
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}
