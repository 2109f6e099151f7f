package org.switchboard.sandbox.graal;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.util.Set;
import javax.security.auth.Subject;
import org.switchboard.sandbox.api.SandboxConnection;
import org.switchboard.sandbox.api.SandboxConnectionFactory;

/** Makes the pooled handles through which the application reaches the sandbox. */
@ConnectionDefinition(connectionFactory = SandboxConnectionFactory.class, connectionFactoryImpl = SandboxConnectionFactoryImpl.class, connection = SandboxConnection.class, connectionImpl = SandboxConnectionImpl.class)
public class SandboxManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient SandboxResourceAdapter adapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new SandboxConnectionFactoryImpl(this, manager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("The sandbox runs inside the application server only");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new SandboxManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof SandboxManagedConnection connection) {
                return connection;
            }
        }
        return null;
    }

    SandboxResourceAdapter adapter() throws ResourceException {
        if (adapter == null) {
            throw new ResourceException("The sandbox connection factory is not associated with its adapter");
        }
        return adapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.adapter = (SandboxResourceAdapter) adapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
