package org.switchboard.sandbox.graal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * One invocation in progress: its limits, what it has used, and why it must end, if it must. The app runs on a guest
 * thread of the sandbox; the platform's side (its commands, its log) runs on the caller's thread, in the caller's
 * transaction, which hands each command over through {@link #inbox} and never waits for the guest longer than the
 * app's own time and a grace period: time the app waits for the platform (its context being made, the answers to its
 * commands, a commit) is not counted.
 */
final class Run {

    /** How often the caller, waiting for the guest thread, looks at the app's clock. */
    private static final long SERVE_POLL_MILLIS = 20;

    final Invocation invocation;
    final Limits limits;
    /** The app's time limit, in nanoseconds of its own running (see {@link #appNanos(long)}). */
    private final long limitNanos;
    /** Nanoseconds the app's code ran up to {@link #runningSince}, written on the guest thread only. */
    private volatile long ranNanos;
    /** Since when the app's code runs (System.nanoTime), or -1 while it waits for the platform or has not begun. */
    private volatile long runningSince = -1;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

    /** The guest thread running the app, once it started. */
    volatile Thread thread;
    /** The context the app runs in, once it has one. */
    volatile Context context;
    private volatile long startBytes;
    /** Bytes allocated parsing the app's modules: the platform's work (the code is shared), not the app's data. */
    private volatile long parseBytes;
    private volatile long parseSince = -1;
    /** The guest thread runs the app's code (and may be stopped if it will not end). */
    volatile boolean inGuest;
    /** The watchdog asked a reaper to close the context. */
    volatile boolean closeRequested;
    /** The guest thread waits for the platform to answer a command. */
    volatile boolean inHost;
    /** When the watchdog first asked the context to stop (System.nanoTime), 0 before. */
    volatile long cancelledAt;
    volatile long lastStop;
    /** The guest thread was lowered to the lowest priority for running long. */
    volatile boolean lowered;
    /** The caller stopped waiting: whatever the guest thread does now is thrown away. */
    volatile boolean abandoned;

    /** The app broke a rule (unknown command, forbidden module): it is stopped even if it catches the error. */
    volatile String failure;
    /** A limit ended the invocation. */
    volatile String limit;
    volatile boolean done;
    int logLines;
    long outputBytes;

    /** A command of the app waiting for the platform's answer. */
    private record Command(String json, CompletableFuture<String> answer) {
    }

    /** The guest thread has finished, with this result. */
    private record Finished(InvocationResult result) {
    }

