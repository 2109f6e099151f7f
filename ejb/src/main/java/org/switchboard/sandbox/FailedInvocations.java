package org.switchboard.sandbox;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Keeps what is left of an invocation the platform could not store: its log, why, and that it is not to rerun. */
@Stateless
public class FailedInvocations {

    @PersistenceContext
    private EntityManager em;

    /** Whether the app already ran for this command and the platform could not store what it did. */
    public boolean failed(String commandId) {
        return em.find(FailedInvocation.class, commandId) != null;
    }

    /** In a transaction of its own, since the invocation's is rolled back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(String commandId, String conversationId, List<SandboxLogLine> logged, String reason) {
        for (SandboxLogLine line : logged) {
            em.persist(new SandboxLogLine(conversationId, line.getLevel(), line.getMessage()));
        }
        em.persist(new SandboxLogLine(conversationId, "ERROR", LogResource.fit("The platform could not store what "
                + "this invocation did, so none of it was kept (its log above was): " + reason
                + ". The app is not run again for this message.")));
        if (em.find(FailedInvocation.class, commandId) == null) {
            em.persist(new FailedInvocation(commandId, conversationId, reason));
        }
    }
}
