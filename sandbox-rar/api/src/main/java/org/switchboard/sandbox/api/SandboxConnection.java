package org.switchboard.sandbox.api;

import jakarta.resource.ResourceException;

/** A handle on the sandbox; runs invocations on the caller's thread. */
public interface SandboxConnection extends AutoCloseable {

    /**
     * Runs one app invocation to its end: loads the app's JavaScript, hands it the command and runs its event loop
     * until it calls {@code api.done()}, has nothing left to do, or breaks a limit.
     */
    InvocationResult run(Invocation invocation) throws ResourceException;

    @Override
    void close() throws ResourceException;
}
