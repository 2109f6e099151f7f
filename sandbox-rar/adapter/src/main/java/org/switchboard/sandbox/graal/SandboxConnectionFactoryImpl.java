package org.switchboard.sandbox.graal;

import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.switchboard.sandbox.api.SandboxConnection;
import org.switchboard.sandbox.api.SandboxConnectionFactory;

/** The connection factory the application looks up; hands out connections through the container's pool. */
public class SandboxConnectionFactoryImpl implements SandboxConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final transient SandboxManagedConnectionFactory factory;
    private final transient ConnectionManager manager;
    private Reference reference;

    SandboxConnectionFactoryImpl(SandboxManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public SandboxConnection getConnection() throws ResourceException {
        return (SandboxConnection) manager.allocateConnection(factory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
