package org.switchboard.accounts.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.channels.Channel;
import org.switchboard.channels.ChannelService;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;

/**
 * Channels and conversations the APIs looked up lately ({@link RecentRows}), so that a burst of sends costs one
 * database read, not two transactions a request. Only successful lookups are kept: a wrong id is looked for every
 * time. A channel or conversation changed through the platform is read again by the next request.
 */
@ApplicationScoped
public class RecentLookups {

    private final RecentRows<Channel> channels = new RecentRows<>(Changed.Kind.CHANNEL, 10_000);
    private final RecentRows<Conversation> conversations = new RecentRows<>(Changed.Kind.CONVERSATION, 10_000);

    @Inject
    private ConversationService conversationService;

    @Inject
    private ChannelService channelService;

    /** The account's conversation with this id. */
    public Optional<Conversation> conversation(String accountId, String conversationId) {
        return Optional.ofNullable(conversations.get(conversationId + '/' + accountId,
                key -> conversationService.find(accountId, conversationId).orElse(null)));
    }

    /** The account's channel with this id. */
    public Optional<Channel> channel(String accountId, String channelId) {
        return Optional.ofNullable(channels.get(channelId + '/' + accountId,
                key -> channelService.find(accountId, channelId).orElse(null)));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        channels.changed(change);
        conversations.changed(change);
    }
}
