package org.switchboard.ui;

import java.io.Serializable;
import org.switchboard.accounts.AccountUser;
import org.switchboard.accounts.AccountView;
import org.switchboard.accounts.UserView;

/**
 * Who is logged in to the web UI in this HTTP session: the user and their account. Kept as the session's attribute
 * {@link #ATTRIBUTE} from the login on, read by the authentication mechanism on every page and by the pages' beans.
 */
public record SignedIn(UserView user, String accountId, String accountName) implements Serializable {

    public static final String ATTRIBUTE = "switchboard.ui.signed-in";

    public static SignedIn of(UserView user, AccountView account) {
        return new SignedIn(user, account.id(), account.name());
    }

    /** Whether the user may change things (owner and admin; a viewer looks). */
    public boolean changes() {
        return user.changes();
    }

    public AccountUser.Role role() {
        return user.role();
    }
}
