package org.switchboard.sandbox.graal;

import jakarta.resource.ResourceException;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.SandboxConnection;

/** The handle the application holds: runs an invocation on the caller's thread. */
class SandboxConnectionImpl implements SandboxConnection {

    private SandboxManagedConnection managed;

    SandboxConnectionImpl(SandboxManagedConnection managed) {
        this.managed = managed;
    }

    void associate(SandboxManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public InvocationResult run(Invocation invocation) throws ResourceException {
        if (managed == null) {
            throw new ResourceException("This sandbox connection is closed");
        }
        SandboxResourceAdapter adapter = managed.adapter();
        return adapter.sandbox().run(invocation, adapter.limits());
    }

    @Override
    public void close() {
        if (managed != null) {
            managed.closed(this);
            managed = null;
        }
    }
}
