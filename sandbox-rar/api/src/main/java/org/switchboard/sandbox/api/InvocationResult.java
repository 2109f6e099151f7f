package org.switchboard.sandbox.api;

/**
 * How an invocation ended.
 *
 * @param outcome what ended it
 * @param reason why, for anything but {@link Outcome#DONE}; also written to the app's log
 */
public record InvocationResult(Outcome outcome, String reason) {

    /** What ended an invocation. */
    public enum Outcome {
        /** the app called {@code api.done()} */
        DONE,
        /** the app had nothing left to do without calling {@code api.done()} */
        IDLE,
        /**
         * the app has no handler for the command, which it need not hear (an event, {@code inbound-event}, to an app
         * that defines neither {@code on_inbound_event} nor {@code on_unknown_command}): it was not told
         */
        NOT_LISTENING,
        /** the app threw, failed to load, or sent an unknown command */
        FAILED,
        /**
         * the sandbox had no free slot for a long while: the app did not run, and the caller should try again later
         * (the app did nothing wrong)
         */
        BUSY,
        /** a limit of the sandbox (time, statements, memory, output) ended it */
        LIMIT_EXCEEDED
    }

    public static InvocationResult done() {
        return new InvocationResult(Outcome.DONE, null);
    }
}
