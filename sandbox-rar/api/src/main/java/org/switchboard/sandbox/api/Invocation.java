package org.switchboard.sandbox.api;

import java.util.Objects;

/**
 * One run of an app.
 *
 * @param sandboxId the conversation the app belongs to; one JavaScript context never serves two
 * @param app the app's code
 * @param command the command handed to the app once loaded, as JSON: {@code {"cmd":"inbound-message","msg":{...}}}
 * @param host answers the app's resource commands
 */
public record Invocation(String sandboxId, AppCode app, String command, SandboxHost host) {

    public Invocation {
        Objects.requireNonNull(sandboxId, "sandboxId");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(host, "host");
    }
}
