package org.switchboard.sandbox.graal;

import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.SandboxHost;

/**
 * What the prelude of one context sees of the host: {@code request} and {@code done} for the invocation in progress,
 * {@code resolve} and {@code compile} for {@code require}.
 */
final class ContextHost {

    private final Context context;
    private final Modules modules;
    private final AppCode app;
    Value loop;
    volatile Run current;

    ContextHost(Context context, Modules modules, AppCode app) {
        this.context = context;
        this.modules = modules;
        this.app = app;
    }

    Object asGuest() {
        return ProxyObject.fromMap(Map.of(
                "request", (ProxyExecutable) args -> request(args[0].asString(), args[1].asString()),
                "done", (ProxyExecutable) args -> {
                    run().done = true;
                    return null;
                },
                "jobsFull", (ProxyExecutable) args -> {
                    Run run = run();
                    run.exceeded("Event loop limit exceeded: the invocation queued more than "
                            + run.limits.queuedJobs() + " callbacks and timers");
                    return run.limit;
                },
                "resolve", (ProxyExecutable) args -> resolve(args[0].asString(), args[1].asString()),
                "compile", (ProxyExecutable) args -> compile(args[0].asString())));
    }

    /** Parses a module of the app or the platform into its wrapper function; run by the app's require. */
    private Value compile(String path) {
        Run run = current;
        if (run != null) {
            run.enterParse();
        }
        try {
            return context.eval(modules.module(app, path));
        } finally {
            if (run != null) {
                run.leaveParse();
            }
        }
    }

    private Run run() {
        Run run = current;
        if (run == null) {
            throw new IllegalStateException("No invocation is running in this context");
        }
        return run;
    }

    private String request(String cmd, String command) {
        Run run = run();
        if (run.problem() != null) {
            throw new IllegalStateException(run.problem());
        }
        run.outputBytes += command.length();
        if (run.outputBytes > run.limits.outputBytes()) {
            run.exceeded("Output limit exceeded: the invocation sent more than " + run.limits.outputBytes()
                    + " bytes of commands");
            throw new IllegalStateException(run.limit);
        }
        if ((cmd.equals("log") || cmd.startsWith("log.")) && ++run.logLines > run.limits.logLines()) {
            run.exceeded("Log limit exceeded: the invocation logged more than " + run.limits.logLines() + " lines");
            throw new IllegalStateException(run.limit);
        }
        try {
            return run.callHost(command);
        } catch (SandboxHost.UnknownCommandException e) {
            run.fail(e.getMessage());
            throw new IllegalStateException(e.getMessage());
        }
    }

    private String resolve(String dir, String request) {
        try {
            return modules.resolve(app, dir, request);
        } catch (Modules.ForbiddenModuleException e) {
            run().fail(e.getMessage());
            throw e;
        }
    }
}
