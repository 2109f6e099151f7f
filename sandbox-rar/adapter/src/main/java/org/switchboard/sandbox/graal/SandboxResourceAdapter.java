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
 * sets as adapter config properties (asadmin {@code create-resource-adapter-config}, or the admin console's
 * Resource Adapter Configs page); they apply from the adapter's next start.
 */
@Connector(displayName = "Switchboard JavaScript sandbox", vendorName = "Switchboard", eisType = "JavaScript sandbox", version = "0.1", transactionSupport = TransactionSupportLevel.NoTransaction)
public class SandboxResourceAdapter implements ResourceAdapter, Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SandboxResourceAdapter.class.getName());

    @ConfigProperty(defaultValue = "10000", description = "Wall-clock time one invocation may take, in milliseconds, host calls included")
    private Long wallClockMillis = 10_000L;

    @ConfigProperty(defaultValue = "10000000", description = "JavaScript statements one invocation may run")
    private Long statementLimit = 10_000_000L;

    @ConfigProperty(defaultValue = "256", description = "Megabytes one invocation may allocate (the platform's own work for its commands excluded); checked by the watchdog, and lowered to half the heap divided by concurrentInvocations")
    private Long allocatedMegabytes = 256L;

    @ConfigProperty(defaultValue = "1024", description = "Megabytes the warm contexts together may be charged with: all their invocations allocated, parsing excluded, which bounds what they hold between messages (one context at most a quarter); lowered to a fifth of the heap")
    private Long retainedMegabytes = 1024L;

    @ConfigProperty(defaultValue = "10000", description = "Callbacks and timers one invocation's event loop may hold at once")
    private Integer queuedJobs = 10_000;

    @ConfigProperty(defaultValue = "200", description = "Lines one invocation may log")
    private Integer logLines = 200;

    @ConfigProperty(defaultValue = "1048576", description = "Bytes of commands one invocation may send to the platform")
    private Long outputBytes = 1_048_576L;

    @ConfigProperty(defaultValue = "8", description = "Invocations that may run at once; more wait, up to the wall-clock time")
    private Integer concurrentInvocations = 8;

    @ConfigProperty(defaultValue = "32", description = "Contexts kept warm between invocations of their app (each holds its app's loaded modules)")
    private Integer warmContexts = 32;

    @ConfigProperty(defaultValue = "1000", description = "Invocations a warm context serves before it is replaced")
    private Integer invocationsPerContext = 1000;

    private transient JsSandbox sandbox;
    private transient Timer watchdog;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            watchdog = context.createTimer();
        } catch (UnavailableException e) {
            throw new ResourceAdapterInternalException("No timer for the sandbox watchdog", e);
        }
        sandbox = new JsSandbox(watchdog, concurrentInvocations, warmContexts);
        LOG.info(() -> "Sandbox adapter started with " + limits() + ", concurrentInvocations="
                + concurrentInvocations + ", warmContexts=" + warmContexts + " (heap "
                + (Runtime.getRuntime().maxMemory() >> 20)
                + " MiB)");
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
        return new Limits(wallClockMillis, statementLimit, allocatedMegabytes << 20, retainedMegabytes << 20, logLines,
                outputBytes, queuedJobs, invocationsPerContext)
                .fitTo(Runtime.getRuntime().maxMemory(), concurrentInvocations);
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

    public Long getRetainedMegabytes() {
        return retainedMegabytes;
    }

    public void setRetainedMegabytes(Long retainedMegabytes) {
        this.retainedMegabytes = retainedMegabytes;
    }

    public Integer getQueuedJobs() {
        return queuedJobs;
    }

    public void setQueuedJobs(Integer queuedJobs) {
        this.queuedJobs = queuedJobs;
    }

    public Long getStatementLimit() {
        return statementLimit;
    }

    public void setStatementLimit(Long statementLimit) {
        this.statementLimit = statementLimit;
    }

    public Long getAllocatedMegabytes() {
        return allocatedMegabytes;
    }

    public void setAllocatedMegabytes(Long allocatedMegabytes) {
        this.allocatedMegabytes = allocatedMegabytes;
    }

    public Integer getLogLines() {
        return logLines;
    }

    public void setLogLines(Integer logLines) {
        this.logLines = logLines;
    }

    public Long getOutputBytes() {
        return outputBytes;
    }

    public void setOutputBytes(Long outputBytes) {
        this.outputBytes = outputBytes;
    }

    public Integer getConcurrentInvocations() {
        return concurrentInvocations;
    }

    public void setConcurrentInvocations(Integer concurrentInvocations) {
        this.concurrentInvocations = concurrentInvocations;
    }

    public Integer getWarmContexts() {
        return warmContexts;
    }

    public void setWarmContexts(Integer warmContexts) {
        this.warmContexts = warmContexts;
    }

    public Integer getInvocationsPerContext() {
        return invocationsPerContext;
    }

    public void setInvocationsPerContext(Integer invocationsPerContext) {
        this.invocationsPerContext = invocationsPerContext;
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
