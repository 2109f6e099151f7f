package org.switchboard.engine;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The engine's counters since start and what each step costs, for {@code GET /api/admin/engine} and the benchmark:
 * counts of messages, events and pushes at each stage, and per step the number of runs and their total time.
 */
@ApplicationScoped
public class EngineStats {

    /** What the engine counts. */
    public enum Count {
        OUTBOUND_ACCEPTED, INBOUND_ACCEPTED, VENDOR_SENT, VENDOR_ACCEPTED, VENDOR_REJECTED, VENDOR_RETRIED, EVENTS_STORED, PUSHES_DELIVERED, PUSH_ATTEMPTS_FAILED, PUSHES_DEAD, INBOUND_ROUTED, RECOVERED, SANDBOX_INVOCATIONS, SANDBOX_FAILED, SANDBOX_LIMITS_EXCEEDED, SANDBOX_ABANDONED, SANDBOX_BUSY
    }

    /** The steps whose time is measured. */
    public enum Step {
        COMMIT, CHECKPOINT, VENDOR_CALL, PUSH_CALL, ROUTE
    }

    private final Map<Count, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<Step, LongAdder[]> steps = new ConcurrentHashMap<>();
    private final LongAdder committedWrites = new LongAdder();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    public void count(Count count) {
        counts.computeIfAbsent(count, c -> new LongAdder()).increment();
    }

    public void countBy(Count count, long n) {
        counts.computeIfAbsent(count, c -> new LongAdder()).add(n);
    }

    public void took(Step step, long nanos) {
        LongAdder[] pair = steps.computeIfAbsent(step, s -> new LongAdder[]{new LongAdder(), new LongAdder()});
        pair[0].increment();
        pair[1].add(nanos);
    }

    /** A group of writes committed in one transaction. */
    void committed(int writes, long nanos) {
        committedWrites.add(writes);
        took(Step.COMMIT, nanos);
    }

    /** A figure read when the stats are shown (a backlog, say). */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    public long get(Count count) {
        LongAdder adder = counts.get(count);
        return adder == null ? 0 : adder.sum();
    }

    public JsonObject toJson() {
        JsonObjectBuilder countJson = JSON.createObjectBuilder();
        for (Count count : Count.values()) {
            countJson.add(count.name().toLowerCase(), get(count));
        }
        JsonObjectBuilder stepJson = JSON.createObjectBuilder();
        steps.forEach((step, pair) -> {
            long runs = pair[0].sum();
            stepJson.add(step.name().toLowerCase(), JSON.createObjectBuilder()
                    .add("runs", runs)
                    .add("mean_ms", runs == 0 ? 0 : pair[1].sum() / 1e6 / runs));
        });
        long commits = steps.containsKey(Step.COMMIT) ? steps.get(Step.COMMIT)[0].sum() : 0;
        JsonObjectBuilder gaugeJson = JSON.createObjectBuilder();
        gauges.forEach((name, value) -> gaugeJson.add(name, value.getAsLong()));
        return JSON.createObjectBuilder()
                .add("counts", countJson)
                .add("steps", stepJson)
                .add("writes_per_commit", commits == 0 ? 0 : (double) committedWrites.sum() / commits)
                .add("gauges", gaugeJson)
                .build();
    }
}
