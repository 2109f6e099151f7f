package org.switchboard.sandbox.graal;

/** The limits one invocation runs under. */
record Limits(long wallClockMillis, long statementLimit) {
}
