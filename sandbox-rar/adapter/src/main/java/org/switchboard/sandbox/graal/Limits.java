package org.switchboard.sandbox.graal;

/**
 * The limits invocations run under, as the operator set them on the adapter or as derived from the server's heap.
 *
 * @param wallClockMillis time one invocation may take, host calls included
 * @param statementLimit JavaScript statements one invocation may run
 * @param allocatedBytes bytes one invocation may allocate on its thread (the platform's own work is done on another)
 * @param retainedBytes bytes the warm contexts together may be charged with: all their invocations allocated, parsing
 *            excluded, which bounds what their globals hold between messages; one context at most a quarter of it
 * @param logLines lines one invocation may log
 * @param outputBytes bytes of commands one invocation may send to the host
 * @param queuedJobs callbacks and timers the event loop of one invocation may hold at once
 * @param invocationsPerContext invocations a warm context serves before it is replaced
 */
record Limits(long wallClockMillis, long statementLimit, long allocatedBytes, long retainedBytes, int logLines,
        long outputBytes, int queuedJobs, int invocationsPerContext) {

    /** Share of the heap that running invocations may allocate together, and that warm contexts may hold. */
    static final int INVOCATIONS_HEAP_PERCENT = 50;
    static final int WARM_HEAP_PERCENT = 20;

    static Limits defaults() {
        return new Limits(10_000, 10_000_000, 256L << 20, 1L << 30, 200, 1L << 20, 10_000, 1_000);
    }

    /**
     * Memory limits that fit the heap: concurrent invocations together allocate at most half of it, warm contexts
     * together hold at most a fifth; a configured limit above that share is lowered to it.
     */
    Limits fitTo(long maxHeapBytes, int concurrentInvocations) {
        long perInvocation = maxHeapBytes / 100 * INVOCATIONS_HEAP_PERCENT / Math.max(1, concurrentInvocations);
        long warm = maxHeapBytes / 100 * WARM_HEAP_PERCENT;
        return new Limits(wallClockMillis, statementLimit, Math.min(allocatedBytes, perInvocation),
                Math.min(retainedBytes, warm), logLines, outputBytes, queuedJobs, invocationsPerContext);
    }

    Limits withWallClock(long millis) {
        return new Limits(millis, statementLimit, allocatedBytes, retainedBytes, logLines, outputBytes, queuedJobs,
                invocationsPerContext);
    }

    Limits withStatements(long statements) {
        return new Limits(wallClockMillis, statements, allocatedBytes, retainedBytes, logLines, outputBytes,
                queuedJobs, invocationsPerContext);
    }

    Limits withMemory(long allocated, long retained) {
        return new Limits(wallClockMillis, statementLimit, allocated, retained, logLines, outputBytes, queuedJobs,
                invocationsPerContext);
    }

}
