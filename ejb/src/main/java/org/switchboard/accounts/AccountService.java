package org.switchboard.accounts;

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

    /** A new account and its API token, which is shown once and stored only as a hash. */
    public record NewAccount(Account account, String apiToken) {
    }

    public NewAccount create(String name) {
        String token = Ids.secret();
        Account account = new Account(Ids.uuid(), name, Ids.hex(), hash(token));
        em.persist(Checks.valid(account));
        return new NewAccount(account, token);
    }

    public Optional<Account> find(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** The account whose key and token these are, if they are. */
    public Optional<Account> authenticate(String accountKey, String token) {
        return em.createNamedQuery("Account.findByKey", Account.class)
                .setParameter("key", accountKey)
                .getResultStream()
                .filter(account -> MessageDigest.isEqual(account.getTokenHash().getBytes(StandardCharsets.UTF_8),
                        hash(token).getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    static String hash(String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets an account's apps manage opt-outs (Vumi Go's {@code can_manage_optouts}), or not. */
    public Account setCanManageOptouts(String accountId, boolean allowed) {
        Account account = em.find(Account.class, accountId);
        account.setCanManageOptouts(allowed);
        return account;
    }
}
