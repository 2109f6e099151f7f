package org.switchboard.accounts.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.channels.Channel;
import org.switchboard.channels.ChannelService;

/**
 * Channels and conversations the APIs looked up in the last few seconds, reused (Caffeine) so that a burst of sends costs
 * one database read, not two transactions a request. Only successful lookups are kept: a wrong token is checked
 * against the database every time. A revoked token or a changed channel takes effect within {@link #TTL}.
 */
@ApplicationScoped
public class RecentLookups {

    /** How long a lookup is reused. */
    public static final Duration TTL = Duration.ofSeconds(5);

    private final Cache<String, Channel> channels = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(10_000)
            .build();

    private final Cache<String, Conversation> conversations = Caffeine.newBuilder()
            .expireAfterWrite(TTL)
            .maximumSize(10_000)
            .build();

    @Inject
    private ConversationService conversationService;

    @Inject
    private ChannelService channelService;

    /** The account's conversation with this id. */
    public Optional<Conversation> conversation(String accountId, String conversationId) {
        return recent(conversations, accountId + '/' + conversationId,
                () -> conversationService.find(accountId, conversationId));
    }

    /** The account's channel with this id. */
    public Optional<Channel> channel(String accountId, String channelId) {
        return recent(channels, accountId + '/' + channelId, () -> channelService.find(accountId, channelId));
    }

    /** Drops a channel that was changed or deleted here, so this instance's next request reads it again. */
    public void forgetChannel(String accountId, String channelId) {
        channels.invalidate(accountId + '/' + channelId);
    }

    private static <T> Optional<T> recent(Cache<String, T> cache, String key, Supplier<Optional<T>> lookup) {
        T known = cache.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<T> found = lookup.get();
        found.ifPresent(value -> cache.put(key, value));
        return found;
    }
}
