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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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
 * app's invocations, with the modules it required loaded, until it breaks a limit, fails, has served its share, or has
 * allocated more than a warm context may keep (what it holds is never more than what it allocated).
 * <p>
 * App code runs on the sandbox's own guest threads, never on the caller's: the caller answers the app's commands (in
 * its own transaction) and waits no longer than the invocation's time and a grace period. A watchdog patrols the
 * running invocations for time and memory and never waits for app code: it asks a reaper thread to cancel the context,
 * then, if the app keeps running (JavaScript that catches its own stack overflow can swallow the cancellation), stops
 * the guest thread. A guest thread that outlives even that (a {@code finally} block that recurses runs again for every
 * exception that unwinds it) is abandoned and counted: its slot is freed at once, and the thread is demoted to the
 * operating system's idle scheduling class, so that it only gets a core that nothing else wants. Before that, an
 * invocation that runs longer than {@link #LOWER_AFTER_NANOS} is lowered to the lowest normal priority, so that short
 * invocations (other tenants' among them) are not slowed by long ones.
 */
final class JsSandbox implements AutoCloseable {

    private static final long PATROL_MILLIS = 10;
    /** How long an invocation waits for a free slot before the caller is told to try again later. */
    static final long SLOT_WAIT_MILLIS = 60_000;
    /** How long the caller waits past the invocation's time for the app to stop. */
    static final long GRACE_MILLIS = 1_000;
    /** How long a cancelled context may go on before its guest thread is stopped. */
    private static final long STOP_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long STOP_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** How long an invocation runs at normal priority before it yields to shorter ones. */
    static final long LOWER_AFTER_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Stack of a guest thread: it bounds how deep an app can recurse. */
    static final long GUEST_STACK_BYTES = 2L << 20;
    private static final com.sun.management.ThreadMXBean THREADS = threads();
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(JsSandbox.class.getName());

    private final Engine engine;
    private final Source prelude;
    private final Modules modules;
    private final ContextPool pool;
    private final Semaphore slots;
    private final int concurrentInvocations;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService guests;
    private final ExecutorService reaper;
    private final AtomicLong abandonedTotal = new AtomicLong();
    private final TimerTask patrol;
    private final HeapGuard heapGuard;
    private volatile boolean canStopThreads = true;

    /** Share of the heap that, retained after a collection, counts as pressure. */
    static final int PRESSURE_HEAP_PERCENT = 75;

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
        guests = Executors.newCachedThreadPool(GuestThreads.factory("sandbox-guest", GUEST_STACK_BYTES));
        reaper = Executors.newCachedThreadPool(GuestThreads.factory("sandbox-reaper", 0));
        patrol = new TimerTask() {
            @Override
            public void run() {
                patrol();
            }
        };
        timer.scheduleAtFixedRate(patrol, PATROL_MILLIS, PATROL_MILLIS);
        heapGuard = new HeapGuard(PRESSURE_HEAP_PERCENT, this::relievePressure);
    }

    /**
     * The heap retains more than it should after a collection: the warm contexts (caches of loaded apps) are dropped,
     * and the running invocation that allocated the most is ended.
     */
    private void relievePressure() {
        int warm = pool.size();
        pool.close();
        Run biggest = running.stream()
                .filter(run -> run.problem() == null && run.appAllocatedBytes() > run.limits.allocatedBytes() / 4)
                .max(java.util.Comparator.comparingLong(Run::appAllocatedBytes)).orElse(null);
        if (biggest != null) {
            biggest.exceeded("Memory limit exceeded: the server's heap was over " + PRESSURE_HEAP_PERCENT
                    + " % full after a collection, and this invocation had allocated the most ("
                    + (biggest.appAllocatedBytes() >> 20) + " MiB)");
        }
        LOG.warning(() -> "Heap over " + PRESSURE_HEAP_PERCENT + " % after a collection: dropped " + warm
                + " warm sandbox contexts" + (biggest == null
                        ? ""
                        : " and ended " + biggest.invocation.sandboxId()
                                + "'s invocation"));
    }

    InvocationResult run(Invocation invocation, Limits limits) {
        try {
            // waiting for a slot is the platform's time, not the app's: a backlog is worked through in order (the
            // semaphore is fair); only a sandbox stuck for a minute sends the work back to be tried again
            if (!slots.tryAcquire(SLOT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return new InvocationResult(Outcome.BUSY, "The sandbox is busy: all " + concurrentInvocations
                        + " invocations were running for " + SLOT_WAIT_MILLIS / 1000 + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new InvocationResult(Outcome.FAILED, "Interrupted while waiting for the sandbox");
        }
        Run run = new Run(invocation, limits);
        InvocationResult result;
        try {
            running.add(run);
            guests.execute(() -> guest(run));
            result = run.serve(GRACE_MILLIS);
        } catch (RejectedExecutionException e) {
            running.remove(run);
            result = new InvocationResult(Outcome.FAILED, "The sandbox is stopping");
        } finally {
            slots.release();
        }
        if (run.abandoned) {
            long total = abandonedTotal.incrementAndGet();
            GuestThreads.demote(run.thread);
            LOG.severe(() -> "Sandbox abandoned a context of " + invocation.sandboxId() + " that would not stop ("
                    + run.problem() + "); " + abandoned() + " abandoned contexts still run, " + total
                    + " abandoned since start");
        }
        return report(invocation, result);
    }

    /** Contexts abandoned because they would not stop, whose guest threads still run. */
    int abandoned() {
        return (int) running.stream().filter(run -> run.abandoned).count();
    }

    /** Contexts abandoned since the sandbox started. */
    long abandonedTotal() {
        return abandonedTotal.get();
    }

    /** The guest thread's side of an invocation: a warm context of the app runs it. */
    private void guest(Run run) {
        String key = run.invocation.sandboxId() + '\u0000' + run.invocation.app().version();
        WarmContext warm = null;
        InvocationResult result;
        try {
            run.started(null);
            warm = pool.take(key);
            if (warm == null) {
                warm = new WarmContext(key, run.invocation.app(), run.limits);
            }
            // making the context (the engine's first context, the prelude) is the platform's work, not the app's
            run.started(warm.context);
            result = warm.run(run);
        } catch (PolyglotException e) {
            result = failure(e, run);
        } catch (ThreadDeath e) {
            // the watchdog stopped this thread: the app would not end when its context was cancelled
            result = run.problem() != null ? run.ended() : new InvocationResult(Outcome.LIMIT_EXCEEDED, "Stopped");
        } catch (RuntimeException e) {
            result = run.problem() != null
                    ? run.ended()
                    : new InvocationResult(Outcome.FAILED, "The sandbox failed: " + e);
        } finally {
            running.remove(run);
        }
        if (warm != null) {
            // a context can hold no more than it allocated: it is charged all its invocations allocated (parsing
            // excluded), kept warm while one context's charge stays within a quarter of the warm contexts' share of
            // the heap, and the pool evicts the least recently used while their charges together exceed that share
            warm.charge += run.appAllocatedBytes();
            boolean healthy = result.outcome() == Outcome.DONE || result.outcome() == Outcome.IDLE
                    || result.outcome() == Outcome.NOT_LISTENING;
            boolean small = warm.charge <= run.limits.retainedBytes() / 4;
            if (healthy && small && !run.abandoned && ++warm.uses < run.limits.invocationsPerContext()) {
                pool.give(warm, run.limits.retainedBytes());
            } else {
                warm.close();
            }
        }
        run.finished(result);
        if (run.abandoned || run.lowered) {
            throw new GuestThreads.Retired(); // a lowered or demoted thread serves no one again
        }
    }

    /** Ends the invocations that ran out of time or memory, or broke a rule while the app caught the error. */
    private void patrol() {
        long now = System.nanoTime();
        for (Run run : running) {
            if (run.thread == null) {
                continue;
            }
            if (run.problem() == null) {
                if (run.outOfTime(now)) {
                    run.exceeded("Wall-clock time limit of " + run.limits.wallClockMillis() + " ms exceeded");
                } else if (run.appAllocatedBytes() > run.limits.allocatedBytes()) {
                    run.exceeded("Memory limit exceeded: the invocation allocated more than "
                            + (run.limits.allocatedBytes() >> 20) + " MiB");
                }
            }
            if (run.problem() != null) {
                stop(run, now);
            } else if (!run.lowered && run.appNanos(now) > LOWER_AFTER_NANOS) {
                run.lowered = true;
                GuestThreads.lower(run.thread);
            }
        }
    }

    /**
     * Stops an invocation without waiting for it: a reaper thread cancels its context; if the app still runs a while
     * later, its guest thread is stopped (while it runs app code, never while the platform answers it).
     */
    private void stop(Run run, long now) {
        Context context = run.context;
        if (run.cancelledAt == 0) {
            run.cancelledAt = now;
        }
        if (context != null && !run.closeRequested) {
            run.closeRequested = true;
            reaper.execute(() -> closeQuietly(context));
        } else if (canStopThreads && now - run.cancelledAt > STOP_AFTER_NANOS && now - run.lastStop > STOP_EVERY_NANOS
                && run.inGuest && !run.inHost) {
            run.lastStop = now;
            try {
                stopThread(run.thread);
            } catch (UnsupportedOperationException e) {
                canStopThreads = false;
                LOG.warning("This JDK cannot stop threads: a context that will not end is abandoned, not stopped");
            }
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread thread) {
        thread.stop();
    }

    private static void closeQuietly(Context context) {
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            // closed already
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
        heapGuard.close();
        long now = System.nanoTime();
        for (Run run : running) {
            run.exceeded("The sandbox is stopping");
            stop(run, now);
        }
        guests.shutdown();
        try {
            pool.close();
            if (!running.isEmpty()) {
                // closing the engine would wait for them, holding the lock the JVM's shutdown needs: leave it open
                LOG.warning(() -> "Sandbox engine left open at shutdown: " + running.size()
                        + " contexts would not end");
                return;
            }
            Future<?> closed = reaper.submit(() -> engine.close(true));
            closed.get(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (LinkageError | ExecutionException | TimeoutException e) {
            // the server may stop the adapter after it closed the application's class loader
            LOG.warning("Sandbox engine not closed cleanly at shutdown: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reaper.shutdown();
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

    static long allocatedBytes(Thread thread) {
        return THREADS == null ? 0 : THREADS.getThreadAllocatedBytes(thread.getId());
    }

    /** A context made for one app, with the prelude's loop functions. */
    final class WarmContext {
        final String key;
        final Context context;
        final ContextHost host;
        int uses;
        /** Bytes its invocations allocated since it was made (parsing excluded): it cannot hold more. */
        long charge;
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
            run.inGuest = true;
            try {
                context.resetLimits();
                boolean listens = host.loop.getMember("invoke").execute(Modules.mainPath(run.invocation.app()),
                        run.invocation.command(), run.limits.queuedJobs()).asBoolean();
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
                if (!listens) {
                    return new InvocationResult(Outcome.NOT_LISTENING, null);
                }
                return run.done ? InvocationResult.done() : new InvocationResult(Outcome.IDLE, null);
            } finally {
                run.inGuest = false;
                host.current = null;
                lastUsed = System.nanoTime();
            }
        }

        void close() {
            closeQuietly(context);
        }
    }
}
