package org.switchboard.sandbox;

import org.switchboard.conversations.Conversation;
import org.switchboard.messages.Message;

/**
 * The app a command comes from: its conversation (and so its account), and the message it was invoked for, if any.
 */
public record AppScope(Conversation conversation, Message inbound) {

    public String accountId() {
        return conversation.getAccountId();
    }

    public String conversationId() {
        return conversation.getId();
    }
}
