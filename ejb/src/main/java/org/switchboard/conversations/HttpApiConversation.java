package org.switchboard.conversations;

/**
 * An {@code http_api} conversation as Vumi Go's HTTP API needs it once its token was checked: which it is, whose, and
 * its settings (push URLs, content length limit, metrics store).
 */
public record HttpApiConversation(String id, String accountId, ConversationSettings.HttpApi settings) {

    static HttpApiConversation of(Conversation conversation) {
        return new HttpApiConversation(conversation.getId(), conversation.getAccountId(), conversation.httpApi());
    }
}
