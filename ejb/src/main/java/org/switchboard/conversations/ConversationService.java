package org.switchboard.conversations;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.switchboard.accounts.AccountService;
import org.switchboard.accounts.Ids;
import org.switchboard.cache.Changed;
import org.switchboard.pushes.PushTargets;
import org.switchboard.validation.Checks;

/**
 * Creates, changes and finds conversations within an account. A change is checked whole before any of it is made (a
 * refused request changes nothing), and is seen by the next request ({@link Changed} after its commit).
 */
@Stateless
public class ConversationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Changed> changes;

    @Inject
    private PushTargets targets;

    /** The conversation of this id, or null: for the engine, which works across accounts. */
    public Conversation byId(String conversationId) {
        return em.find(Conversation.class, conversationId);
    }

    /**
     * A new conversation of the type, with what {@code change} gives it; an http_api one with its API token.
     *
     * @throws IllegalArgumentException saying what is wrong with the request
     */
    public ConversationView create(String accountId, Conversation.Type type, String name, ConversationChange change) {
        if (type == Conversation.Type.JSBOX && change.javascript() == null && change.bundle() == null) {
            throw new IllegalArgumentException("A jsbox conversation needs its app: 'javascript' (the script) or"
                    + " 'bundle' (a base64 zip of the script and its node_modules, run from 'main')");
        }
        Conversation conversation = new Conversation(Ids.hex(), accountId, type, name);
        if (type.readyMade() && change.config() == null) {
            conversation.setConfig(AppConfigs.check(type, jakarta.json.JsonValue.EMPTY_JSON_OBJECT).toString());
        }
        checked(accountId, type, change).accept(conversation);
        em.persist(Checks.valid(conversation));
        return ConversationView.of(conversation, type == Conversation.Type.HTTP_API ? issue(conversation) : null);
    }

    /** The conversation, if it exists and belongs to the account. */
    public Optional<Conversation> find(String accountId, String conversationId) {
        return Optional.ofNullable(em.find(Conversation.class, conversationId))
                .filter(conversation -> conversation.getAccountId().equals(accountId));
    }

    /** The account's conversation as the APIs show it. */
    public Optional<ConversationView> view(String accountId, String conversationId) {
        return find(accountId, conversationId).map(conversation -> ConversationView.of(conversation, null));
    }

    /** A jsbox conversation's script as it was sent (a bundle's: its main file's); empty for any other conversation. */
    public Optional<String> javascript(String accountId, String conversationId) {
        return find(accountId, conversationId).filter(c -> c.getType() == Conversation.Type.JSBOX)
                .map(Conversation::getJavascript);
    }

    /** The account's conversations as the APIs show them, by name (at most {@code limit}). */
    public List<ConversationView> list(String accountId, int limit) {
        return em.createQuery("select c from Conversation c where c.accountId = :account order by c.name, c.id",
                Conversation.class)
                .setParameter("account", accountId)
                .setMaxResults(limit)
                .getResultStream()
                .map(conversation -> ConversationView.of(conversation, null))
                .toList();
    }

    /** The account's http_api conversation whose API token this is (only those have tokens). */
    public Optional<HttpApiConversation> authenticate(String accountId, String token) {
        return em.createQuery("select c from Conversation c where c.accountId = :account and c.tokenHash = :hash",
                Conversation.class)
                .setParameter("account", accountId)
                .setParameter("hash", AccountService.Token.hash(token))
                .getResultStream()
                .filter(conversation -> conversation.getType() == Conversation.Type.HTTP_API)
                .findFirst()
                .map(HttpApiConversation::of);
    }

    /**
     * Gives an http_api conversation a new API token, replacing the one it had; the token is in this answer only.
     *
     * @throws IllegalArgumentException when the conversation is of another type
     */
    public Optional<ConversationView> issueToken(String accountId, String conversationId) {
        return find(accountId, conversationId).map(conversation -> {
            if (conversation.getType() != Conversation.Type.HTTP_API) {
                throw new IllegalArgumentException("Only an http_api conversation has an API token");
            }
            return ConversationView.of(conversation, issue(conversation));
        });
    }

    /**
     * Makes all of a request's changes to the account's conversation in one transaction.
     *
     * @throws IllegalArgumentException saying what is wrong; nothing is changed then
     */
    public Optional<ConversationView> update(String accountId, String conversationId, ConversationChange change) {
        return find(accountId, conversationId).map(conversation -> {
            Consumer<Conversation> apply = checked(accountId, conversation.getType(), change);
            changes.fire(Changed.conversation(conversationId));
            apply.accept(conversation);
            return ConversationView.of(Checks.validOrUndo(em, conversation), null);
        });
    }

    private String issue(Conversation conversation) {
        AccountService.Token token = AccountService.Token.make();
        changes.fire(Changed.conversation(conversation.getId()));
        conversation.setTokenHash(token.hash());
        return token.token();
    }

    /** The changes a request asks for, every one checked before any is made. */
    private Consumer<Conversation> checked(String accountId, Conversation.Type type, ConversationChange change) {
        List<Consumer<Conversation>> steps = new ArrayList<>();
        if (change.name() != null) {
            if (change.name().isBlank()) {
                throw new IllegalArgumentException("'name' is required");
            }
            steps.add(c -> c.setName(change.name()));
        }
        if (change.config() != null) {
            steps.add(config(accountId, type, change));
        }
        if (type.readyMade() && (change.javascript() != null || change.bundle() != null)) {
            throw new IllegalArgumentException("A " + type.wireName() + " conversation runs the platform's app:"
                    + " 'javascript' and 'bundle' are for jsbox conversations");
        }
        if (change.javascript() != null && change.bundle() != null) {
            throw new IllegalArgumentException("Send either 'javascript' or 'bundle', not both");
        }
        if (change.javascript() != null) {
            steps.add(c -> c.setJavascript(change.javascript()));
        }
        if (change.bundle() != null) {
            String main = change.main() == null || change.main().isBlank()
                    ? ConversationChange.DEFAULT_MAIN
                    : change.main().startsWith("./") ? change.main().substring(2) : change.main();
            String text = Bundles.validate(change.bundle(), main);
            steps.add(c -> c.setBundle(change.bundle(), main, text));
        }
        return conversation -> steps.forEach(step -> step.accept(conversation));
    }

    /**
     * Refuses a poll whose group state names a group the account does not have: the dialogue app would put nobody in
     * it (Vumi Go stored the key as it was; a group deleted later is logged by the app and skipped).
     */
    private void knownGroups(String accountId, java.util.Set<String> keys) {
        for (String key : keys) {
            boolean known = !em.createNativeQuery("select group_key from contact_group_def where group_key = ?1"
                    + " and account_id = ?2").setParameter(1, key).setParameter(2, accountId).setMaxResults(1)
                    .getResultList().isEmpty();
            if (!known) {
                throw new IllegalArgumentException("poll: a group state names the group " + key
                        + ", which the account does not have");
            }
        }
    }

    /**
     * A conversation's config: a jsbox app's config as it is; the settings of a junebug or http_api conversation,
     * checked (an unknown or unsupported setting is refused, never ignored), their push URLs ones the pushes may
     * reach, and kept encrypted (they hold tokens).
     */
    private Consumer<Conversation> config(String accountId, Conversation.Type type, ConversationChange change) {
        if (type == Conversation.Type.JSBOX) {
            String config = change.config().toString();
            return c -> c.setConfig(config);
        }
        if (type.readyMade()) {
            JsonObject config = AppConfigs.check(type, change.config());
            if (type == Conversation.Type.DIALOGUE && config.get("poll") instanceof JsonObject poll) {
                knownGroups(accountId, Polls.check(poll));
            }
            return c -> c.setConfig(config.toString());
        }
        Record settings = ConversationSettings.check(type, change.config());
        for (String url : Arrays.asList(settings instanceof ConversationSettings.Junebug j ? j.defaultEventUrl() : null,
                settings instanceof ConversationSettings.HttpApi h ? h.pushMessageUrl() : null,
                settings instanceof ConversationSettings.HttpApi h ? h.pushEventUrl() : null)) {
            if (url != null) {
                targets.check(url);
            }
        }
        return c -> c.setSettings(settings);
    }
}
