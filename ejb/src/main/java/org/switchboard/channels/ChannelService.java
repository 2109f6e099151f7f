package org.switchboard.channels;

import jakarta.enterprise.event.Event;
import java.time.Instant;
import org.switchboard.cache.Changed;
import org.switchboard.engine.ChannelLogLine;
import org.switchboard.engine.Failures;
import org.switchboard.pushes.PushTargets;
import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.switchboard.engine.AfterCommit;
import org.switchboard.engine.ChannelActivity;
import org.switchboard.accounts.Ids;
import org.switchboard.routes.Connector;
import org.switchboard.routes.Routes;
import org.switchboard.routes.RoutingTable;

/**
 * Creates, changes and deletes an account's channels, checking each against its vendor, and finds them within an
 * account; the edges get {@link ChannelView}s. A change is heard by the lookup caches after its commit.
 */
@Stateless
public class ChannelService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Changed> changes;

    @Inject
    private PushTargets targets;

    @Inject
    private ServiceVendors vendors;

    @Inject
    private ChannelActivity activity;

    @Inject
    private AfterCommit afterCommit;

    @Inject
    private Routes routes;

    /**
     * A new channel, as {@code change} sets it: on its vendor (none named: the account's default service), at its
     * address, with the rest it names.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is stored then
     */
    public ChannelView create(String accountId, ChannelChange change) {
        String vendor = change.string(ChannelChange.Field.VENDOR);
        Channel channel = new Channel(Ids.uuid(), accountId, null, null, null);
        change.applyTo(channel);
        channel.setVendor(vendor == null ? vendors.defaultService(accountId) : vendors.canonical(vendor));
        check(channel);
        em.persist(Checks.valid(channel));
        bind(channel, change);
        activity.log(channel.getId(), ChannelLogLine.INFO, "Channel created on " + channel.getVendor() + " for "
                + channel.getAddress(), null);
        return changed(channel);
    }

    /** The channel's binding to a conversation, when the change names one: two entries of the routing table. */
    private void bind(Channel channel, ChannelChange change) {
        if (change.has(ChannelChange.Field.CONVERSATION_ID)) {
            String endpoint = change.string(ChannelChange.Field.ENDPOINT);
            if (endpoint != null && !RoutingTable.ENDPOINT.matcher(endpoint).matches()) {
                throw new IllegalArgumentException("'endpoint' must be an endpoint name: "
                        + RoutingTable.ENDPOINT_RULE);
            }
            routes.bind(channel.getAccountId(), channel.getId(), change.string(ChannelChange.Field.CONVERSATION_ID),
                    endpoint);
        }
    }

    private ChannelView view(Channel channel) {
        return ChannelView.of(channel, routes.of(channel.getAccountId()));
    }

    /** The channel as this transaction changed it, its binding too (the cached table is the last commit's). */
    private ChannelView changed(Channel channel) {
        return ChannelView.of(channel, routes.load(channel.getAccountId()));
    }

    /** What a channel must be whoever made it: settings its vendor takes, an mo_message_url the pushes may reach. */
    private void check(Channel channel) {
        vendors.checkSettings(channel.getVendor(), channel.getSettings());
        if (channel.getMoMessageUrl() != null) {
            try {
                targets.check(channel.getMoMessageUrl());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'mo_message_url' cannot be used: " + e.getMessage(), e);
            }
        }
    }

    /** The channel of this id, or null: for the engine, which works across accounts. */
    public Channel byId(String channelId) {
        return em.find(Channel.class, channelId);
    }

    private Optional<Channel> find(String accountId, String channelId) {
        return Optional.ofNullable(em.find(Channel.class, channelId))
                .filter(channel -> channel.getAccountId().equals(accountId));
    }

    /** The account's channel with this id. */
    public Optional<ChannelView> view(String accountId, String channelId) {
        return find(accountId, channelId).map(this::view);
    }

    /**
     * The channel a conversation sends on: the one its {@code default} endpoint's sends reach in the routing table,
     * else the first of those it is wired to.
     */
    public Optional<ChannelView> forConversation(String accountId, String conversationId) {
        RoutingTable table = routes.of(accountId);
        return table.channelFor(conversationId, RoutingTable.DEFAULT)
                .or(() -> table.channelsOf(conversationId).stream().findFirst())
                .flatMap(id -> view(accountId, id));
    }

    /** The account's channels, by id. */
    public List<ChannelView> views(String accountId) {
        return em.createQuery("select c from Channel c where c.accountId = :account order by c.id", Channel.class)
                .setParameter("account", accountId)
                .getResultStream()
                .map(this::view)
                .toList();
    }

    /** The ids of the account's channels, sorted. */
    public List<String> ids(String accountId) {
        return em.createQuery("select c.id from Channel c where c.accountId = :account order by c.id", String.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /**
     * Changes the account's channel as {@code change} says and checks the result: its fields, and its settings
     * against its vendor. Empty when the account has no such channel.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is changed then
     */
    public Optional<ChannelView> update(String accountId, String channelId, ChannelChange change) {
        Optional<Channel> found = find(accountId, channelId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Channel channel = found.get();
        changes.fire(Changed.channel(channelId));
        change.applyTo(channel);
        try {
            channel.setVendor(vendors.canonical(channel.getVendor()));
            check(channel);
        } catch (IllegalArgumentException e) {
            em.detach(channel);
            throw e;
        }
        Checks.validOrUndo(em, channel);
        bind(channel, change);
        activity.log(channelId, ChannelLogLine.INFO, "Channel changed: " + String.join(", ",
                change.fields().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList()), null);
        return Optional.of(changed(channel));
    }

    /**
     * Deletes the account's channel and its log; false when it has no such channel. Its messages stay in the store;
     * those still queued are refused.
     */
    public boolean delete(String accountId, String channelId) {
        Optional<Channel> channel = find(accountId, channelId);
        if (channel.isEmpty()) {
            return false;
        }
        changes.fire(Changed.channel(channelId));
        em.createQuery("delete from ChannelLogLine l where l.channelId = :c").setParameter("c", channelId)
                .executeUpdate();
        em.remove(channel.get());
        routes.remove(accountId, Connector.channel(channelId));
        afterCommit.run(() -> activity.forget(channelId));
        return true;
    }

    /** The required settings of the vendor that the account's channel has no value for (it cannot send until set). */
    public List<String> missingSettings(String accountId, String channelId) {
        return find(accountId, channelId).map(channel -> vendors.ready(channel).missing()).orElse(List.of());
    }

    /** The newest {@code n} lines of the account's channel's log, newest first; empty when it has no such channel. */
    public Optional<List<LogLine>> logs(String accountId, String channelId, int n) {
        if (find(accountId, channelId).isEmpty()) {
            return Optional.empty();
        }
        if (n <= 0) {
            return Optional.of(List.of());
        }
        return Optional.of(em.createQuery("select l from ChannelLogLine l where l.channelId = :c order by l.id desc",
                ChannelLogLine.class)
                .setParameter("c", channelId)
                .setMaxResults(n)
                .getResultStream()
                .map(l -> new LogLine(l.getChannelId(), l.getLevel(), l.getMessage(), l.getTimestamp(),
                        l.getExceptionText() == null ? null : Failures.clean(l.getExceptionText())))
                .toList());
    }

    /**
     * A line of a channel's log as the APIs show it: {@code reason} says in words what failed when an exception was
     * the cause (null else); class names and stack frames are the server log's, never the account's.
     */
    public record LogLine(String channelId, int level, String message, Instant timestamp, String reason) {
    }
}
