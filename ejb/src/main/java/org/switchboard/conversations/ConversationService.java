package org.switchboard.conversations;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.switchboard.accounts.Ids;

/** Creates conversations and finds them within an account. */
@Stateless
public class ConversationService {

    @PersistenceContext
    private EntityManager em;

    public Conversation create(String accountId, Conversation.Type type, String name, String javascript,
            String config) {
        Conversation conversation = new Conversation(Ids.hex(), accountId, type, name);
        conversation.setJavascript(javascript);
        conversation.setConfig(config);
        em.persist(conversation);
        return conversation;
    }

    /** The conversation, if it exists and belongs to the account. */
    public Optional<Conversation> find(String accountId, String conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId))
                .filter(conversation -> conversation.getAccountId().equals(accountId));
    }

    /** Renames a conversation; null leaves the name. */
    public Conversation rename(Conversation conversation, String name) {
        Conversation managed = em.merge(conversation);
        if (name != null) {
            managed.setName(name);
        }
        return managed;
    }

    /** Replaces a jsbox app's code with one script. */
    public Conversation setJavascript(Conversation conversation, String javascript) {
        Conversation managed = em.merge(conversation);
        managed.setJavascript(javascript);
        return managed;
    }

    /** Replaces a jsbox app's code with a bundle run from its file {@code main}. */
    public Conversation setBundle(Conversation conversation, byte[] bundle, String main, String mainText) {
        Conversation managed = em.merge(conversation);
        managed.setBundle(bundle, main, mainText);
        return managed;
    }

    public Conversation setConfig(Conversation conversation, String config) {
        Conversation managed = em.merge(conversation);
        managed.setConfig(config);
        return managed;
    }
}
