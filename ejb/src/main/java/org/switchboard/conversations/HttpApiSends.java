package org.switchboard.conversations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.accounts.AccountView;
import org.switchboard.channels.ChannelService;
import org.switchboard.engine.MessageService;
import org.switchboard.messages.Message;
import org.switchboard.messages.MessageChannel;
import org.switchboard.messages.OutboundRequest;
import org.switchboard.optouts.OptOutService;

/**
 * What a send or reply through a Vumi Go {@code http_api} conversation becomes, as Vumi Go decided it: refused when
 * too long for the conversation's {@code content_length_limit} or (a send, not a reply) when the recipient opted out
 * and the account keeps opt-outs; sent on the conversation's channel (a reply on the channel of the message it
 * answers), with the conversation's push_event_url as its event_url. Refusals are Vumi Go's words, as
 * {@link IllegalArgumentException}s.
 */
@ApplicationScoped
public class HttpApiSends {

    @Inject
    ChannelService channels;

    @Inject
    OptOutService optouts;

    @Inject
    MessageService messages;

    /** A checked send: the channel it goes on and what it asks for. */
    public record Send(MessageChannel channel, OutboundRequest request) {
    }

    /** A new message to {@code toAddr} (of {@code toAddrType}, msisdn unless said). */
    public Send to(AccountView account, HttpApiConversation conversation, String toAddr, String toAddrType,
            String content,
            String sessionEvent) {
        checkLength(conversation, content);
        String type = toAddrType == null ? "msisdn" : toAddrType;
        if (!account.optoutsDisabled() && optouts.find(account.id(), type, toAddr).isPresent()) {
            throw new IllegalArgumentException("Recipient with " + type + " " + toAddr + " has opted out");
        }
        MessageChannel channel = channels.forConversation(account.id(), conversation.id())
                .orElseThrow(() -> new IllegalArgumentException("Conversation " + conversation.id()
                        + " has no channel to send on; the operator binds one to it"
                        + " (PUT /api/admin/accounts/{id}/channels/{channel_id})"));
        return new Send(channel, new OutboundRequest(toAddr, null, null, null, content, eventUrl(conversation), null,
                null, !"close".equals(sessionEvent), sessionEvent, rules(conversation)));
    }

    /** A reply to the conversation's inbound message {@code inReplyTo}; Vumi Go's "Invalid in_reply_to value" else. */
    public Send reply(AccountView account, HttpApiConversation conversation, String inReplyTo, String content,
            String sessionEvent) {
        Message inbound = messages.find(account.id(), inReplyTo)
                .filter(m -> m.getDirection() == Message.Direction.INBOUND
                        && conversation.id().equals(m.getConversationId()))
                .orElseThrow(HttpApiSends::invalidReply);
        checkLength(conversation, content);
        MessageChannel channel = channels.view(account.id(), inbound.getChannelId())
                .orElseThrow(HttpApiSends::invalidReply);
        return new Send(channel, new OutboundRequest(null, null, null, inbound.getId(), content,
                eventUrl(conversation), null, null, !"close".equals(sessionEvent), null, rules(conversation)));
    }

    /** Vumi Go's answer to a reply to no message of the conversation. */
    public static IllegalArgumentException invalidReply() {
        return new IllegalArgumentException("Invalid in_reply_to value");
    }

    private static OutboundRequest.Rules rules(HttpApiConversation conversation) {
        return new OutboundRequest.Rules(null, false, null, null, conversation.id(), Message.EventShape.VUMI);
    }

    private static String eventUrl(HttpApiConversation conversation) {
        ConversationSettings.HttpApi settings = conversation.settings();
        return settings.pushesEvents() ? settings.pushEventUrl() : null;
    }

    private static void checkLength(HttpApiConversation conversation, String content) {
        Integer limit = conversation.settings().contentLengthLimit();
        if (limit != null && content != null && content.length() > limit) {
            throw new IllegalArgumentException("Payload content too long: " + content.length() + " > " + limit);
        }
    }
}
