package org.switchboard.security;

import jakarta.security.enterprise.CallerPrincipal;
import org.switchboard.accounts.AccountView;
import org.switchboard.conversations.HttpApiConversation;

/**
 * Who sent a request, as the {@link Credentials} found them: the operator, an account (its key and API token, or the
 * token alone as a Bearer token), or one conversation of an account (the account key and the conversation's token,
 * as Vumi Go's HTTP API authenticates).
 */
public final class Caller extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient AccountView account;
    private final transient HttpApiConversation conversation;

    private Caller(String name, AccountView account, HttpApiConversation conversation) {
        super(name);
        this.account = account;
        this.conversation = conversation;
    }

    static Caller operator() {
        return new Caller("operator", null, null);
    }

    static Caller account(AccountView account) {
        return new Caller("account:" + account.id(), account, null);
    }

    static Caller conversation(AccountView account, HttpApiConversation conversation) {
        return new Caller("conversation:" + conversation.id(), account, conversation);
    }

    /** The account, or null for the operator. */
    public AccountView account() {
        return account;
    }

    /** The http_api conversation whose token was given, or null. */
    public HttpApiConversation conversation() {
        return conversation;
    }

    /** The role this caller has (see {@link Roles}). */
    public String role() {
        return conversation != null ? Roles.CONVERSATION : account != null ? Roles.ACCOUNT : Roles.OPERATOR;
    }
}
