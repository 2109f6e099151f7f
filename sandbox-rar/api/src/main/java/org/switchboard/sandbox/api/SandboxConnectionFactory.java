package org.switchboard.sandbox.api;

import jakarta.resource.ResourceException;

/** Connection factory of the sandbox resource adapter, looked up at {@link #JNDI_NAME}. */
public interface SandboxConnectionFactory {

    /** Where the application defines the sandbox connection factory. */
    String JNDI_NAME = "java:app/eis/Sandbox";

    SandboxConnection getConnection() throws ResourceException;
}
