package org.switchboard.engine;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Runs a group of writes in one new transaction: all commit together or none does. */
@Stateless
public class Batches {

    @PersistenceContext
    private EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<GroupCommit.Work> works) {
        for (GroupCommit.Work work : works) {
            work.write(em);
        }
        em.flush();
    }

    /**
     * Has H2 write what was committed to its file now (it would within its write delay, 500 ms): after this a
     * {@code kill -9} of the server loses none of it. H2's {@code WRITE_DELAY=0} would do so on every commit and every
     * read-only transaction's end, each waiting on the store's lock (measured: 143 accepted sends/s against 722).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void checkpoint() {
        em.createNativeQuery("CHECKPOINT").executeUpdate();
    }
}
