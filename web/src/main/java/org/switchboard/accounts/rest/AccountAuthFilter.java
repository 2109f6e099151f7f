package org.switchboard.accounts.rest;

import static org.switchboard.json.Jsonp.JSON;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.switchboard.accounts.Account;

/**
 * Resolves the calling account from HTTP Basic credentials (account key : API token) and stores it under
 * {@link #ACCOUNT} on the request; answers 401 otherwise. Every account-scoped query starts from this account.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AccountAuthFilter implements ContainerRequestFilter {

    /** Request property holding the authenticated {@link Account}. */
    public static final String ACCOUNT = "switchboard.account";

    @Inject
    private RecentLookups accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<Account> account = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(pair -> accounts.account(pair[0], pair[1]));
        if (account.isEmpty()) {
            request.abortWith(ErrorBodies.unauthorized(request.getUriInfo().getPath()));
            return;
        }
        request.setProperty(ACCOUNT, account.get());
    }

    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The 401 in the error format of the API that was called. */
    static final class ErrorBodies {
        private ErrorBodies() {
        }

        static Response unauthorized(String path) {
            String message = "Authenticate with HTTP Basic: your account key as the user name and an API token "
                    + "as the password";
            if (path.startsWith("channels/") || path.startsWith("/channels/")) {
                return org.switchboard.messages.junebug.JunebugResponses.error(Response.Status.UNAUTHORIZED,
                        "unauthorized", "Unauthorized", message);
            }
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"switchboard\"")
                    .type("application/json")
                    .entity(JSON.createObjectBuilder().add("error", message).build().toString())
                    .build();
        }
    }
}