    Run(Invocation invocation, Limits limits) {
        this.invocation = invocation;
        this.limits = limits;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limits.wallClockMillis());
    }

    /**
     * The app's time: how long its own code has run on its guest thread. Time it waits for the platform is not the
     * app's: for a slot, for its context to be made, for the answer to a command (a commit among them).
     */
    long appNanos(long now) {
        long since = runningSince;
        return ranNanos + (since >= 0 ? Math.max(0, now - since) : 0);
    }

    /** Whether the app has used up its time. */
    boolean outOfTime(long now) {
        return appNanos(now) > limitNanos;
    }

    private void pauseClock() {
        long since = runningSince;
        if (since >= 0) {
            ranNanos += System.nanoTime() - since;
            runningSince = -1;
        }
    }

    private void resumeClock() {
        runningSince = System.nanoTime();
    }

    /** Called on the guest thread when it takes the invocation on. */
    void started(Context context) {
        this.thread = Thread.currentThread();
        this.context = context;
        this.startBytes = JsSandbox.allocatedBytes();
        if (context != null) {
            resumeClock(); // the app's clock starts once its context is made
        }
    }

    String problem() {
        return failure != null ? failure : limit;
    }

    /** How a run with a problem ended: a broken rule fails it, a limit exceeds it. */
    InvocationResult ended() {
        return failure != null
                ? new InvocationResult(Outcome.FAILED, failure)
                : new InvocationResult(Outcome.LIMIT_EXCEEDED, limit);
    }

    synchronized void fail(String reason) {
        if (problem() == null) {
            failure = reason;
        }
    }

    synchronized void exceeded(String reason) {
        if (problem() == null) {
            limit = reason;
        }
    }

    /** Bytes the app allocated on its guest thread so far; the platform's work is done on the caller's thread. */
    long appAllocatedBytes() {
        Thread guest = thread;
        if (guest == null) {
            return 0;
        }
        long since = parseSince;
        return (since >= 0 ? since : JsSandbox.allocatedBytes(guest)) - startBytes - parseBytes;
    }

    /**
     * Called on the guest thread around the parsing of a module: the platform's work (the parsed code is shared by
     * every context), counted neither in the app's memory nor in its time. Running the module's code is the app's.
     */
    void enterParse() {
        parseSince = JsSandbox.allocatedBytes();
        pauseClock();
    }

    void leaveParse() {
        parseBytes += JsSandbox.allocatedBytes() - parseSince;
        parseSince = -1;
        resumeClock();
    }

    /** Asks the platform, on the caller's thread, to answer a command of the app; called on the guest thread. */
    String callHost(String json) throws SandboxHost.UnknownCommandException {
        Command command = new Command(json, new CompletableFuture<>());
        pauseClock();
        inHost = true;
        try {
            if (abandoned) {
                throw new IllegalStateException("The invocation was abandoned");
            }
            inbox.add(command);
            if (abandoned) { // the caller may have stopped serving before the command arrived
                command.answer.completeExceptionally(new IllegalStateException("The invocation was abandoned"));
            }
            return command.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the platform");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxHost.UnknownCommandException unknown) {
                throw unknown;
            }
            throw new IllegalStateException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } finally {
            inHost = false;
            resumeClock();
        }
    }

    /** Called on the guest thread when it is done with the invocation. */
    void finished(InvocationResult result) {
        inbox.add(new Finished(result));
    }

    /**
     * Serves the app's commands on the caller's thread until the guest thread finishes. The caller waits as long as
     * the app keeps within its time (the platform's own waits, answering the app's commands among them, are not
     * counted); once the app has been told to stop, or has run past its time and the grace, the guest thread is
     * abandoned to the watchdog and the caller goes on.
     */
    InvocationResult serve(long graceMillis) {
        long grace = TimeUnit.MILLISECONDS.toNanos(graceMillis);
        try {
            while (true) {
                Object next = inbox.poll(SERVE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next instanceof Finished finished) {
                    return finished.result();
                }
                if (next instanceof Command command) {
                    answer(command);
                    continue;
                }
                long now = System.nanoTime();
                long told = cancelledAt;
                if (told != 0 && now - told > grace) {
                    return abandon("it did not stop within " + graceMillis + " ms of being told to");
                }
                if (appNanos(now) > limitNanos + grace) {
                    return abandon("it ran " + graceMillis + " ms past its time");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return abandon("its caller was interrupted");
        }
    }

    private void answer(Command command) {
        try {
            command.answer.complete(invocation.host().request(command.json));
        } catch (SandboxHost.UnknownCommandException | RuntimeException e) {
            command.answer.completeExceptionally(e);
        }
    }

    private InvocationResult abandon(String why) {
        abandoned = true;
        exceeded("Wall-clock time limit of " + limits.wallClockMillis() + " ms exceeded");
        // a command that arrived meanwhile is refused, so that the guest thread is not left waiting
        for (Object left; (left = inbox.poll()) != null;) {
            if (left instanceof Command command) {
                command.answer.completeExceptionally(new IllegalStateException("The invocation was abandoned"));
            }
        }
        return new InvocationResult(Outcome.LIMIT_EXCEEDED,
                problem() + "; the app's context was abandoned: " + why);
    }

    /** Waits for a timer of the app, within the invocation's time. */
    void sleep(long millis) {
        long left = TimeUnit.NANOSECONDS.toMillis(limitNanos - appNanos(System.nanoTime()));
        if (millis >= left) {
            exceeded("Wall-clock time limit of " + limits.wallClockMillis() + " ms exceeded waiting for a timer");
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exceeded("Interrupted while waiting for a timer");
        }
    }
}
