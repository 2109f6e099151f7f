package org.switchboard.sandbox.graal;

/**
 * The limits invocations run under, as the operator set them on the adapter.
 *
 * @param wallClockMillis time one invocation may take, host calls included
 * @param statementLimit JavaScript statements one invocation may run
 * @param allocatedBytes bytes one invocation may allocate on its thread, outside the host's own work
 * @param logLines lines one invocation may log
 * @param outputBytes bytes of commands one invocation may send to the host
 * @param invocationsPerContext invocations a warm context serves before it is replaced
 */
record Limits(long wallClockMillis, long statementLimit, long allocatedBytes, int logLines, long outputBytes,
        int invocationsPerContext) {

    static Limits defaults() {
        return new Limits(10_000, 10_000_000, 256L << 20, 200, 1L << 20, 1_000);
    }
}
