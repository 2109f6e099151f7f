package org.switchboard.channels;

import jakarta.enterprise.event.Event;
import java.time.Instant;
import org.switchboard.cache.Changed;
import org.switchboard.engine.ChannelLogLine;
import org.switchboard.pushes.PushTargets;
import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.switchboard.accounts.Ids;

/** Creates channels and finds them within an account. */
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

    /** A new channel on the vendor (null: the account's default service). */
    public Channel create(String accountId, String vendor, String address, String transportType,
            String conversationId, String endpoint, String moMessageUrl, String moMessageUrlAuthToken) {
        return create(accountId, vendor, address, transportType, conversationId, endpoint, moMessageUrl,
                moMessageUrlAuthToken, channel -> {
                });
    }

    /** As the other create, with more of the channel set by {@code details} before it is checked and stored. */
    public Channel create(String accountId, String vendor, String address, String transportType,
            String conversationId, String endpoint, String moMessageUrl, String moMessageUrlAuthToken,
            Consumer<Channel> details) {
        Channel channel = new Channel(Ids.uuid(), accountId,
                vendor == null ? vendors.defaultService(accountId) : vendors.canonical(vendor), address,
                transportType);
        channel.setConversationId(conversationId);
        channel.setEndpoint(endpoint);
        channel.setMoMessageUrl(moMessageUrl);
        channel.setMoMessageUrlAuthToken(moMessageUrlAuthToken);
        details.accept(channel);
        vendors.checkSettings(channel.getVendor(), channel.getSettings());
        checkMoUrl(channel);
        em.persist(Checks.valid(channel));
        return channel;
    }

    /** A channel's inbound messages are pushed to its mo_message_url: one the pushes may not reach is refused. */
    private void checkMoUrl(Channel channel) {
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

    /** The channel, if it exists and belongs to the account. */
    public Optional<Channel> find(String accountId, String channelId) {
        return Optional.ofNullable(em.find(Channel.class, channelId))
                .filter(channel -> channel.getAccountId().equals(accountId));
    }

    /**
     * The channel a conversation sends on: of those bound to it, the one on its {@code default} endpoint (or none
     * named), else the first made.
     */
    public Optional<Channel> forConversation(String accountId, String conversationId) {
        return em.createQuery("select c from Channel c where c.accountId = :account and c.conversationId = :conv"
                + " order by case when c.endpoint is null or c.endpoint = 'default' then 0 else 1 end, c.id",
                Channel.class)
                .setParameter("account", accountId)
                .setParameter("conv", conversationId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /**
     * Sets how the channel's vendor is fed: messages a second (null: unlimited), requests in flight at once (null: the
     * default) and the vendor's own settings (a JSON object's text, null: none), checked against the vendor.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public Channel configure(Channel channel, Double ratePerSecond, Integer maxInFlight, String settings) {
        changes.fire(Changed.channel(channel.getId()));
        Channel managed = em.merge(channel);
        managed.setRatePerSecond(ratePerSecond);
        managed.setMaxInFlight(maxInFlight);
        vendors.checkSettings(managed.getVendor(), settings);
        managed.setSettings(settings);
        return Checks.validOrUndo(em, managed);
    }

    /** The ids of the account's channels, sorted. */
    public List<String> ids(String accountId) {
        return em.createQuery("select c.id from Channel c where c.accountId = :account order by c.id", String.class)
                .setParameter("account", accountId)
                .getResultList();
    }

    /**
     * Changes a channel as {@code change} says and checks the result: its fields, and its vendor's settings against
     * the vendor.
     *
     * @throws IllegalArgumentException naming what is wrong; nothing is changed then
     */
    public Channel update(Channel channel, Consumer<Channel> change) {
        changes.fire(Changed.channel(channel.getId()));
        Channel managed = em.merge(channel);
        change.accept(managed);
        try {
            managed.setVendor(vendors.canonical(managed.getVendor()));
            vendors.checkSettings(managed.getVendor(), managed.getSettings());
            checkMoUrl(managed);
        } catch (IllegalArgumentException e) {
            em.detach(managed);
            throw e;
        }
        return Checks.validOrUndo(em, managed);
    }

    /** Deletes the channel and its log. Its messages stay in the store; those still queued are refused. */
    public void delete(Channel channel) {
        changes.fire(Changed.channel(channel.getId()));
        em.createQuery("delete from ChannelLogLine l where l.channelId = :c").setParameter("c", channel.getId())
                .executeUpdate();
        em.remove(em.contains(channel) ? channel : em.merge(channel));
    }

    /** The newest {@code n} lines of the channel's log, newest first. */
    public List<LogLine> logs(String channelId, int n) {
        return em.createQuery("select l from ChannelLogLine l where l.channelId = :c order by l.id desc",
                ChannelLogLine.class)
                .setParameter("c", channelId)
                .setMaxResults(n)
                .getResultStream()
                .map(l -> new LogLine(l.getChannelId(), l.getLevel(), l.getMessage(), l.getTimestamp(),
                        l.getExceptionClass(), l.getExceptionText(), l.getExceptionStack()))
                .toList();
    }

    /** A line of a channel's log as the APIs show it; the exception's parts are null when it had none. */
    public record LogLine(String channelId, int level, String message, Instant timestamp, String exceptionClass,
            String exceptionText, String exceptionStack) {
    }

    /** Binds a channel to a conversation (null unbinds it) under an endpoint name (null: {@code default}). */
    public Channel bind(Channel channel, String conversationId, String endpoint) {
        changes.fire(Changed.channel(channel.getId()));
        Channel managed = em.merge(Checks.valid(channel));
        managed.setConversationId(conversationId);
        managed.setEndpoint(endpoint);
        return managed;
    }
}
