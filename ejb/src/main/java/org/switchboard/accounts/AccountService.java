package org.switchboard.accounts;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.switchboard.cache.Changed;
import org.switchboard.validation.Checks;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Creates accounts and checks their API credentials. */
@Stateless
public class AccountService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Event<Changed> changes;

    /** A new account and its API token, which is shown once and stored only as a hash. */
    public record NewAccount(AccountView account, String apiToken) {
    }

    public NewAccount create(String name) {
        String token = Ids.secret();
        Account account = new Account(Ids.uuid(), name, Ids.hex(), hash(token));
        em.persist(Checks.valid(account));
        return new NewAccount(AccountView.of(account), token);
    }

    public Optional<AccountView> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id)).map(AccountView::of);
    }

    /** The accounts, newest first (at most {@code limit}): the operator's list. */
    public java.util.List<AccountView> list(int limit) {
        return em.createQuery("select a from Account a order by a.createdAt desc, a.id", Account.class)
                .setMaxResults(limit).getResultStream().map(AccountView::of).toList();
    }

    /** The account a key names, and whether the token given with the key is the account's own API token. */
    public record Keyed(AccountView account, boolean ownToken) {
    }

    /**
     * The account with this key, and whether the token is its API token (compared in constant time); empty when no
     * account has the key.
     */
    public Optional<Keyed> byKey(String accountKey, String token) {
        return byKey(accountKey).map(account -> new Keyed(AccountView.of(account),
                matches(token, account.getTokenHash())));
    }

    private Optional<Account> byKey(String accountKey) {
        return em.createNamedQuery("Account.findByKey", Account.class)
                .setParameter("key", accountKey)
                .getResultStream()
                .findFirst();
    }

    /** The account whose API token this is, sent alone (as a Bearer token). */
    public Optional<AccountView> authenticateBearer(String token) {
        return em.createQuery("select a from Account a where a.tokenHash = :hash", Account.class)
                .setParameter("hash", hash(token))
                .getResultStream()
                .findFirst()
                .map(AccountView::of);
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sets the account's Vumi Go flags that are given (null leaves one as it is): {@code can_manage_optouts} lets its
     * apps manage opt-outs, {@code disable_optouts} lets its HTTP API sends reach recipients who opted out.
     */
    public Optional<AccountView> setFlags(String accountId, Boolean canManageOptouts, Boolean disableOptouts) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            return Optional.empty();
        }
        changes.fire(Changed.account(accountId));
        if (canManageOptouts != null) {
            account.setCanManageOptouts(canManageOptouts);
        }
        if (disableOptouts != null) {
            account.setDisableOptouts(disableOptouts);
        }
        return Optional.of(AccountView.of(account));
    }

    /** A new secret token and the hash to store for it. */
    public record Token(String token, String hash) {
        public static Token make() {
            String token = Ids.secret();
            return new Token(token, hash(token));
        }

        /** The hash stored for a token. */
        public static String hash(String token) {
            return AccountService.hash(token);
        }
    }

    /** Whether the token is the one whose hash this is (compared in constant time). */
    public static boolean matches(String token, String hash) {
        return token != null && hash != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.UTF_8),
                hash(token).getBytes(StandardCharsets.UTF_8));
    }
}
