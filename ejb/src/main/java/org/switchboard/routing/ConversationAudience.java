package org.switchboard.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Instant;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.conversations.Conversation;
import org.switchboard.conversations.ConversationService;
import org.switchboard.conversations.ConversationSettings;
import org.switchboard.engine.EventAudience;
import org.switchboard.messages.Message;
import org.switchboard.sandbox.EventListeners;

/**
 * Who hears of a message's events, as its conversation says ({@link EventAudience}): its app when it listens for
 * events, its event_url while a Junebug conversation's window is open (vumi2 forgets a message's event_url after its
 * state cache timeout, 24 h unless set), signed with the conversation's secret, and an http_api conversation's event
 * stream. The conversation is read through a short cache that a change to it empties.
 */
@ApplicationScoped
public class ConversationAudience implements EventAudience {

    private final RecentRows<Conversation> conversations = new RecentRows<>(Changed.Kind.CONVERSATION, 10_000);

    @Inject
    private ConversationService service;

    @Inject
    private EventListeners listeners;

    @Override
    public Audience of(Message message) {
        Conversation conversation = message.getConversationId() == null
                ? null
                : conversations.get(message.getConversationId(), service::byId);
        if (conversation == null) {
            return Audience.EVENT_URL_ONLY;
        }
        boolean junebug = conversation.getType() == Conversation.Type.JUNEBUG;
        return new Audience(listeners.listens(conversation),
                !junebug || message.getTimestamp().isAfter(Instant.now().minus(conversation.junebug().window())),
                ConversationSettings.signingSecret(conversation),
                junebug ? conversation.junebug().eventUrlTimeout() : null,
                conversation.getType() == Conversation.Type.HTTP_API && conversation.httpApi().streamsEvents(),
                conversation.getId());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        conversations.changed(change);
    }
}
