package org.switchboard.routes;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.Ids;
import org.switchboard.cache.Changed;

/**
 * Reads and stores accounts' routing tables. A table is read through a short cache that a change empties after its
 * commit, so the next message follows the new table; storing one replaces the whole table in one transaction.
 */
@Stateless
public class Routes {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RecentTables recent;

    @Inject
    private Event<Changed> changes;

    /** The account's table (empty when it has none). */
    public RoutingTable of(String accountId) {
        return recent.get(accountId, this::load);
    }

    /** The account's table as stored now, past the cache (for a change made from it). */
    public RoutingTable load(String accountId) {
        return RoutingTable.of(em.createQuery("select e from RouteEntry e where e.accountId = :account order by e.id",
                RouteEntry.class).setParameter("account", accountId).getResultStream().map(RouteEntry::entry)
                .toList());
    }

    /**
     * The account's table as stored now, with the account locked until the transaction ends, so that two changes made
     * from it at once do not lose one another's entries.
     */
    public RoutingTable lock(String accountId) {
        lockAccount(accountId);
        return load(accountId);
    }

    /** Locks the account until the transaction ends: changes of its table (and of what it routes to) wait. */
    public void lockAccount(String accountId) {
        em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Stores {@code table} as the account's whole table (checked by the caller), seen by the next message. */
    public void replace(String accountId, RoutingTable table) {
        lockAccount(accountId); // Hibernate takes a lock this transaction holds already as it is, with no query
        em.createQuery("delete from RouteEntry e where e.accountId = :account").setParameter("account", accountId)
                .executeUpdate();
        for (RoutingTable.Entry entry : table.entries()) {
            em.persist(new RouteEntry(Ids.ordered(), accountId, entry));
        }
        changes.fire(Changed.routing(accountId));
    }

    /** Binds the channel straight to a conversation's endpoint, or unbinds it ({@link RoutingTable#binding}). */
    public void bind(String accountId, String channelId, String conversationId, String endpoint) {
        replace(accountId, lock(accountId).binding(channelId, conversationId, endpoint));
    }

    /** Drops the entries from and to a connector (its channel, conversation or router is gone). */
    public void remove(String accountId, Connector connector) {
        RoutingTable before = lock(accountId);
        RoutingTable after = before.without(connector);
        if (!after.equals(before)) {
            replace(accountId, after);
        }
    }
}
