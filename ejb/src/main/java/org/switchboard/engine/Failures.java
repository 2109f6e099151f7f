package org.switchboard.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * A failure to reach a host, said as its owner would say it to an account (in a push's {@code last_error}, a nack's
 * reason, a channel's log): what happened, with no class names or stack frames, which stay in the server's log.
 */
public final class Failures {

    /** A qualified class name such as {@code java.net.ConnectException}, with what follows it up to its text. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private Failures() {
    }

    /** What went wrong, in words; never a class name. The first cause along the chain that says more wins. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String known = known(cause);
            if (known != null) {
                return known;
            }
            innermost = cause;
        }
        String text = innermost.getMessage() == null ? "" : clean(innermost.getMessage());
        if (innermost instanceof IOException) {
            return text.isEmpty() ? "the connection failed" : "the connection failed: " + text;
        }
        if (innermost instanceof IllegalArgumentException && !text.isEmpty()) {
            return text;
        }
        return text.isEmpty() ? "the request failed" : "the request failed: " + text;
    }

    private static String known(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (cause instanceof ConnectException) {
            return "the connection was refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host" + (cause.getMessage() == null ? "" : " " + clean(cause.getMessage()));
        }
        if (cause instanceof SSLException) {
            String text = String.valueOf(cause.getMessage());
            return text.contains("PKIX") || text.contains("certificate")
                    ? "the TLS handshake failed: the server's certificate was not accepted"
                    : "the TLS handshake failed";
        }
        return null;
    }

    /** The text without the class names Java puts in messages. */
    public static String clean(String text) {
        return CLASS_NAME.matcher(text).replaceAll("").strip();
    }
}
