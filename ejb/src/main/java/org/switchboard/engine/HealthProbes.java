package org.switchboard.engine;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.switchboard.engine.Queues;
import jakarta.resource.ResourceException;
import org.switchboard.sandbox.api.SandboxConnection;
import org.switchboard.sandbox.api.SandboxConnectionFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** What the health checks ask of the database, the broker and the sandbox adapter (an EJB: the persistence unit is this module's). */
@Stateless
public class HealthProbes {

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = SandboxConnectionFactory.JNDI_NAME)
    private SandboxConnectionFactory sandbox;

    @Resource(lookup = Queues.CONNECTION_FACTORY)
    private ConnectionFactory broker;

    /** Opens a connection to the broker and closes it; throws when the broker does not take one. */
    public void broker() throws JMSException {
        try (Connection connection = broker.createConnection()) {
            connection.getMetaData();
        }
    }

    /** Takes a connection from the sandbox adapter and gives it back; throws when the adapter does not give one. */
    public void sandbox() throws ResourceException {
        try (SandboxConnection connection = sandbox.getConnection()) {
            connection.getClass();
        }
    }

    /** Runs a query that touches no table; throws when the database does not answer. */
    public void database() {
        em.createNativeQuery("select 1").getSingleResult();
    }
}
