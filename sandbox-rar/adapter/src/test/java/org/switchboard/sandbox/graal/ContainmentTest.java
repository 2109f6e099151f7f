package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * Apps that try to keep the sandbox busy for ever or fill the heap, run by one tenant while another tenant's echo app
 * answers a message every 100 ms: each hostile app is ended in its time and a grace, the echo app answers every time
 * within a second, and the sandbox then stops at once. The limits are the adapter's, fitted to this JVM's heap (the
 * build gives it the domain's {@code -Xmx}).
 */
class ContainmentTest {

    private static final long WALL_CLOCK = 2_000;
    private static final String ECHO = "api.on_inbound_message = function (cmd) {"
            + " api.request('outbound.reply_to', {content: 'echo ' + cmd.msg.content}, function () { api.done(); }); };";

    private Timer timer;
    private JsSandbox sandbox;
    private Limits limits;

    @BeforeEach
    void start() {
        timer = new Timer("sandbox-watchdog", true);
        sandbox = new JsSandbox(timer, 8, 32);
        limits = Limits.defaults().withWallClock(WALL_CLOCK).fitTo(Runtime.getRuntime().maxMemory(), 8);
    }

    @AfterEach
    void stopsAtOnce() {
        long started = System.nanoTime();
        sandbox.close();
        timer.cancel();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 3_000, "the sandbox took " + millis + " ms to stop");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            recursion that catches its own stack overflow | function f(d) { try { f(d + 1); } catch (e) { f(d + 1); } } f(0);
            the same in a finally block                   | function f(d) { try { f(d + 1); } finally { f(d + 1); } } f(0);
            catch inside an endless loop                  | for (;;) { try { (function r() { r(); })(); } catch (e) {} }
            catch of the cancellation in a loop           | for (;;) { try { while (true) {} } catch (e) {} }
            catching recursion in a promise callback      | Promise.resolve().then(function () { function f(d) { try { f(d + 1); } catch (e) { f(d + 1); } } f(0); });
            catching recursion in a timer                 | setTimeout(function () { function f(d) { try { f(d + 1); } catch (e) { f(d + 1); } } f(0); }, 0);
            a promise flood                               | function f() { return Promise.resolve().then(f); } f();
            a flood of immediate callbacks                | function f() { setImmediate(f); setImmediate(f); } f();
            a hoard of memory                             | var hoard = []; for (;;) { hoard.push(new Array(1e6).fill(1)); }
            """)
    void aHostileAppIsEndedWhileAnotherTenantIsServed(String name, String handlerBody) throws Exception {
        AppCode echo = AppCode.script("echo", ECHO);
        assertEquals(Outcome.DONE, sandbox.run(new Invocation("tenant-b", echo, SandboxTestSupport.INBOUND,
                new TestHost()), limits).outcome(), "the echo app answers before the other tenant starts");
        AppCode hostile = AppCode.script("hostile", "api.on_inbound_message = function () {" + handlerBody + "};");
        TestHost hostileHost = new TestHost();
        long started = System.nanoTime();
        CompletableFuture<InvocationResult> ended = CompletableFuture.supplyAsync(
                () -> sandbox.run(new Invocation("tenant-a", hostile, SandboxTestSupport.INBOUND, hostileHost),
                        limits));

        List<Long> echoMillis = new ArrayList<>();
        while (!ended.isDone() || echoMillis.size() < 5) {
            TestHost echoHost = new TestHost();
            long sent = System.nanoTime();
            InvocationResult answer = sandbox.run(
                    new Invocation("tenant-b", echo, SandboxTestSupport.INBOUND, echoHost), limits);
            echoMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            assertEquals(Outcome.DONE, answer.outcome(), String.valueOf(answer.reason()));
            assertEquals("echo hello", echoHost.lastContent());
            Thread.sleep(100);
        }
        InvocationResult result = ended.get();
        long endedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(result.outcome() != Outcome.DONE && result.outcome() != Outcome.IDLE, result.toString());
        assertTrue(hostileHost.loggedContaining("Sandbox ended the invocation: "), hostileHost.log.toString());
        assertTrue(endedMillis < WALL_CLOCK + JsSandbox.GRACE_MILLIS + 1_000,
                name + " ran for " + endedMillis + " ms: " + result);
        long slowest = echoMillis.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(slowest < 1_000, "the other tenant's echo app took " + slowest + " ms once: " + echoMillis);
        System.out.printf("%-50s ended in %5d ms (%s); echo answered %d times, slowest %d ms%n", name, endedMillis,
                result.reason(), echoMillis.size(), slowest);
    }
}
