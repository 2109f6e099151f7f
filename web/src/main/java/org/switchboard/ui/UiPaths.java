package org.switchboard.ui;

/** Where the web UI's pages are (its Faces servlet's prefix is {@value #PREFIX}; web.xml says why a prefix). */
public final class UiPaths {

    public static final String PREFIX = "/ui";
    public static final String HOME = PREFIX + "/home.xhtml";
    public static final String LOGIN = PREFIX + "/login.xhtml";
    public static final String CONVERSATION = PREFIX + "/conversation.xhtml";
    /** A conversation's app: a jsbox's code, config keys and log, a ready-made app's settings. */
    public static final String APP = PREFIX + "/app.xhtml";
    /** The operator's pages (accounts, users, failed pushes, the engine's counters): an operator session's only. */
    public static final String OPERATOR = PREFIX + "/operator/";
    public static final String OPERATOR_HOME = OPERATOR + "home.xhtml";
    /** A dialogue's poll editor. */
    public static final String POLL = PREFIX + "/poll.xhtml";
    /** Faces' resources (scripts, styles, fonts of PrimeFaces), which the login page needs before anyone logs in. */
    static final String RESOURCES = PREFIX + "/jakarta.faces.resource/";

    private UiPaths() {
    }

    /** Whether a path of the application is the UI's. */
    public static boolean isUi(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Whether a UI path is one of the operator's pages. */
    public static boolean isOperator(String path) {
        return path.startsWith(OPERATOR);
    }

    /** Whether a UI path may be seen without logging in. */
    public static boolean isPublic(String path) {
        return path.equals(LOGIN) || path.startsWith(RESOURCES);
    }
}
