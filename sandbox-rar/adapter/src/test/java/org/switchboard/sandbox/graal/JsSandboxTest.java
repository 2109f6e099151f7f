package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/** The {@code api} object with sandboxer.js's semantics, and warm contexts. */
class JsSandboxTest extends SandboxTestSupport {

    @Test
    void appRepliesThroughCallbacksAndEndsWithDone() {
        String js = """
                api.on_inbound_message = function (cmd) {
                  var sync = true;
                  api.request('kv.get', {key: 'n'}, function (reply) {
                    api.request('outbound.reply_to', {content: 'echo ' + cmd.msg.content + ' ' + reply.value
                        + ' ' + reply.cmd + ' ' + reply.reply + ' async=' + !sync,
                        in_reply_to: cmd.msg.message_id}, function () { api.done(); });
                  });
                  sync = false;
                };
                """;
        TestHost host = new TestHost();
        host.kv.put("n", jakarta.json.Json.createValue(41));
        InvocationResult result = run(js, host);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertEquals(2, host.commands.size());
        assertEquals("echo hello 41 kv.get true async=true", host.lastContent());
        assertEquals("2", host.commands.get(1).getString("cmd_id"));
        assertEquals(false, host.commands.get(1).getBoolean("reply"));
    }

    @Test
    void thisApiAtTopLevelAndPromisesAndRealTimersWork() {
        String js = """
                var self = this;
                self.api.on_inbound_message = function (cmd) {
                  var started = Date.now();
                  Promise.resolve(cmd.msg.content).then(function (text) {
                    setTimeout(function () {
                      self.api.request('outbound.reply_to', {content: text.toUpperCase() + ' ' + (Date.now() - started >= 50)},
                          function () { self.api.done(); });
                    }, 50);
                  });
                };
                """;
        TestHost host = new TestHost();
        InvocationResult result = run(js, host);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertEquals("HELLO true", host.lastContent());
    }

    @Test
    void eventsGoToOnInboundEventAndUnknownCommandsToTheFallback() {
        String js = """
                api.on_inbound_event = function (cmd) {
                  api.log_info('event ' + cmd.msg.event_type, function () { api.done(); });
                };
                """;
        TestHost host = new TestHost();
        InvocationResult result = run(script(js), "{\"cmd\":\"inbound-event\",\"msg\":{\"event_type\":\"ack\"}}",
                host, Limits.defaults());
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertTrue(host.loggedContaining("info event ack"), host.log.toString());

        TestHost other = new TestHost();
        run(script("api.x = 1;"), "{\"cmd\":\"strange-thing\"}", other, Limits.defaults());
        assertTrue(other.loggedContaining("warning Received unknown command"), other.log.toString());

        String event = "{\"cmd\":\"inbound-event\",\"msg\":{\"event_type\":\"ack\"}}";
        TestHost deaf = new TestHost();
        InvocationResult quiet = run(script("api.on_inbound_message = function () {};"), event, deaf,
                Limits.defaults());
        assertEquals(Outcome.NOT_LISTENING, quiet.outcome(), "the host hears the app listens for no events");
        assertTrue(deaf.log.isEmpty(), "an app that listens for no events is not warned of each: " + deaf.log);

        TestHost fallback = new TestHost();
        InvocationResult told = run(script("api.on_unknown_command = function (cmd) {"
                + " api.log_info('fallback ' + cmd.cmd, function () { api.done(); }); };"), event, fallback,
                Limits.defaults());
        assertTrue(fallback.loggedContaining("info fallback inbound-event"), fallback.log.toString());
        assertEquals(Outcome.DONE, told.outcome(), "an app with its own on_unknown_command hears events there");
    }

