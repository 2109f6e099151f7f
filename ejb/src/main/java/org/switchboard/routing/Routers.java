package org.switchboard.routing;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.accounts.Ids;
import org.switchboard.cache.Changed;
import org.switchboard.contacts.ContactService;
import org.switchboard.json.StrictRecords.Refused;
import org.switchboard.routes.Connector;
import org.switchboard.routes.Routes;
import org.switchboard.routes.RoutingTable;
import org.switchboard.validation.Checks;

/**
 * Makes, changes and deletes an account's routers, each config checked whole ({@link RouterConfigs}); a change is
 * used by the next message.
 */
@Stateless
public class Routers {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ContactService contacts;

    @Inject
    private Routes routes;

    @Inject
    private Event<Changed> changes;

    @Inject
    private RecentRouters recent;

    /** The router as a client sees it: its fields and its config read. */
    public record RouterView(String id, Router.Type type, String name, java.time.Instant createdAt,
            RouterConfigs.Config config) {

        RouterView(Router router, RouterConfigs.Config config) {
            this(router.getId(), router.getType(), router.getName(), router.getCreatedAt(), config);
        }
    }

    /**
     * A new router of the account.
     *
     * @throws IllegalArgumentException naming what is wrong (the key of the config); nothing is stored then
     */
    public RouterView create(String accountId, Router.Type type, String name, JsonObject config) {
        RouterConfigs.Config checked = check(accountId, type, config);
        Router router = new Router(Ids.hex(), accountId, type, name, checked.json().toString());
        em.persist(Checks.valid(router));
        return new RouterView(router, checked);
    }

    /** The account's routers, oldest first. */
    public List<RouterView> list(String accountId) {
        return em.createQuery("select r from Router r where r.accountId = :account order by r.createdAt, r.id",
                Router.class).setParameter("account", accountId).getResultStream()
                .map(r -> new RouterView(r, RouterConfigs.read(r))).toList();
    }

    /**
     * The router of this id, whoever's, for routing a message: read through a short cache that a change to the
     * router empties after its commit. Null when there is none.
     */
    public RouterView routing(String routerId) {
        return recent.get(routerId, id -> Optional.ofNullable(em.find(Router.class, id))
                .map(r -> new RouterView(r, RouterConfigs.read(r))).orElse(null));
    }

    public Optional<RouterView> find(String accountId, String routerId) {
        return Optional.ofNullable(em.find(Router.class, routerId))
                .filter(r -> r.getAccountId().equals(accountId))
                .map(r -> new RouterView(r, RouterConfigs.read(r)));
    }

    /**
     * Renames the router or sets its config (null: left as it is). A config that drops an endpoint the routing table
     * still routes from is refused, naming the entry, so no route is lost without a word.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is changed then
     */
    public Optional<RouterView> update(String accountId, String routerId, String name, JsonObject config) {
        Optional<Router> found = Optional.ofNullable(em.find(Router.class, routerId))
                .filter(r -> r.getAccountId().equals(accountId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Router router = found.get();
        RouterConfigs.Config checked = config == null
                ? RouterConfigs.read(router)
                : check(accountId, router.getType(), config);
        RoutingTable table = routes.lock(accountId);
        for (RoutingTable.Entry entry : table.entries()) {
            if (entry.source().connector().equals(Connector.routerOutbound(routerId))
                    && !checked.endpoints().contains(entry.source().endpoint())) {
                throw new Refused("config", "The new config has no endpoint '" + entry.source().endpoint()
                        + "', which the routing table routes from (" + entry.source() + " to " + entry.target()
                        + "): change the table first");
            }
        }
        if (name != null) {
            router.setName(name);
        }
        router.setConfig(checked.json().toString());
        Checks.validOrUndo(em, router);
        changes.fire(Changed.router(routerId));
        return Optional.of(new RouterView(router, checked));
    }

    /** Deletes the router, its entries in the routing table and its sessions; false when the account has none. */
    public boolean delete(String accountId, String routerId) {
        Optional<Router> found = Optional.ofNullable(em.find(Router.class, routerId))
                .filter(r -> r.getAccountId().equals(accountId));
        if (found.isEmpty()) {
            return false;
        }
        routes.replace(accountId, routes.lock(accountId).without(Connector.routerInbound(routerId))
                .without(Connector.routerOutbound(routerId)));
        em.createQuery("delete from RouterSession s where s.routerId = :router").setParameter("router", routerId)
                .executeUpdate();
        em.remove(found.get());
        changes.fire(Changed.router(routerId));
        return true;
    }

    private RouterConfigs.Config check(String accountId, Router.Type type, JsonObject config) {
        return RouterConfigs.check(type, config, key -> contacts.group(accountId, key)
                .filter(group -> !group.isSmart()).isPresent());
    }
}
