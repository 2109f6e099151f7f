package org.switchboard.sandbox.graal;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

/** A pooled, stateless link to the sandbox; each handle it gives out runs invocations on the shared engine. */
class SandboxManagedConnection implements ManagedConnection {

    private final SandboxManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    SandboxManagedConnection(SandboxManagedConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        return new SandboxConnectionImpl(this);
    }

    SandboxResourceAdapter adapter() throws ResourceException {
        return factory.adapter();
    }

    void closed(SandboxConnectionImpl handle) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(listener -> listener.connectionClosed(event));
    }

    @Override
    public void associateConnection(Object connection) {
        ((SandboxConnectionImpl) connection).associate(this);
    }

    @Override
    public void cleanup() {
        // handles carry no state between invocations
    }

    @Override
    public void destroy() {
        listeners.clear();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("The sandbox is not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("The sandbox is not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "Switchboard JavaScript sandbox (GraalJS)";
            }

            @Override
            public String getEISProductVersion() {
                return "0.1";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return null;
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
