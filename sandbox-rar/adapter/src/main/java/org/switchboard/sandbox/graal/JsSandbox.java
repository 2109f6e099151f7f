package org.switchboard.sandbox.graal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * Runs invocations on one shared GraalJS engine (so parsed code is cached across contexts), each in a fresh,
 * constrained context: no host classes, no IO, no threads, no {@code Polyglot}.
 */
final class JsSandbox implements AutoCloseable {

    private final Engine engine;
    private final Source prelude;

    JsSandbox() {
        engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("engine.WarnInterpreterOnly", "false")
                .build();
        prelude = Source.newBuilder("js", resource("prelude.js"), "sandbox-prelude.js").buildLiteral();
    }

    InvocationResult run(Invocation invocation, Limits limits, Timer watchdog) {
        Bridge bridge = new Bridge(invocation.host());
        AtomicBoolean timedOut = new AtomicBoolean();
        ResourceLimits resourceLimits = ResourceLimits.newBuilder()
                .statementLimit(limits.statementLimit(), null)
                .build();
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .resourceLimits(resourceLimits)
                .build();
        TimerTask kill = new TimerTask() {
            @Override
            public void run() {
                timedOut.set(true);
                context.close(true);
            }
        };
        watchdog.schedule(kill, limits.wallClockMillis());
        try {
            return report(invocation, execute(context, invocation, bridge));
        } catch (PolyglotException e) {
            return report(invocation, failure(e, bridge, timedOut.get(), limits));
        } finally {
            kill.cancel();
            closeQuietly(context);
        }
    }

    /** A context cancelled by a limit complains when closed again; it is gone either way. */
    private static void closeQuietly(Context context) {
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            // already closed by the watchdog or by a resource limit
        }
    }

    private InvocationResult execute(Context context, Invocation invocation, Bridge bridge) {
        Value loop = context.eval(prelude).execute(bridge.asGuest());
        context.eval(Source.newBuilder("js", invocation.javascript(), "app.js").buildLiteral());
        loop.getMember("dispatch").execute(invocation.command());
        Value step = loop.getMember("step");
        while (bridge.failure == null && step.execute().asBoolean()) {
            // each step is one callback or timer; promise jobs run between steps
        }
        if (bridge.failure != null) {
            return new InvocationResult(Outcome.FAILED, bridge.failure);
        }
        return bridge.done ? InvocationResult.done() : new InvocationResult(Outcome.IDLE, null);
    }

    private static InvocationResult failure(PolyglotException e, Bridge bridge, boolean timedOut, Limits limits) {
        if (bridge.failure != null) {
            return new InvocationResult(Outcome.FAILED, bridge.failure);
        }
        if (timedOut) {
            return new InvocationResult(Outcome.LIMIT_EXCEEDED,
                    "Wall-clock time limit of " + limits.wallClockMillis() + " ms exceeded");
        }
        if (e.isResourceExhausted()) {
            return new InvocationResult(Outcome.LIMIT_EXCEEDED,
                    "Statement limit of " + limits.statementLimit() + " exceeded");
        }
        String where = e.getSourceLocation() == null ? "" : " (" + e.getSourceLocation() + ")";
        return new InvocationResult(Outcome.FAILED, "Error in app: " + e.getMessage() + where);
    }

    private static InvocationResult report(Invocation invocation, InvocationResult result) {
        if (result.reason() != null) {
            invocation.host().log("ERROR", "Sandbox ended the invocation: " + result.reason());
        }
        return result;
    }

    @Override
    public void close() {
        engine.close(true);
    }

    private static String resource(String name) {
        try (InputStream in = JsSandbox.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the JavaScript side sees of the host: {@code request} and {@code done}. */
    private static final class Bridge {
        private final SandboxHost host;
        private boolean done;
        private String failure;

        Bridge(SandboxHost host) {
            this.host = host;
        }

        Object asGuest() {
            return ProxyObject.fromMap(Map.of(
                    "request", (ProxyExecutable) args -> request(args[0].asString()),
                    "done", (ProxyExecutable) args -> {
                        done = true;
                        return null;
                    }));
        }

        private String request(String command) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            try {
                return host.request(command);
            } catch (SandboxHost.UnknownCommandException e) {
                failure = e.getMessage();
                throw new IllegalStateException(failure);
            }
        }
    }
}
