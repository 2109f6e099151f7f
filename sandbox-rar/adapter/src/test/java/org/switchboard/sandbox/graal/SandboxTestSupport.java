package org.switchboard.sandbox.graal;

import java.util.Timer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;

/** One sandbox (engine, watchdog) per test class, as the adapter has one per server. */
abstract class SandboxTestSupport {

    static final String INBOUND = "{\"cmd\":\"inbound-message\",\"msg\":{\"message_id\":\"m1\","
            + "\"content\":\"hello\",\"from_addr\":\"+27831234567\",\"to_addr\":\"*120#\"}}";
    private static final AtomicInteger VERSIONS = new AtomicInteger();

    static JsSandbox sandbox;
    static Timer timer;

    @BeforeAll
    static void startSandbox() {
        timer = new Timer("sandbox-watchdog", true);
        sandbox = new JsSandbox(timer, 4, 8);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        timer.cancel();
    }

    /** A script under a version of its own, so that no warm context of another test serves it. */
    static AppCode script(String js) {
        return AppCode.script("v" + VERSIONS.incrementAndGet(), js);
    }

    static InvocationResult run(AppCode app, TestHost host, Limits limits) {
        return run(app, INBOUND, host, limits);
    }

    static InvocationResult run(AppCode app, String command, TestHost host, Limits limits) {
        return sandbox.run(new Invocation("conv-1", app, command, host), limits);
    }

    static InvocationResult run(String js, TestHost host) {
        return run(script(js), host, Limits.defaults());
    }

    static Limits wallClock(long millis) {
        return Limits.defaults().withWallClock(millis);
    }
}
