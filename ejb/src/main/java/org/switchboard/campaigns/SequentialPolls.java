package org.switchboard.campaigns;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import org.switchboard.conversations.AppConfigs;
import org.switchboard.conversations.Conversation;
import org.switchboard.engine.EngineMark;

/**
 * One poll of the sequential sends, in one transaction: the time of the last poll is a row (locked while a poll runs),
 * and each conversation whose schedule names a time between it and now gets that slot's run, once
 * ({@link BulkSends#startSequence}). The first poll only marks the time, as Vumi Go's first poll did; after a
 * stop the next poll takes the last slot missed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SequentialPolls {

    private static final Logger LOG = Logger.getLogger(SequentialPolls.class.getName());
    static final String MARK = "sequential-polled";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private BulkSends sends;

    public void poll(Instant now) {
        EngineMark mark = em.find(EngineMark.class, MARK, LockModeType.PESSIMISTIC_WRITE);
        if (mark == null) {
            em.persist(new EngineMark(MARK, now));
            return;
        }
        Instant then = mark.getAt();
        for (Conversation conversation : em.createQuery("select c from Conversation c where c.type = :type",
                Conversation.class).setParameter("type", Conversation.Type.SEQUENTIAL_SEND).getResultList()) {
            AppConfigs.SequentialSend config = AppConfigs.read(conversation, AppConfigs.SequentialSend.class);
            Schedules.latestBetween(config.schedule(), then, now).flatMap(slot -> sends.startSequence(conversation,
                    slot)).ifPresent(run -> LOG.info(
                            () -> "Sequential send " + conversation.getId() + ": run " + run
                                    + " started"));
        }
        em.merge(new EngineMark(MARK, now));
    }
}
