package org.switchboard.ui;

import java.io.Serializable;
import java.time.Instant;

/**
 * The platform's operator logged in to the web UI (with the operator token, as the admin APIs take it): kept as the
 * HTTP session's attribute {@link #ATTRIBUTE}; such a session sees the operator's pages only, never an account's.
 */
public record Operator(Instant since) implements Serializable {

    public static final String ATTRIBUTE = "switchboard.ui.operator";

    /** The name typed in the login page's email field to log in as the operator. */
    public static final String LOGIN = "operator";
}
