package org.switchboard.engine;

/**
 * The Artemis queues between the services; each message on them is the id of a committed row, put there after the
 * commit (org.switchboard.engine.Relay).
 */
public final class Queues {

    /** JNDI name of the connection factory of the Artemis resource adapter (config/payara/domain.asadmin). */
    public static final String CONNECTION_FACTORY = "jms/switchboard";
    /** Name of the deployed Artemis resource adapter, which message-driven beans name in their activation. */
    public static final String RESOURCE_ADAPTER = "artemis-ra";

    /** Inbound message ids, waiting to be routed to their conversation. */
    public static final String INBOUND = "switchboard.inbound";
    /** Event ids, waiting for the app that sent their message to hear of them. */
    public static final String EVENTS = "switchboard.events";

    /**
     * A topic every instance hears: ids of outbound messages accepted by one instance for a channel whose lane runs on
     * another ({@link LaneNotices}).
     */
    public static final String LANES = "switchboard.lanes";

    /** A topic every instance hears: the rows changed through one instance, for the others' caches. */
    public static final String CHANGES = "switchboard.changes";

    private Queues() {
    }
}
