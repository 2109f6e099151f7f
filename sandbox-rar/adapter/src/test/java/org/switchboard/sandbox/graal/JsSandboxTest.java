package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.Invocation;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;
import org.switchboard.sandbox.api.SandboxHost;

class JsSandboxTest {

    private static final String INBOUND = "{\"cmd\":\"inbound-message\",\"msg\":{\"message_id\":\"m1\","
            + "\"content\":\"hello\",\"from_addr\":\"+27831234567\"}}";

    private static JsSandbox sandbox;
    private static Timer watchdog;

    @BeforeAll
    static void start() {
        sandbox = new JsSandbox();
        watchdog = new Timer(true);
    }

    @AfterAll
    static void stop() {
        watchdog.cancel();
        sandbox.close();
    }

    /** Records the commands an app sends; answers kv.get with a value and everything else with success. */
    static final class RecordingHost implements SandboxHost {
        final List<String> commands = new ArrayList<>();
        final List<String> log = new ArrayList<>();

        @Override
        public String request(String command) throws UnknownCommandException {
            commands.add(command);
            if (command.contains("\"cmd\":\"nope.nothing\"")) {
                throw new UnknownCommandException("Unknown resource 'nope'");
            }
            if (command.contains("\"cmd\":\"kv.get\"")) {
                return "{\"success\":true,\"value\":41}";
            }
            return "{\"success\":true}";
        }

        @Override
        public void log(String level, String message) {
            log.add(level + " " + message);
        }
    }

    private InvocationResult run(String js, RecordingHost host, long millis, long statements) {
        return sandbox.run(new Invocation("conv-1", js, INBOUND, host), new Limits(millis, statements), watchdog);
    }

    @Test
    void appRepliesThroughCallbacksAndEndsWithDone() {
        String js = """
                api.on_inbound_message = function (cmd) {
                  api.request('kv.get', {key: 'n'}, function (reply) {
                    api.request('outbound.reply_to', {content: 'echo ' + cmd.msg.content + ' ' + (reply.value + 1),
                        in_reply_to: cmd.msg.message_id}, function () { api.done(); });
                  });
                };
                """;
        RecordingHost host = new RecordingHost();
        InvocationResult result = run(js, host, 5000, 1_000_000);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertEquals(2, host.commands.size());
        assertTrue(host.commands.get(1).contains("\"content\":\"echo hello 42\""), host.commands.get(1));
        assertTrue(host.commands.get(1).contains("\"cmd_id\":\"2\""), host.commands.get(1));
    }

    @Test
    void thisApiAtTopLevelAndPromisesAndTimersWork() {
        String js = """
                var self = this;
                self.api.on_inbound_message = function (cmd) {
                  Promise.resolve(cmd.msg.content).then(function (text) {
                    setTimeout(function () {
                      self.api.request('outbound.reply_to', {content: text.toUpperCase()}, function () {
                        self.api.done();
                      });
                    }, 10);
                  });
                };
                """;
        RecordingHost host = new RecordingHost();
        InvocationResult result = run(js, host, 5000, 1_000_000);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertTrue(host.commands.get(0).contains("\"content\":\"HELLO\""), host.commands.toString());
    }

    @Test
    void endlessLoopIsEndedByTheWallClock() {
        RecordingHost host = new RecordingHost();
        InvocationResult result = run("api.on_inbound_message = function () { while (true) {} };", host, 300,
                Long.MAX_VALUE);
        assertEquals(Outcome.LIMIT_EXCEEDED, result.outcome());
        assertTrue(result.reason().contains("Wall-clock"), result.reason());
        assertTrue(host.log.get(0).contains("Wall-clock"), host.log.toString());
    }

    @Test
    void statementLimitEndsTheInvocation() {
        InvocationResult result = run("api.on_inbound_message = function () { for (;;) {} };", new RecordingHost(),
                10_000, 10_000);
        assertEquals(Outcome.LIMIT_EXCEEDED, result.outcome());
        assertTrue(result.reason().contains("Statement limit"), result.reason());
    }

    @Test
    void unknownCommandEndsTheInvocationEvenIfTheAppCatches() {
        String js = """
                api.on_inbound_message = function () {
                  try { api.request('nope.nothing', {}); } catch (e) {}
                  api.request('log.info', {msg: 'still here'});
                };
                """;
        InvocationResult result = run(js, new RecordingHost(), 5000, 1_000_000);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("Unknown resource"), result.reason());
    }

    @Test
    void hostAccessIsNotThere() {
        String js = """
                api.on_inbound_message = function () {
                  var found = [typeof Java, typeof Polyglot, typeof load, typeof java].join(',');
                  api.request('log.info', {msg: found}, function () { api.done(); });
                };
                """;
        RecordingHost host = new RecordingHost();
        InvocationResult result = run(js, host, 5000, 1_000_000);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertTrue(host.commands.get(0).contains("undefined,undefined,undefined,undefined"), host.commands.get(0));
    }

    @Test
    void scriptErrorsAreReported() {
        InvocationResult result = run("api.on_inbound_message = function () { null.x; };", new RecordingHost(), 5000,
                1_000_000);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().startsWith("Error in app"), result.reason());
    }
}
