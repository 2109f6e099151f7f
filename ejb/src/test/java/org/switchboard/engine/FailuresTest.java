package org.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void failuresToReachAHostAreSaidInWordsWithoutClassNames() {
        assertEquals("the connection was refused",
                Failures.describe(new CompletionException(new ConnectException())));
        assertEquals("the connection timed out", Failures.describe(new CompletionException(
                new HttpConnectTimeoutException("HTTP connect timed out"))));
        assertEquals("unknown host nowhere.invalid",
                Failures.describe(new UnknownHostException("nowhere.invalid")));
        assertEquals("the TLS handshake failed: the server's certificate was not accepted",
                Failures.describe(new SSLHandshakeException("PKIX path building failed:"
                        + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find a path")));
        String wrapped = Failures.describe(new CompletionException(
                new IOException("java.io.EOFException: EOF reached while reading")));
        assertEquals("the connection failed: EOF reached while reading", wrapped);
        assertEquals("the request failed", Failures.describe(new IllegalStateException()));
        for (String said : new String[]{wrapped, Failures.describe(new RuntimeException(
                "java.lang.NullPointerException: x"))}) {
            assertFalse(said.matches(".*[a-z]+\\.[a-z]+\\.[A-Z]\\w*Exception.*"), said);
        }
    }
}
