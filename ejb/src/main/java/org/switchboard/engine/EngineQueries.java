package org.switchboard.engine;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.switchboard.messages.Message;
import org.switchboard.messages.Message.Direction;
import org.switchboard.messages.Message.Status;
import org.switchboard.messages.MessageEvent;

/** What the engine reads from the record: the work that the rows say is still to do. */
@Stateless
public class EngineQueries {

    @PersistenceContext
    private EntityManager em;

    /**
     * Pending pushes whose next attempt was due by {@code before}, oldest first. A sweep asks for those overdue by a
     * while: a push just finished may still read as pending in its query.
     */
    public List<Push> pushesDue(Instant before, int limit) {
        return em.createQuery("select p from Push p where p.state = :state and p.nextAttemptAt <= :before"
                + " order by p.nextAttemptAt", Push.class)
                .setParameter("state", Push.State.PENDING)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Channels with outbound messages waiting for their vendor. */
    public List<String> channelsWithQueued() {
        return em.createQuery("select distinct m.channelId from Message m where m.status = :queued", String.class)
                .setParameter("queued", Status.QUEUED)
                .getResultList();
    }

    /** A channel's oldest outbound messages waiting for their vendor, accepted before {@code before}. */
    public List<Message> queued(String channelId, Instant before, int limit) {
        return em.createQuery("select m from Message m where m.status = :queued and m.channelId = :channel"
                + " and m.timestamp < :before order by m.timestamp, m.id", Message.class)
                .setParameter("queued", Status.QUEUED)
                .setParameter("channel", channelId)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Those of the messages with these ids that still wait for their vendor, oldest first. */
    public List<Message> queued(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select m from Message m where m.id in :ids and m.status = :queued"
                + " order by m.timestamp, m.id", Message.class)
                .setParameter("ids", ids)
                .setParameter("queued", Status.QUEUED)
                .getResultList();
    }

    /** Inbound messages not yet routed to their conversation, received before {@code before}, oldest first. */
    public List<Message> unrouted(Instant before, int limit) {
        return em.createQuery("select m from Message m where m.status = :received and m.direction = :inbound"
                + " and m.timestamp < :before order by m.timestamp, m.id", Message.class)
                .setParameter("received", Status.RECEIVED)
                .setParameter("inbound", Direction.INBOUND)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Events an app has yet to be told of, stored before {@code before}, oldest first. */
    public List<MessageEvent> eventsForApps(Instant before, int limit) {
        return em.createQuery("select e from MessageEvent e where e.appPending = true and e.timestamp < :before"
                + " order by e.timestamp, e.id", MessageEvent.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** When the named mark was last set, or null if never. */
    public Instant mark(String name) {
        EngineMark mark = em.find(EngineMark.class, name);
        return mark == null ? null : mark.getAt();
    }

    /**
     * Events stored from {@code since} on, after the event {@code afterId} of that time (null: from the first), whose
     * message has an event_url and which have no push row, pushed by {@code instance} (or stored before events named
     * their pusher): each with its message, oldest first.
     */
    public List<Object[]> eventsWithoutPush(Instant since, String afterId, String instance, int limit) {
        return em.createQuery("select e, m from MessageEvent e join Message m on m.id = e.messageId"
                + " where (e.timestamp > :since or (e.timestamp = :since and e.id > :afterId))"
                + " and (e.pushedBy = :instance or e.pushedBy is null)"
                + " and m.eventUrl is not null"
                + " and not exists (select p.id from Push p where p.subjectId = e.id)"
                + " order by e.timestamp, e.id", Object[].class)
                .setParameter("since", since)
                .setParameter("afterId", afterId == null ? "" : afterId)
                .setParameter("instance", instance)
                .setMaxResults(limit)
                .getResultList();
    }
}
