package org.switchboard.pushes;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.engine.AfterCommit;
import org.switchboard.engine.Push.State;
import org.switchboard.engine.Push;
import org.switchboard.engine.Pusher;

/** The stored pushes: those due for an attempt, and the operator's view: list, counts, inspect, replay. */
@Stateless
public class PushService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Pusher pusher;

    @Inject
    private AfterCommit afterCommit;

    /** An account's pushes in a state (null: any), of a conversation (null: any), newest first. */
    public List<PushView> list(String accountId, State state, String conversationId, int limit) {
        TypedQuery<Push> query = em
                .createQuery("select p from Push p where (:account is null or p.accountId = :account)"
                        + " and (:state is null or p.state = :state)"
                        + " and (:conversation is null or p.conversationId = :conversation)"
                        + " order by p.createdAt desc, p.id", Push.class);
        return query.setParameter("account", accountId)
                .setParameter("state", state)
                .setParameter("conversation", conversationId)
                .setMaxResults(limit)
                .getResultStream()
                .map(PushView::of)
                .toList();
    }

    public Optional<PushView> find(String pushId) {
        return Optional.ofNullable(em.find(Push.class, pushId)).map(PushView::of);
    }

    /** The pushes of a message (of its events, or of the message itself). */
    private List<Push> ofSubjects(List<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from Push p where p.subjectId in :ids order by p.createdAt", Push.class)
                .setParameter("ids", subjectIds)
                .getResultList();
    }

    /** Per conversation (null: pushes of no conversation), how many pushes are pending, delivered and failed. */
    public Map<String, Map<State, Long>> counts(String accountId) {
        Map<String, Map<State, Long>> counts = new LinkedHashMap<>();
        em.createQuery("select p.conversationId, p.state, count(p) from Push p"
                + " where (:account is null or p.accountId = :account)"
                + " group by p.conversationId, p.state order by p.conversationId", Object[].class)
                .setParameter("account", accountId)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((String) row[0], c -> new LinkedHashMap<>())
                        .put((State) row[1], (Long) row[2]));
        return counts;
    }

    /**
     * Sends a failed push again, as it was: its attempts start over. A pending push is left to its schedule and a
     * delivered one is not sent twice.
     *
     * @return whether the push was failed and is now on its way again
     */
    public boolean replay(String pushId) {
        Push managed = em.find(Push.class, pushId);
        if (managed == null || managed.getState() != State.FAILED) {
            return false;
        }
        em.createQuery("update Push p set p.state = :pending, p.attempts = 0, p.nextAttemptAt = :now"
                + " where p.id = :id and p.state = :failed")
                .setParameter("pending", State.PENDING).setParameter("now", Instant.now())
                .setParameter("id", pushId).setParameter("failed", State.FAILED)
                .executeUpdate();
        em.refresh(managed);
        afterCommit.run(() -> pusher.push(managed)); // tried now, once the row says pending again
        return true;
    }

    /** Where the pushes of a message's events stand: how many are pending, delivered, failed; the last error. */
    public record Summary(Map<State, Long> counts, String lastError) {
    }

    /**
     * The pushes of these events of the message: stored ones by their state, and those of events with no row (an
     * event's push is stored once an attempt fails) as pending while this server still holds them, else delivered.
     */
    public Summary summary(boolean hasEventUrl, List<String> eventIds) {
        List<Push> stored = ofSubjects(eventIds);
        Map<State, Long> counts = new EnumMap<>(State.class);
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        stored.forEach(push -> counts.merge(push.getState(), 1L, Long::sum));
        if (hasEventUrl) {
            Set<String> withRow = stored.stream().map(Push::getSubjectId).collect(Collectors.toSet());
            eventIds.stream().filter(id -> !withRow.contains(id))
                    .forEach(id -> counts.merge(pusher.unsettled(id) ? State.PENDING : State.DELIVERED, 1L, Long::sum));
        }
        String lastError = stored.stream().filter(p -> p.getState() != State.DELIVERED && p.getLastError() != null)
                .reduce((a, b) -> b).map(Push::getLastError).orElse(null);
        return new Summary(counts, lastError);
    }
}
