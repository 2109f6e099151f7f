package org.switchboard.sandbox.graal;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.Timer;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The sandbox adapter: owns the shared JavaScript engine and the watchdog timer, and carries the limits an operator
 * sets as adapter config properties.
 */
@Connector(displayName = "Switchboard JavaScript sandbox", vendorName = "Switchboard", eisType = "JavaScript sandbox", version = "0.1", transactionSupport = TransactionSupportLevel.NoTransaction)
public class SandboxResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SandboxResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "10000", description = "Wall-clock time one invocation may take, in milliseconds")
    private Long wallClockMillis = 10_000L;

    @ConfigProperty(defaultValue = "10000000", description = "JavaScript statements one invocation may run")
    private Long statementLimit = 10_000_000L;

    private transient JsSandbox sandbox;
    private transient Timer watchdog;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            watchdog = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("No timer for the sandbox watchdog", e);
        }
        sandbox = new JsSandbox();
        LOG.info(() -> "Sandbox adapter started: wallClockMillis=" + wallClockMillis + ", statementLimit="
                + statementLimit);
    }

    @Override
    public void stop() {
        if (watchdog != null) {
            watchdog.cancel();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    JsSandbox sandbox() throws ResourceException {
        if (sandbox == null) {
            throw new ResourceException("The sandbox adapter is not started");
        }
        return sandbox;
    }

    Limits limits() {
        return new Limits(wallClockMillis, statementLimit);
    }

    Timer watchdog() {
        return watchdog;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("The sandbox adapter has no inbound side");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        // no inbound side
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    public Long getWallClockMillis() {
        return wallClockMillis;
    }

    public void setWallClockMillis(Long wallClockMillis) {
        this.wallClockMillis = wallClockMillis;
    }

    public Long getStatementLimit() {
        return statementLimit;
    }

    public void setStatementLimit(Long statementLimit) {
        this.statementLimit = statementLimit;
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
