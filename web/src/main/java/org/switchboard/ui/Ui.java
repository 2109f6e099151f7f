package org.switchboard.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What every page of the web UI knows: who is logged in, and the way out ({@code #{ui}}). */
@Named("ui")
@RequestScoped
public class Ui {

    /** The session's login; pages other than the login page are only reached with one (ApiAuthentication). */
    public SignedIn getSignedIn() {
        return signedIn(FacesContext.getCurrentInstance().getExternalContext());
    }

    /** Ends the session and goes to the login page. */
    public void logout() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        redirect(external, UiPaths.LOGIN + "?out=1");
    }

    /** What a page was asked for is not the account's (or not there): back to the home page, saying so. */
    public void notFound(String text) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        Messages.error(text);
        external.getFlash().setKeepMessages(true);
        redirect(external, UiPaths.HOME);
    }

    /** Refuses a change to a viewer (the page hides the controls; this is the check that counts). */
    public boolean mayChange() {
        if (getSignedIn().changes()) {
            return true;
        }
        Messages.error("You may look but not change anything: you are a viewer of " + getSignedIn().accountName());
        return false;
    }

    static SignedIn signedIn(ExternalContext external) {
        Object signedIn = external.getSessionMap().get(SignedIn.ATTRIBUTE);
        if (signedIn instanceof SignedIn user) {
            return user;
        }
        throw new IllegalStateException("No one is logged in to this session");
    }

    /** Sends the browser to a page of the application (a path from its root) and ends this request's rendering. */
    public static void redirect(ExternalContext external, String path) {
        try {
            external.redirect(external.getRequestContextPath() + path);
            FacesContext.getCurrentInstance().responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
