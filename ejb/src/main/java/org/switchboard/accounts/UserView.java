package org.switchboard.accounts;

import java.io.Serializable;
import java.time.Instant;

/** A user as the edges see them (never their password's hash); kept in a UI session, so serializable. */
public record UserView(String id, String accountId, String email, AccountUser.Role role, Instant createdAt)
        implements
            Serializable {

    public static UserView of(AccountUser user) {
        return new UserView(user.getId(), user.getAccountId(), user.getEmail(), user.getRole(), user.getCreatedAt());
    }

    /** Whether the user may change things (not a viewer). */
    public boolean changes() {
        return role.changes();
    }
}
