package org.switchboard.accounts.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.switchboard.accounts.AccountService;
import org.switchboard.accounts.AccountView;
import org.switchboard.accounts.UserView;
import org.switchboard.accounts.Users;
import org.switchboard.security.Credentials;
import org.switchboard.security.LoginThrottle;
import org.switchboard.ui.Operator;
import org.switchboard.ui.SignedIn;
import org.switchboard.ui.Ui;
import org.switchboard.ui.UiPaths;

/**
 * The login page: an email and a password, checked by {@link Users}; wrong ones are slowed down as the APIs' are
 * ({@link LoginThrottle}, per client and email), and an unknown email reads the same as a wrong password. A login
 * gives the session a new id (so an id planted before it is worth nothing) and goes to the home page. The operator
 * logs in as {@value Operator#LOGIN} with the operator token, to the operator's pages.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    Users users;

    @Inject
    AccountService accounts;

    @Inject
    LoginThrottle throttle;

    @Inject
    Credentials credentials;

    private String email;
    private String password;

    public void login() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String who = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        LoginThrottle.Attempt attempt = LoginThrottle.Attempt.of(request.getRemoteAddr(), "user " + who,
                "user " + who + ":" + password);
        long now = System.nanoTime();
        OptionalLong wait = throttle.waitNanos(attempt, now);
        if (wait.isPresent()) {
            refuse(faces, "Too many wrong passwords for " + who + ": try again in "
                    + (TimeUnit.NANOSECONDS.toSeconds(wait.getAsLong()) + 1) + " seconds");
            return;
        }
        if (who.equals(Operator.LOGIN)) {
            if (!credentials.operator(password)) {
                throttle.failed(attempt, now);
                refuse(faces, "Wrong email or password");
                return;
            }
            throttle.succeeded(attempt);
            signIn(request, external, Operator.ATTRIBUTE, new Operator(java.time.Instant.now()),
                    UiPaths.OPERATOR_HOME);
            return;
        }
        Optional<UserView> user = users.login(email, password);
        Optional<AccountView> account = user.flatMap(u -> accounts.find(u.accountId()));
        if (user.isEmpty() || account.isEmpty()) {
            throttle.failed(attempt, now);
            refuse(faces, "Wrong email or password");
            return;
        }
        throttle.succeeded(attempt);
        signIn(request, external, SignedIn.ATTRIBUTE, SignedIn.of(user.get(), account.get()), UiPaths.HOME);
    }

    /** Starts the login's session under a new id (an id planted before it is worth nothing) and opens its page. */
    private static void signIn(HttpServletRequest request, ExternalContext external, String attribute,
            Object login, String page) {
        request.getSession(true);
        request.changeSessionId();
        external.getSessionMap().put(attribute, login);
        Ui.redirect(external, page);
    }

    private void refuse(FacesContext faces, String why) {
        password = null;
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, why, null));
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
