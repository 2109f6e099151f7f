package org.switchboard.conversations;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.switchboard.cache.Changed;
import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.switchboard.accounts.AccountService;
import java.util.function.Consumer;
import org.switchboard.accounts.Ids;

/** Creates conversations and finds them within an account. */
@Stateless
public class ConversationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Changed> changes;

    /** The conversation of this id, or null: for the engine, which works across accounts. */
    public Conversation byId(String conversationId) {
        return em.find(Conversation.class, conversationId);
    }

    /** A new conversation; {@code setUp} gives it its app and config in the same transaction. */
    public Conversation create(String accountId, Conversation.Type type, String name, Consumer<Conversation> setUp) {
        Conversation conversation = new Conversation(Ids.hex(), accountId, type, name);
        setUp.accept(conversation);
        em.persist(Checks.valid(conversation));
        return conversation;
    }

    /** The conversation, if it exists and belongs to the account. */
    public Optional<Conversation> find(String accountId, String conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId))
                .filter(conversation -> conversation.getAccountId().equals(accountId));
    }

    /** The account's conversation whose API token this is. */
    public Optional<Conversation> authenticate(String accountId, String token) {
        return em.createQuery("select c from Conversation c where c.accountId = :account and c.tokenHash = :hash",
                Conversation.class)
                .setParameter("account", accountId)
                .setParameter("hash", AccountService.Token.hash(token))
                .getResultStream()
                .findFirst();
    }

    /** Gives the conversation a new API token, replacing the one it had; the token is shown once. */
    public String issueToken(Conversation conversation) {
        AccountService.Token token = AccountService.Token.make();
        changes.fire(Changed.conversation(conversation.getId()));
        em.merge(conversation).setTokenHash(token.hash());
        conversation.setTokenHash(token.hash());
        return token.token();
    }

    /** Applies all of a request's changes to a conversation in one transaction. */
    public Conversation update(Conversation conversation, Consumer<Conversation> changes) {
        this.changes.fire(Changed.conversation(conversation.getId()));
        Conversation managed = em.merge(Checks.valid(conversation));
        changes.accept(managed);
        return managed;
    }
}
