package org.switchboard.sandbox.graal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * Runs invocations on one shared GraalJS engine (so parsed code is cached across contexts) in constrained contexts: no
 * host classes, no IO, no threads, no {@code Polyglot}. A context serves one app only; it stays warm between that
 * app's invocations, with the modules it required loaded, until it breaks a limit, fails, or has served its share.
 * A watchdog patrols the running invocations for time and memory.
 */
final class JsSandbox implements AutoCloseable {

    private static final long PATROL_MILLIS = 10;
    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final Engine engine;
    private final Source prelude;
    private final Modules modules;
    private final ContextPool pool;
    private final Semaphore slots;
    private final int concurrentInvocations;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final TimerTask patrol;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(JsSandbox.class.getName());

    JsSandbox(Timer timer, int concurrentInvocations, int warmContexts) {
        engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        prelude = Source.newBuilder("js", resource("prelude.js"), "sandbox-prelude.js").buildLiteral();
        modules = new Modules();
        pool = new ContextPool(warmContexts);
        pool.close(); // loads what closing needs now: the server may stop the adapter after closing its class loader
        this.concurrentInvocations = concurrentInvocations;
        slots = new Semaphore(concurrentInvocations, true);
        patrol = new TimerTask() {
            @Override
            public void run() {
                patrol();
            }
        };
        timer.scheduleAtFixedRate(patrol, PATROL_MILLIS, PATROL_MILLIS);
    }

    InvocationResult run(Invocation invocation, Limits limits) {
        try {
            if (!slots.tryAcquire(limits.wallClockMillis(), TimeUnit.MILLISECONDS)) {
                return report(invocation, new InvocationResult(Outcome.LIMIT_EXCEEDED, "The sandbox is busy: "
                        + concurrentInvocations + " invocations were running for " + limits.wallClockMillis() + " ms"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationResult(Outcome.FAILED, "Interrupted while waiting for the sandbox");
        }
        try {
            return report(invocation, runWarm(invocation, limits));
        } finally {
            slots.release();
        }
    }

    private InvocationResult runWarm(Invocation invocation, Limits limits) {
        String key = invocation.sandboxId() + '\u0000' + invocation.app().version();
        WarmContext warm = pool.take(key);
        if (warm == null) {
            warm = new WarmContext(key, invocation.app(), limits);
        }
        Run run = new Run(invocation, limits, warm.context);
        InvocationResult result;
        running.add(run);
        try {
            result = warm.run(run);
        } catch (PolyglotException e) {
            result = failure(e, run);
        } finally {
            running.remove(run);
        }
        boolean healthy = result.outcome() == Outcome.DONE || result.outcome() == Outcome.IDLE;
        if (healthy && ++warm.uses < limits.invocationsPerContext()) {
            pool.give(warm);
        } else {
            warm.close();
        }
        return result;
    }

    /** Ends the invocations that ran out of time or memory, or broke a rule while the app caught the error. */
    private void patrol() {
        for (Run run : running) {
            if (run.problem() == null) {
                if (System.nanoTime() > run.deadline) {
                    run.exceeded("Wall-clock time limit of " + run.limits.wallClockMillis() + " ms exceeded");
                } else if (THREADS != null
                        && run.appAllocatedBytes(THREADS.getThreadAllocatedBytes(run.thread.getId())) > run.limits
                                .allocatedBytes()) {
                    run.exceeded("Memory limit exceeded: the invocation allocated more than "
                            + (run.limits.allocatedBytes() >> 20) + " MiB");
                }
            }
            if (run.problem() != null) {
                run.cancel();
            }
        }
    }

    private static InvocationResult failure(PolyglotException e, Run run) {
        if (run.problem() != null) {
            return run.ended();
        }
        if (e.isResourceExhausted()) {
            return new InvocationResult(Outcome.LIMIT_EXCEEDED,
                    "Statement limit of " + run.limits.statementLimit() + " exceeded");
        }
        if (e.isCancelled()) {
            return new InvocationResult(Outcome.LIMIT_EXCEEDED, "The invocation was cancelled");
        }
        if (e.isHostException() && e.asHostException() instanceof Modules.ForbiddenModuleException forbidden) {
            return new InvocationResult(Outcome.FAILED, forbidden.getMessage());
        }
        return new InvocationResult(Outcome.FAILED, "Error in app: " + e.getMessage() + where(e));
    }

    /** Where the error was thrown, as {@code (lib/app.js:12:5)}; the platform's modules show as node_modules/... */
    private static String where(PolyglotException e) {
        var section = e.getSourceLocation();
        if (section == null || section.getSource() == null) {
            return "";
        }
        String name = section.getSource().getName();
        for (String root : new String[]{Modules.APP + "/", Modules.PLATFORM + "/"}) {
            if (name.startsWith(root)) {
                name = name.substring(root.length());
            }
        }
        return " (" + name + ":" + section.getStartLine() + ":" + section.getStartColumn() + ")";
    }

    private static InvocationResult report(Invocation invocation, InvocationResult result) {
        if (result.reason() != null) {
            invocation.host().log("ERROR", "Sandbox ended the invocation: " + result.reason());
        }
        return result;
    }

    @Override
    public void close() {
        patrol.cancel();
        try {
            pool.close();
            engine.close(true);
        } catch (LinkageError e) {
            // the server may stop the adapter after it closed the application's class loader
            LOG.warning("Sandbox contexts not closed cleanly at shutdown: " + e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = JsSandbox.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            threads.setThreadAllocatedMemoryEnabled(true);
            return threads;
        }
        return null;
    }

    static long allocatedBytes() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    /** A context made for one app, with the prelude's loop functions. */
    final class WarmContext {
        final String key;
        final Context context;
        final ContextHost host;
        int uses;
        long lastUsed = System.nanoTime();

        WarmContext(String key, AppCode app, Limits limits) {
            this.key = key;
            context = Context.newBuilder("js")
                    .engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream())
                    .resourceLimits(ResourceLimits.newBuilder().statementLimit(limits.statementLimit(), null).build())
                    .build();
            host = new ContextHost(context, modules, app);
            try {
                host.loop = context.eval(prelude).execute(host.asGuest());
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        InvocationResult run(Run run) {
            host.current = run;
            try {
                context.resetLimits();
                host.loop.getMember("invoke").execute(Modules.mainPath(run.invocation.app()), run.invocation.command());
                var step = host.loop.getMember("step");
                while (run.problem() == null) {
                    double next = step.execute().asDouble();
                    if (next < 0) {
                        break;
                    }
                    if (next > 0) {
                        run.sleep((long) Math.ceil(next));
                    }
                }
                if (run.problem() != null) {
                    return run.ended();
                }
                return run.done ? InvocationResult.done() : new InvocationResult(Outcome.IDLE, null);
            } finally {
                host.current = null;
                lastUsed = System.nanoTime();
            }
        }

        void close() {
            try {
                context.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // already closed by the watchdog or by a resource limit
            }
        }
    }
}
