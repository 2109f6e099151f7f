package org.switchboard.accounts.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.JsonBodies;
import org.switchboard.accounts.Account;
import org.switchboard.accounts.AccountService;

/** The operator API's checks: the operator token, and that the account in the path exists. */
@ApplicationScoped
public class AdminAuth {

    @Inject
    @ConfigProperty(name = "switchboard.admin.token")
    String adminToken;

    @Inject
    AccountService accounts;

    /** Refuses a request without {@code Authorization: Bearer <switchboard.admin.token>} with a 401. */
    public void require(String authorization) {
        String expected = "Bearer " + adminToken;
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(JsonBodies.error(Response.Status.UNAUTHORIZED,
                    "Send the operator token as 'Authorization: Bearer <token>' (config switchboard.admin.token)"));
        }
    }

    /** The operator's request for an account: checks the token, then answers 404 for an unknown account. */
    public Account account(String authorization, String accountId) {
        require(authorization);
        return accounts.find(accountId).orElseThrow(() -> notFound("Account " + accountId + " not found"));
    }

    public static WebApplicationException notFound(String message) {
        return new WebApplicationException(JsonBodies.error(Response.Status.NOT_FOUND, message));
    }
}
