package org.switchboard.accounts.faces;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.accounts.AccountService;
import org.switchboard.accounts.AccountUser;
import org.switchboard.accounts.AccountView;
import org.switchboard.accounts.UserView;
import org.switchboard.accounts.Users;
import org.switchboard.engine.EngineStats;
import org.switchboard.engine.Push.State;
import org.switchboard.pushes.PushService;
import org.switchboard.pushes.PushView;
import org.switchboard.ui.Messages;
import org.switchboard.ui.PerRequest;

/**
 * The operator's page: the engine's counters since start (refreshed while open), the accounts and each one's users (a
 * new account, its API token shown once; a new user), and the pushes that failed for good, each replayed with a click.
 * Only an operator session reaches it (ApiAuthentication keeps {@code /ui/operator/} for those).
 */
@Named
@ViewScoped
public class OperatorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final int ACCOUNTS = 200;
    static final int PUSHES = 50;

    @Inject
    transient EngineStats stats;

    @Inject
    transient AccountService accounts;

    @Inject
    transient Users users;

    @Inject
    transient PushService pushes;

    /** A figure of the engine: its name and value. */
    public record Figure(String name, String value) implements Serializable {
    }

    private final PerRequest<List<AccountView>> accountList = new PerRequest<>();
    private final PerRequest<AccountView> chosen = new PerRequest<>();
    private String accountId;
    private String accountName;
    private String newToken;
    private String email;
    private String password;
    private String role = "owner";

    /** The engine's counts, the mean time of its steps, and its gauges (backlogs), as words and numbers. */
    public List<Figure> getEngine() {
        JsonObject json = stats.toJson();
        List<Figure> figures = new ArrayList<>();
        json.getJsonObject("counts").forEach((name, value) -> figures.add(new Figure(words(name), value.toString())));
        json.getJsonObject("gauges").forEach((name, value) -> figures.add(new Figure(words(name), value.toString())));
        for (Map.Entry<String, JsonValue> step : json.getJsonObject("steps").entrySet()) {
            JsonObject s = step.getValue().asJsonObject();
            figures.add(new Figure(words(step.getKey()) + ": mean ms (runs)", String.format(Locale.ROOT, "%.2f (%d)",
                    ((JsonNumber) s.get("mean_ms")).doubleValue(), s.getJsonNumber("runs").longValue())));
        }
        return figures;
    }

    private static String words(String name) {
        String spaced = name.replace('_', ' ').replace('-', ' ').replace('.', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public List<AccountView> getAccounts() {
        return accountList.get(() -> accounts.list(ACCOUNTS));
    }

    /** Makes an account; its API token is shown here once and stored only as a hash. */
    public void createAccount() {
        if (accountName == null || accountName.isBlank()) {
            Messages.error("The account needs a name");
            return;
        }
        AccountService.NewAccount made = Messages.attempt(() -> accounts.create(accountName.strip()));
        if (made != null) {
            newToken = made.apiToken();
            accountId = made.account().id();
            chosen.forget();
            accountName = null;
            accountList.forget();
            Messages.info("Account " + made.account().name() + " is made: copy its API token now, it is not shown"
                    + " again");
        }
    }

    public void choose(String id) {
        accountId = id;
        chosen.forget();
        newToken = null;
    }

    public AccountView getChosen() {
        return chosen.get(() -> accountId == null ? null : accounts.find(accountId).orElse(null));
    }

    public List<UserView> getUsers() {
        return accountId == null ? List.of() : users.of(accountId);
    }

    /** Adds a user to the chosen account (the password checked as the API checks it). */
    public void addUser() {
        if (accountId == null) {
            Messages.error("Choose an account first");
            return;
        }
        AccountUser.Role parsed = Messages.attempt(() -> AccountUser.Role.parse(role));
        if (parsed == null) {
            return;
        }
        UserView made = Messages.attempt(() -> users.create(accountId, email, password, parsed));
        password = null;
        if (made != null) {
            Messages.info(made.email() + " may log in to " + getChosen().name() + " as " + role);
            email = null;
        }
    }

    /** The pushes that failed for good, newest first, of every account. */
    public List<PushView> getFailedPushes() {
        return pushes.list(null, State.FAILED, null, PUSHES);
    }

    public void replay(String pushId) {
        if (Boolean.TRUE.equals(Messages.attempt(() -> pushes.replay(pushId)))) {
            Messages.info("Push " + pushId + " is on its way again");
        } else {
            Messages.error("Push " + pushId + " is not failed any more: nothing to replay");
        }
    }

    public String getNewToken() {
        return newToken;
    }

    public String getAccountName() {
        return accountName;
    }

    public void setAccountName(String accountName) {
        this.accountName = accountName;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }
}
