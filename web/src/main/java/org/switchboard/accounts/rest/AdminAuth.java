package org.switchboard.accounts.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.switchboard.accounts.AccountView;
import org.switchboard.accounts.AccountService;
import org.switchboard.errors.ApiException;

/** The operator API's check that the account in the path exists (the operator token is checked by its role). */
@ApplicationScoped
public class AdminAuth {

    @Inject
    AccountService accounts;

    /** The account in an operator request's path; 404 when there is none. */
    public AccountView account(String accountId) {
        return accounts.find(accountId).orElseThrow(() -> ApiException.notFound("Account " + accountId + " not found"));
    }

    /** A required string of an operator request's body; 400 naming it when it is missing or blank. */
    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("'" + name + "' is required");
        }
        return value;
    }
}
