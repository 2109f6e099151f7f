package org.switchboard.sandbox.api;

/** The platform side of a sandbox invocation: answers the app's resource commands and keeps its log. */
public interface SandboxHost {

    /**
     * Answers one command of the app.
     *
     * @param command the command as JSON, {@code {"cmd":"kv.get","cmd_id":"1","reply":false,...}}
     * @return the reply as JSON, at least {@code {"success":true|false}}; the adapter adds {@code cmd},
     *         {@code cmd_id} and {@code reply}
     * @throws UnknownCommandException when no resource answers the command; the invocation then ends
     */
    String request(String command) throws UnknownCommandException;

    /** Records a line in the app's log: what the app logged, or why the sandbox ended it. */
    void log(String level, String message);

    /** Thrown for a command of an unknown resource or an unknown command of a resource. */
    final class UnknownCommandException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnknownCommandException(String message) {
            super(message);
        }
    }
}
