package org.switchboard.sandbox.api;

import java.util.Objects;

/**
 * One run of an app.
 *
 * @param sandboxId the conversation the app belongs to; one JavaScript context never serves two
 * @param javascript the app's source
 * @param command the command handed to the app once loaded, as JSON: {@code {"cmd":"inbound-message","msg":{...}}}
 * @param host answers the app's resource commands
 */
public record Invocation(String sandboxId, String javascript, String command, SandboxHost host) {

    public Invocation {
        Objects.requireNonNull(sandboxId, "sandboxId");
        Objects.requireNonNull(javascript, "javascript");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(host, "host");
    }
}
