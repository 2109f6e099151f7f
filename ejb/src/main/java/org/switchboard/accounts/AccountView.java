package org.switchboard.accounts;

import java.time.Instant;

/** An account as the edges see it: who it is and its Vumi Go flags; never its token's hash. */
public record AccountView(String id, String name, String accountKey, Instant createdAt, boolean canManageOptouts,
        boolean optoutsDisabled) {

    public static AccountView of(Account account) {
        return new AccountView(account.getId(), account.getName(), account.getAccountKey(), account.getCreatedAt(),
                account.canManageOptouts(), account.optoutsDisabled());
    }
}
