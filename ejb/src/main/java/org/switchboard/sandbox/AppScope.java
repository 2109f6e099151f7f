package org.switchboard.sandbox;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.conversations.Conversation;
import org.switchboard.messages.Message;

/**
 * The app a command comes from: its conversation (and so its account), the message it was invoked for, if any, and
 * the log lines the invocation wrote (kept even if the platform cannot store the rest of what it did).
 */
public record AppScope(Conversation conversation, Message inbound, List<SandboxLogLine> logged) {

    public AppScope(Conversation conversation, Message inbound) {
        this(conversation, inbound, new ArrayList<>());
    }

    public String accountId() {
        return conversation.getAccountId();
    }

    public String conversationId() {
        return conversation.getId();
    }
}