    @Test
    void unknownCommandEndsTheInvocationEvenIfTheAppCatches() {
        String js = """
                api.on_inbound_message = function () {
                  try { api.request('nope.nothing', {}); } catch (e) {}
                  api.request('log.info', {msg: 'still here'});
                };
                """;
        TestHost host = new TestHost();
        InvocationResult result = run(js, host);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("Unknown command nope.nothing"), result.reason());
        assertTrue(host.loggedContaining("Sandbox ended the invocation: Unknown command nope.nothing"),
                host.log.toString());
        assertTrue(!host.loggedContaining("still here"), host.log.toString());
    }

    @Test
    void scriptErrorsAreReportedWithTheirPlace() {
        InvocationResult result = run("api.on_inbound_message = function () {\n  null.x;\n};", new TestHost());
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().startsWith("Error in app: TypeError"), result.reason());
        assertTrue(result.reason().contains("app.js:2"), result.reason());
    }

    @Test
    void aWarmContextServesTheNextInvocationWithAFreshApiAndItsModulesLoaded() {
        AppCode app = script("""
                var _ = require('lodash');
                globalThis.loads = (globalThis.loads || 0) + 1;
                _.loadedAt = _.loadedAt || Math.random();
                api.on_inbound_message = function (cmd) {
                  api.request('outbound.reply_to', {content: globalThis.loads + ' ' + _.loadedAt}, function () {
                    api.done();
                  });
                };
                """);
        TestHost first = new TestHost();
        TestHost second = new TestHost();
        assertEquals(Outcome.DONE, run(app, first, Limits.defaults()).outcome());
        assertEquals(Outcome.DONE, run(app, second, Limits.defaults()).outcome());
        String[] a = first.lastContent().split(" ");
        String[] b = second.lastContent().split(" ");
        assertEquals("1", a[0]);
        assertEquals("2", b[0], "the app's script runs again for every invocation");
        assertEquals(a[1], b[1], "lodash stays loaded in the warm context");
        assertEquals("1", second.commands.get(0).getString("cmd_id"), "command ids start again with a fresh api");
    }

    @Test
    void aNewVersionOfTheAppGetsAFreshContext() {
        String js = "globalThis.n = (globalThis.n || 0) + 1;"
                + "api.on_inbound_message = function () { api.request('outbound.reply_to', {content: '' + n}); };";
        TestHost first = new TestHost();
        TestHost second = new TestHost();
        run(script(js), first, Limits.defaults());
        run(script(js), second, Limits.defaults());
        assertEquals("1", first.lastContent());
        assertEquals("1", second.lastContent());
    }

    @Test
    void aContextThatFailedIsNotReused() {
        AppCode app = script("""
                globalThis.n = (globalThis.n || 0) + 1;
                api.on_inbound_message = function (cmd) {
                  if (cmd.msg.content === 'boom') { throw new Error('boom'); }
                  api.request('outbound.reply_to', {content: '' + n});
                };
                """);
        run(app, new TestHost(), Limits.defaults());
        run(app, INBOUND.replace("hello", "boom"), new TestHost(), Limits.defaults());
        TestHost after = new TestHost();
        run(app, after, Limits.defaults());
        assertEquals("1", after.lastContent());
    }

    /**
     * What an app's globals keep between messages counts: a context is charged all its invocations allocated (which
     * bounds what it holds) and dropped once that passes its share, so a hoarding app starts over with empty globals;
     * an app that keeps little stays warm.
     */
    @Test
    void aWarmContextThatHoardsIsDroppedAtItsShareAndASmallOneStaysWarm() {
        Limits limits = Limits.defaults().withMemory(256L << 20, 600L << 20); // one context: at most 150 MiB
        AppCode hoarder = script("""
                globalThis.hoard = globalThis.hoard || [];
                api.on_inbound_message = function () {
                  hoard.push(new Array(5e6).fill(1.5)); // 40 MB of doubles a message
                  api.request('outbound.reply_to', {content: '' + hoard.length}, function () { api.done(); });
                };
                """);
        AppCode counter = script("""
                globalThis.count = (globalThis.count || 0);
                api.on_inbound_message = function () {
                  count++;
                  api.request('outbound.reply_to', {content: '' + count}, function () { api.done(); });
                };
                """);
        StringBuilder hoards = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            TestHost host = new TestHost();
            assertEquals(Outcome.DONE, run(hoarder, INBOUND, host, limits).outcome());
            hoards.append(host.lastContent());
            TestHost small = new TestHost();
            assertEquals(Outcome.DONE, run(counter, INBOUND, small, limits).outcome());
            counts.append(small.lastContent());
        }
        assertTrue(hoards.chars().allMatch(c -> c <= '3'), "the hoard never grows past 150 MiB: " + hoards);
        assertTrue(hoards.indexOf("1", 1) > 0, "the hoarding context was dropped and started over: " + hoards);
        assertEquals("123456", counts.toString(), "a context that keeps little stays warm");
    }
}
