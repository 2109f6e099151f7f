package org.switchboard.messages;

/** The Artemis queues between the services; each message on them is the id of a stored row. */
public final class Queues {

    /** JNDI name of the XA connection factory of the Artemis resource adapter (config/payara/domain.asadmin). */
    public static final String CONNECTION_FACTORY = "jms/switchboard";
    /** Name of the deployed Artemis resource adapter, which message-driven beans name in their activation. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";

    /** Outbound message ids, waiting for their vendor. */
    public static final String OUTBOUND = "switchboard.outbound";
    /** Inbound message ids, waiting to be routed to their conversation. */
    public static final String INBOUND = "switchboard.inbound";
    /** Event ids, waiting to be pushed to their message's event_url. */
    public static final String EVENTS = "switchboard.events";

    private Queues() {
    }
}
