package org.switchboard.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.conversations.Conversation;

/**
 * Which apps hear of their messages' events. Every message an app sends has events, and telling an app of one is an
 * invocation in a transaction of its own; an app whose code defines neither {@code on_inbound_event} nor
 * {@code on_unknown_command} does nothing with them (the sandbox says so: {@code NOT_LISTENING}), so once its code
 * version was found deaf, its events are stored without being queued for it. A new version of the code is asked anew.
 */
@ApplicationScoped
public class EventListeners {

    private static final int MAX_REMEMBERED = 10_000;

    private final Set<String> deafVersions = ConcurrentHashMap.newKeySet();

    /** Whether the conversation's app is to hear of its messages' events. */
    public boolean listens(Conversation conversation) {
        return conversation.getType() == Conversation.Type.JSBOX
                && !deafVersions.contains(conversation.getCodeVersion());
    }

    void notListening(String codeVersion) {
        if (deafVersions.size() >= MAX_REMEMBERED) {
            deafVersions.clear(); // asked again: one invocation each
        }
        deafVersions.add(codeVersion);
    }
}
