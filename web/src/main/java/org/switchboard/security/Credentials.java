package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.accounts.AccountService;
import org.switchboard.cache.Changed;
import org.switchboard.cache.RecentRows;
import org.switchboard.conversations.ConversationService;

/**
 * The identity store of every HTTP API: the operator token, an account's key and API token (Basic) or API token alone
 * (Bearer), an account key and one of its conversations' tokens (Basic). Tokens are stored as hashes only. A
 * successful check is reused for a few seconds ({@link RecentRows}), so a burst of requests costs one database read; a
 * failed one is checked again every time. A token replaced or an account changed through the platform is checked
 * again by the next request.
 */
@ApplicationScoped
public class Credentials implements IdentityStore {

    /** Successful checks, by credentials: any change of an account or conversation empties it (they are rare). */
    private final RecentRows<Caller> recent = new RecentRows<>(Changed.Kind.ACCOUNT, 10_000);

    @Inject
    @ConfigProperty(name = "switchboard.admin.token")
    String adminToken;

    @Inject
    AccountService accounts;

    @Inject
    ConversationService conversations;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Optional<Caller> caller = Optional.empty();
        if (credential instanceof BearerCredential bearer) {
            caller = bearer(bearer.token());
        } else if (credential instanceof UsernamePasswordCredential basic) {
            caller = basic(basic.getCaller(), basic.getPasswordAsString());
        }
        return caller.map(c -> new CredentialValidationResult(c, Set.of(c.role())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** Whether this is the operator's token (compared in constant time). */
    public boolean operator(String token) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                adminToken.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<Caller> bearer(String token) {
        if (operator(token)) {
            return Optional.of(Caller.operator());
        }
        return cached("bearer " + token, () -> accounts.authenticateBearer(token).map(Caller::account));
    }

    private Optional<Caller> basic(String accountKey, String token) {
        return cached("basic " + accountKey + ':' + token, () -> {
            // one read of the account: its API token, else one of its conversations' tokens
            return accounts.byKey(accountKey, token).flatMap(keyed -> keyed.ownToken()
                    ? Optional.of(Caller.account(keyed.account()))
                    : conversations.authenticate(keyed.account().id(), token)
                            .map(conversation -> Caller.conversation(keyed.account(), conversation)));
        });
    }

    private Optional<Caller> cached(String key, Supplier<Optional<Caller>> check) {
        return Optional.ofNullable(recent.get(key, k -> check.get().orElse(null)));
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
        if (change.kind() == Changed.Kind.ACCOUNT || change.kind() == Changed.Kind.CONVERSATION) {
            recent.clear();
        }
    }
}
