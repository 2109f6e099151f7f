package org.switchboard.sandbox.graal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/** One invocation in progress: its limits, what it has used, and why it must end, if it must. */
final class Run {

    final Invocation invocation;
    final Limits limits;
    final Thread thread = Thread.currentThread();
    final long deadline;
    private final Context context;
    private final long startBytes = JsSandbox.allocatedBytes();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile long hostBytes;
    private volatile long hostSince = -1;

    /** The app broke a rule (unknown command, forbidden module): it is stopped even if it catches the error. */
    volatile String failure;
    /** A limit ended the invocation. */
    volatile String limit;
    boolean done;
    int logLines;
    long outputBytes;

    Run(Invocation invocation, Limits limits, Context context) {
        this.invocation = invocation;
        this.limits = limits;
        this.context = context;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.wallClockMillis());
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

    /** Host work (the platform answering a command) does not count against the app's memory. */
    void enterHost() {
        hostSince = JsSandbox.allocatedBytes();
    }

    void leaveHost() {
        hostBytes += JsSandbox.allocatedBytes() - hostSince;
        hostSince = -1;
    }

    long appAllocatedBytes(long allocatedNow) {
        long since = hostSince;
        return (since >= 0 ? since : allocatedNow) - startBytes - hostBytes;
    }

    /** Waits for a timer of the app, within the invocation's time. */
    void sleep(long millis) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
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

    /** Stops the JavaScript where it is; called from the watchdog's thread. */
    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            try {
                context.close(true);
            } catch (PolyglotException | IllegalStateException e) {
                // closed already
            }
        }
    }
}
