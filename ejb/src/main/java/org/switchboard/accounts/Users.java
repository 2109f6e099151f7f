package org.switchboard.accounts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.switchboard.validation.Checks;

/**
 * The people who use an account through the web UI: made by the operator (or the start script's demo), and logged in
 * by email and password. Passwords are hashed with Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2 with
 * HMAC-SHA512, 210,000 iterations: OWASP's figure for it), and a login by an unknown email costs the same hash as a
 * wrong password, so the time of an answer does not tell which emails have users.
 */
@Stateless
public class Users {

    /** The shortest password a user may have (NIST SP 800-63B asks for at least 8). */
    public static final int SHORTEST_PASSWORD = 10;
    /** The longest (PBKDF2 hashes all of it; a megabyte of password would be work for nothing). */
    public static final int LONGEST_PASSWORD = 256;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash hashes;

    /** A hash of no one's password, verified when the email has no user. */
    private String nobody;

    @PostConstruct
    void configure() {
        hashes.initialize(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000"));
        nobody = hashes.generate(Ids.secret().toCharArray());
    }

    /**
     * A new user of the account.
     *
     * @throws IllegalArgumentException saying what is wrong: the email, the password's length, an email that has a
     *         user already
     */
    public UserView create(String accountId, String email, String password, AccountUser.Role role) {
        String address = normal(email);
        if (password == null || password.length() < SHORTEST_PASSWORD || password.length() > LONGEST_PASSWORD) {
            throw new IllegalArgumentException("'password' must be " + SHORTEST_PASSWORD + " to " + LONGEST_PASSWORD
                    + " characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("'role' must be owner, admin or viewer");
        }
        if (find(address).isPresent()) {
            throw new IllegalArgumentException("A user with the email " + address + " exists already");
        }
        AccountUser user = Checks.valid(new AccountUser(Ids.uuid(), accountId, address,
                hashes.generate(password.toCharArray()), role));
        em.persist(user);
        return UserView.of(user);
    }

    /** The user whose email and password these are; empty for a wrong password or an unknown email alike. */
    public Optional<UserView> login(String email, String password) {
        if (email == null || password == null || password.length() > LONGEST_PASSWORD) {
            return Optional.empty();
        }
        Optional<AccountUser> user = find(email.trim().toLowerCase(Locale.ROOT));
        boolean right = hashes.verify(password.toCharArray(), user.map(AccountUser::getPasswordHash).orElse(nobody));
        return user.filter(u -> right).map(UserView::of);
    }

    /** The account's users, oldest first. */
    public List<UserView> of(String accountId) {
        return em.createQuery("select u from AccountUser u where u.accountId = :account order by u.createdAt",
                AccountUser.class)
                .setParameter("account", accountId)
                .setMaxResults(1000)
                .getResultStream()
                .map(UserView::of)
                .toList();
    }

    private Optional<AccountUser> find(String email) {
        return em.createQuery("select u from AccountUser u where u.email = :email", AccountUser.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst();
    }

    private static String normal(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("'email' is required");
        }
        String address = email.trim().toLowerCase(Locale.ROOT);
        if (address.length() > 320 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'email' must be an email address, like ada@example.org");
        }
        return address;
    }
}
