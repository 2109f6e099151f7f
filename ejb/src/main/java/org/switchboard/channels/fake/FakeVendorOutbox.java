package org.switchboard.channels.fake;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** What the fake vendor was sent, as a phone on the other side would have seen it. */
@Stateless
public class FakeVendorOutbox {

    @PersistenceContext
    private EntityManager em;

    /** What the fake vendor was sent on a channel, oldest first. */
    public List<FakeVendorMessage> received(String channelId) {
        return em.createNamedQuery("FakeVendorMessage.findByChannel", FakeVendorMessage.class)
                .setParameter("channelId", channelId)
                .getResultList();
    }
}
