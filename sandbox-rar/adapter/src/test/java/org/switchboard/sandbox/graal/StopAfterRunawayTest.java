package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Timer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;

/**
 * The server must still stop after an app that no exception ends: a JVM runs such an app until the sandbox abandons
 * it, closes the sandbox and exits, as Payara does on {@code stop-domain}; it must be gone within seconds.
 */
class StopAfterRunawayTest {

    /** The app no exception ends: each unwinding runs its finally block, which recurses again. */
    static final String RUNAWAY = "api.on_inbound_message = function () {"
            + " function f(d) { try { f(d + 1); } finally { f(d + 1); } } f(0); };";

    @Test
    void aJvmWithARunawayAppStillExits() throws IOException, InterruptedException {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), StopAfterRunawayTest.class.getName())
                .redirectErrorStream(true).start();
        boolean exited = jvm.waitFor(60, TimeUnit.SECONDS);
        String output = new String(jvm.getInputStream().readNBytes(64_000), StandardCharsets.UTF_8);
        if (!exited) {
            jvm.destroyForcibly();
        }
        assertTrue(exited, "the JVM did not exit within 60 s after the sandbox closed:\n" + output);
        assertEquals(0, jvm.exitValue(), output);
        assertTrue(output.contains("ended: LIMIT_EXCEEDED"), output);
        assertTrue(output.contains("closed"), output);
    }

    /** Runs the app in a sandbox of its own, closes it and exits. */
    public static void main(String[] args) {
        // As in a server, the JDK's formatter is loaded before any app runs: a class first loaded at the depth of the
        // app's stack may overflow it during its static initialisation, and the JVM then refuses that class for good
        // (a logging call after the run failed so once: "Could not initialize class java.util.Formatter")
        System.out.println(String.format("running %s", "runaway"));
        Timer timer = new Timer("sandbox-watchdog", true);
        JsSandbox sandbox = new JsSandbox(timer, 2, 2);
        InvocationResult result = sandbox.run(new Invocation("runaway", AppCode.script("runaway", RUNAWAY),
                SandboxTestSupport.INBOUND, new TestHost()), Limits.defaults().withWallClock(3_000));
        System.out
                .println("ended: " + result.outcome() + " (" + result.reason() + "), abandoned " + sandbox.abandoned());
        sandbox.close();
        System.out.println("closed");
        System.exit(0);
    }
}
