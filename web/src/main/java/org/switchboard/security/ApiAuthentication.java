package org.switchboard.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.security.enterprise.CallerPrincipal;
import java.util.Locale;
import java.util.Set;
import org.omnifaces.util.Servlets;
import org.switchboard.ui.Operator;
import org.switchboard.ui.SignedIn;
import org.switchboard.ui.UiPaths;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Reads the credentials of every HTTP API request: {@code Authorization: Basic} (an account key and an API or
 * conversation token) or {@code Bearer} (the operator token, or an account's API token), and has the
 * {@link Credentials} store check them. A request without credentials, or with ones that are refused, goes on
 * anonymous: the resource's {@link Allowed} then answers 401 in the error format of its own API (see
 * {@link RolesFeature}), which this mechanism, answering for every API at once, could not choose. The web UI's pages
 * are the same mechanism's too, by their HTTP session ({@link #ui}).
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    /** Request attribute: the {@link Caller}. */
    public static final String CALLER = "switchboard.caller";
    /** Request attribute (and JAX-RS request property): the caller's account, an {@link org.switchboard.accounts.AccountView}. */
    public static final String ACCOUNT = "switchboard.account";
    /** Request attribute: set when credentials were sent and refused. */
    public static final String REFUSED = "switchboard.credentials-refused";
    /** Request attribute: seconds the client must wait, after too many refused credentials ({@link LoginThrottle}). */
    public static final String THROTTLED = "switchboard.credentials-throttled";
    /** Where vendors call: their requests' credentials are the vendors', not an API's. */
    static final String VENDOR_WEBHOOKS = "/vendors/";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (UiPaths.isUi(path)) {
            return ui(request, response, path, context);
        }
        Credential credential = credential(request.getHeader("Authorization"));
        if (credential == null || request.getRequestURI().startsWith(request.getContextPath() + VENDOR_WEBHOOKS)) {
            // a vendor's webhook carries the vendor's credentials for the channel, which its connector checks
            return context.doNothing();
        }
        LoginThrottle.Attempt attempt = LoginThrottle.Attempt.of(request.getRemoteAddr(),
                credential instanceof UsernamePasswordCredential basic ? basic.getCaller() : null,
                request.getHeader("Authorization"));
        long now = System.nanoTime();
        OptionalLong wait = throttle.waitNanos(attempt, now);
        if (wait.isPresent()) {
            // not checked: the answer is 429 whether the credentials are right or wrong
            request.setAttribute(THROTTLED, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.getAsLong()) + 1));
            return context.doNothing();
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof Caller caller)) {
            throttle.failed(attempt, now);
            request.setAttribute(REFUSED, Boolean.TRUE);
            return context.doNothing();
        }
        throttle.succeeded(attempt);
        request.setAttribute(CALLER, caller);
        if (caller.account() != null) {
            request.setAttribute(ACCOUNT, caller.account());
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A page of the web UI: the login its HTTP session holds (a page never reads an Authorization header, and the APIs
     * never read the session's cookie, so a page cannot be made to call an API), else the login page. The login page
     * (accounts/faces/LoginPage) checks the password and puts the {@link SignedIn} into a new session.
     */
    private static AuthenticationStatus ui(HttpServletRequest request, HttpServletResponse response, String path,
            HttpMessageContext context) {
        if (path.equals(UiPaths.PREFIX) || path.equals(UiPaths.PREFIX + "/")) {
            return redirect(request, response, UiPaths.HOME);
        }
        HttpSession session = request.getSession(false);
        boolean operatorPage = UiPaths.isOperator(path);
        if (session != null && session.getAttribute(Operator.ATTRIBUTE) instanceof Operator) {
            if (!operatorPage && !UiPaths.isPublic(path)) {
                return redirect(request, response, UiPaths.OPERATOR_HOME); // no account's pages
            }
            return context.notifyContainerAboutLogin(new CallerPrincipal("operator"), Set.of(Roles.OPERATOR));
        }
        if (session != null && session.getAttribute(SignedIn.ATTRIBUTE) instanceof SignedIn signedIn) {
            if (operatorPage) {
                return redirect(request, response, UiPaths.HOME); // an account's user is not the operator
            }
            return context.notifyContainerAboutLogin(new CallerPrincipal("user:" + signedIn.user().id()),
                    Set.of("user", signedIn.role().name().toLowerCase(Locale.ROOT)));
        }
        return UiPaths.isPublic(path) ? context.doNothing() : redirect(request, response, UiPaths.LOGIN);
    }

    /**
     * Sends the browser to a page, as OmniFaces' {@code Servlets.facesRedirect} does: a plain 302, or for a page's ajax
     * request (a poll when the session has expired) the partial response that has Faces' script follow it, where a 302
     * would leave the page silently stale.
     */
    private static AuthenticationStatus redirect(HttpServletRequest request, HttpServletResponse response,
            String path) {
        Servlets.facesRedirect(request, response, request.getContextPath() + path);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** The credential in an Authorization header, or null when there is none that could be read. */
    static Credential credential(String header) {
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            return token.isEmpty() ? null : new BearerCredential(token);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0
                        ? null
                        : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
