package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * Apps that try to take the server down or get out of the sandbox: each is ended with a reason in its log, and a
 * well-behaved app runs normally right after.
 */
class HostileAppTest extends SandboxTestSupport {

    private static void assertEnded(InvocationResult result, TestHost host, Outcome outcome, String reason) {
        assertEquals(outcome, result.outcome(), String.valueOf(result.reason()));
        assertTrue(result.reason().contains(reason), result.reason());
        assertTrue(host.loggedContaining("Sandbox ended the invocation: "), host.log.toString());
    }

    @AfterEach
    void otherAppsCarryOn() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function (cmd) {"
                + " api.request('outbound.reply_to', {content: 'fine'}, function () { api.done(); }); };", host);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertEquals("fine", host.lastContent());
    }

    @Test
    void endlessLoop() {
        TestHost host = new TestHost();
        Limits limits = new Limits(300, Long.MAX_VALUE, 1L << 30, 100, 1 << 20, 100);
        InvocationResult result = run(script("api.on_inbound_message = function () { while (true) {} };"), host,
                limits);
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED, "Wall-clock time limit of 300 ms exceeded");
    }

    @Test
    void endlessLoopOfStatements() {
        TestHost host = new TestHost();
        Limits limits = new Limits(10_000, 100_000, 1L << 30, 100, 1 << 20, 100);
        InvocationResult result = run(script("api.on_inbound_message = function () { for (;;) {} };"), host, limits);
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED, "Statement limit of 100000 exceeded");
    }

    @Test
    void memoryBomb() {
        TestHost host = new TestHost();
        Limits limits = new Limits(30_000, Long.MAX_VALUE, 64L << 20, 100, 1 << 20, 100);
        InvocationResult result = run(script("""
                api.on_inbound_message = function () {
                  var hoard = [];
                  while (true) { hoard.push(new Array(100000).fill(hoard.length)); }
                };
                """), host, limits);
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED, "Memory limit exceeded");
    }

    @Test
    void deepRecursion() {
        TestHost host = new TestHost();
        InvocationResult result = run(
                "api.on_inbound_message = function () { (function f(n) { return f(n + 1) + 1; })(0); };",
                host);
        assertEnded(result, host, Outcome.FAILED, "RangeError");
    }

    @Test
    void floodOfLogLines() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () {"
                + " for (var i = 0; ; i++) { try { api.log_info('line ' + i); } catch (e) {} } };", host);
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED,
                "Log limit exceeded: the invocation logged more than 200 lines");
        assertEquals(200, host.log.stream().filter(line -> line.startsWith("info line")).count());
    }

    @Test
    void floodOfOutput() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { var big = new Array(200001).join('x');"
                + " for (;;) { api.request('kv.set', {key: 'k', value: big}); } };", host);
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED, "Output limit exceeded");
    }

    @Test
    void javaTypeIsNotThere() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { Java.type('java.lang.Runtime'); };",
                host);
        assertEnded(result, host, Outcome.FAILED, "ReferenceError: Java is not defined");
    }

    @Test
    void polyglotIsNotThere() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { Polyglot.eval('js', '1'); };", host);
        assertEnded(result, host, Outcome.FAILED, "ReferenceError: Polyglot is not defined");
    }

    @Test
    void loadIsNotThere() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { load('/etc/passwd'); };", host);
        assertEnded(result, host, Outcome.FAILED, "ReferenceError: load is not defined");
    }

    @Test
    void requireOfAModuleNotOnTheList() {
        TestHost host = new TestHost();
        InvocationResult result = run(
                "api.on_inbound_message = function () { require('fs').readFileSync('/etc/passwd'); };",
                host);
        assertEnded(result, host, Outcome.FAILED, "require('fs') was refused");
    }

    @Test
    void aTimerBeyondTheWallClock() {
        TestHost host = new TestHost();
        InvocationResult result = run(
                script("api.on_inbound_message = function () { setTimeout(function () {}, 60000); };"),
                host, wallClock(500));
        assertEnded(result, host, Outcome.LIMIT_EXCEEDED,
                "Wall-clock time limit of 500 ms exceeded waiting for a timer");
    }
}
