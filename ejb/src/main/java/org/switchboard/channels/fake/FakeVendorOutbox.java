package org.switchboard.channels.fake;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the fake vendor was sent, as a phone on the other side would have seen it. */
@Stateless
public class FakeVendorOutbox {

    @PersistenceContext
    private EntityManager em;

    /** A message as the fake vendor received it: its id, ours, when, and what the phone would see. */
    public record Received(String vendorMessageId, String messageId, Instant receivedAt, String to, String from,
            String content, String sessionEvent) {
    }

    /** What the fake vendor was sent on a channel, oldest first. */
    public List<Received> received(String channelId) {
        return em.createNamedQuery("FakeVendorMessage.findByChannel", FakeVendorMessage.class)
                .setParameter("channelId", channelId)
                .getResultStream()
                .map(m -> new Received(m.getId(), m.getMessageId(), m.getReceivedAt(), m.getToAddr(),
                        m.getFromAddr(), m.getContent(), m.getSessionEvent()))
                .toList();
    }

    /** What the fake vendor sent one phone on a channel since a time, oldest first, at most {@code limit} (the newest). */
    public List<Received> sentTo(String channelId, String to, Instant since, int limit) {
        List<Received> newest = new ArrayList<>(em.createQuery("select m from FakeVendorMessage m"
                + " where m.channelId = :channel and m.toAddr = :to and m.receivedAt >= :since"
                + " order by m.receivedAt desc, m.id desc", FakeVendorMessage.class)
                .setParameter("channel", channelId)
                .setParameter("to", to)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultStream()
                .map(m -> new Received(m.getId(), m.getMessageId(), m.getReceivedAt(), m.getToAddr(),
                        m.getFromAddr(), m.getContent(), m.getSessionEvent()))
                .toList());
        Collections.reverse(newest);
        return newest;
    }
}
