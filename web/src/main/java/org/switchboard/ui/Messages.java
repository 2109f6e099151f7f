package org.switchboard.ui;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page tells the person of the outcome of what they asked: the service's own words when it refused (a field
 * that is wrong, a state it cannot leave: an {@link IllegalArgumentException}, or an exception the service marked as an
 * application's), never a class name or a stack trace; anything else is logged and reported as the platform's fault.
 */
public final class Messages {

    private static final Logger LOG = Logger.getLogger(Messages.class.getName());

    private Messages() {
    }

    /** Runs an action that answers; null (with the refusal on the page) when the service refused it. */
    public static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause instanceof EJBException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof IllegalArgumentException
                    || cause.getClass().isAnnotationPresent(jakarta.ejb.ApplicationException.class)) {
                error(cause.getMessage());
            } else {
                LOG.log(Level.WARNING, "A page's action failed", e);
                error("The platform could not do that just now; it is in the server's log. Try again in a moment.");
            }
            return null;
        }
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }
}
