package org.switchboard.security;

/** The roles of the HTTP APIs, as resources name them in {@link Allowed}. */
public final class Roles {

    /** The platform's operator: {@code Authorization: Bearer <switchboard.admin.token>}. */
    public static final String OPERATOR = "operator";
    /** An account: HTTP Basic with its key and API token, or the API token as a Bearer token. */
    public static final String ACCOUNT = "account";
    /** One conversation of an account: HTTP Basic with the account key and the conversation's token. */
    public static final String CONVERSATION = "conversation";

    private Roles() {
    }
}
