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

    /** Runs the app's inbound-message handler under the limits and checks how and why it was ended. */
    private static TestHost assertEnds(String handlerBody, Limits limits, Outcome outcome, String reason) {
        TestHost host = new TestHost();
        InvocationResult result = run(script("api.on_inbound_message = function () {" + handlerBody + "};"), host,
                limits);
        assertEquals(outcome, result.outcome(), String.valueOf(result.reason()));
        assertTrue(result.reason().contains(reason), result.reason());
        assertTrue(host.loggedContaining("Sandbox ended the invocation: "), host.log.toString());
        return host;
    }

    private static TestHost assertEnds(String handlerBody, Outcome outcome, String reason) {
        return assertEnds(handlerBody, Limits.defaults(), outcome, reason);
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
        assertEnds("while (true) {}", Limits.defaults().withWallClock(300).withStatements(Long.MAX_VALUE),
                Outcome.LIMIT_EXCEEDED, "Wall-clock time limit of 300 ms exceeded");
    }

    @Test
    void endlessLoopOfStatements() {
        assertEnds("for (;;) {}", Limits.defaults().withStatements(100_000), Outcome.LIMIT_EXCEEDED,
                "Statement limit of 100000 exceeded");
    }

    @Test
    void memoryBomb() {
        assertEnds("var hoard = []; while (true) { hoard.push(new Array(100000).fill(hoard.length)); }",
                Limits.defaults().withWallClock(30_000).withStatements(Long.MAX_VALUE).withMemory(64L << 20, 64L << 20),
                Outcome.LIMIT_EXCEEDED,
                "Memory limit exceeded");
    }

    @Test
    void deepRecursion() {
        assertEnds("(function f(n) { return f(n + 1) + 1; })(0);", Outcome.FAILED, "RangeError");
    }

    @Test
    void floodOfLogLines() {
        TestHost host = assertEnds("for (var i = 0; ; i++) { try { api.log_info('line ' + i); } catch (e) {} }",
                Outcome.LIMIT_EXCEEDED, "Log limit exceeded: the invocation logged more than 200 lines");
        assertEquals(200, host.log.stream().filter(line -> line.startsWith("info line")).count());
    }

    @Test
    void floodOfOutput() {
        assertEnds("var big = new Array(200001).join('x'); for (;;) { api.request('kv.set', {key: 'k', value: big}); }",
                Outcome.LIMIT_EXCEEDED, "Output limit exceeded");
    }

    @Test
    void javaTypeIsNotThere() {
        assertEnds("Java.type('java.lang.Runtime');", Outcome.FAILED, "ReferenceError: Java is not defined");
    }

    @Test
    void polyglotIsNotThere() {
        assertEnds("Polyglot.eval('js', '1');", Outcome.FAILED, "ReferenceError: Polyglot is not defined");
    }

    @Test
    void loadIsNotThere() {
        assertEnds("load('/etc/passwd');", Outcome.FAILED, "ReferenceError: load is not defined");
    }

    @Test
    void requireOfAModuleNotOnTheList() {
        assertEnds("require('fs').readFileSync('/etc/passwd');", Outcome.FAILED, "require('fs') was refused");
    }

    @Test
    void aTimerBeyondTheWallClock() {
        assertEnds("setTimeout(function () {}, 60000);", wallClock(500), Outcome.LIMIT_EXCEEDED,
                "Wall-clock time limit of 500 ms exceeded waiting for a timer");
    }
}
