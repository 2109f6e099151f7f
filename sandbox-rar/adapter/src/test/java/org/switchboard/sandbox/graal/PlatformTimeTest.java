package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * Time an app waits for the platform is not the app's: a slow answer to its command (a commit under load) or a wait
 * for a slot behind a backlog does not use up its time limit, and the app is not abandoned for it. An app that runs
 * too long itself is still stopped.
 */
class PlatformTimeTest extends SandboxTestSupport {

    private static final String THREE_REPLIES = "api.on_inbound_message = function (cmd) {"
            + " api.request('outbound.reply_to', {content: 'one'}, function () {"
            + "  api.request('outbound.reply_to', {content: 'two'}, function () {"
            + "   api.request('outbound.reply_to', {content: 'three'}, function () { api.done(); }); }); }); };";

    /** The platform's side, answering each command only after {@code delayMillis} (or once released). */
    private static final class SlowHost implements SandboxHost {
        final TestHost host = new TestHost();
        final long delayMillis;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;

        SlowHost(long delayMillis, CountDownLatch release) {
            this.delayMillis = delayMillis;
            this.release = release;
        }

        @Override
        public String request(String command) throws UnknownCommandException {
            entered.countDown();
            try {
                if (release != null) {
                    release.await(10, TimeUnit.SECONDS);
                }
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return host.request(command);
        }

        @Override
        public void log(String level, String message) {
            host.log(level, message);
        }
    }

    @Test
    void slowAnswersFromThePlatformAreNotTheAppsTime() {
        var app = script(THREE_REPLIES);
        // warm: the app's context made and its code run once (a cold engine on a loaded machine is slow itself)
        assertEquals(Outcome.DONE, sandbox.run(new Invocation("conv-slow", app, INBOUND, new TestHost()),
                wallClock(10_000)).outcome());
        SlowHost slow = new SlowHost(400, null);
        long start = System.nanoTime();
        InvocationResult result = sandbox.run(new Invocation("conv-slow", app, INBOUND, slow), wallClock(500));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + slow.host.log);
        assertEquals(3, slow.host.sent.size());
        assertTrue(took >= 1_200, "the platform took " + took + " ms, more than the app's 500 ms limit");
        assertEquals(0, sandbox.abandoned());
    }

    @Test
    void aBacklogWaitsForASlotWithoutUsingTheAppsTime() throws Exception {
        Timer watchdog = new Timer("one-slot-watchdog", true);
        try (JsSandbox oneSlot = new JsSandbox(watchdog, 1, 2)) {
            CountDownLatch release = new CountDownLatch(1);
            SlowHost first = new SlowHost(0, release);
            CompletableFuture<InvocationResult> holding = CompletableFuture.supplyAsync(() -> oneSlot.run(
                    new Invocation("conv-a", script(THREE_REPLIES), INBOUND, first), wallClock(300)));
            assertTrue(first.entered.await(10, TimeUnit.SECONDS), "the first invocation holds the slot");
            TestHost second = new TestHost();
            CompletableFuture<InvocationResult> queued = CompletableFuture.supplyAsync(() -> oneSlot.run(
                    new Invocation("conv-b", script(THREE_REPLIES), INBOUND, second), wallClock(300)));
            Thread.sleep(800); // the second waits behind the first for longer than its limit
            release.countDown();
            assertEquals(Outcome.DONE, holding.get(10, TimeUnit.SECONDS).outcome());
            InvocationResult result = queued.get(10, TimeUnit.SECONDS);
            assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
            assertEquals(3, second.sent.size());
            assertEquals(0, oneSlot.abandonedTotal());
        } finally {
            watchdog.cancel();
        }
    }

    @Test
    void anAppThatRunsTooLongItselfIsStillStoppedWhileThePlatformIsSlow() {
        SlowHost slow = new SlowHost(400, null);
        InvocationResult result = sandbox.run(new Invocation("conv-busy", script(
                "api.on_inbound_message = function (cmd) {"
                        + " api.request('outbound.reply_to', {content: 'x'}, function () { while (true) {} }); };"),
                INBOUND, slow), wallClock(300).withStatements(Long.MAX_VALUE));
        assertEquals(Outcome.LIMIT_EXCEEDED, result.outcome());
        assertEquals("Wall-clock time limit of 300 ms exceeded", result.reason());
    }
}
