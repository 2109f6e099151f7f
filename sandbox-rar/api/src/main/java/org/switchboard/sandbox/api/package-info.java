/**
 * What the application sees of the JavaScript sandbox: it obtains a {@link SandboxConnection} from the
 * {@link SandboxConnectionFactory}, and runs one {@link Invocation} on it, answering the app's resource commands
 * through its {@link SandboxHost}. GraalJS types never appear here.
 */
package org.switchboard.sandbox.api;
