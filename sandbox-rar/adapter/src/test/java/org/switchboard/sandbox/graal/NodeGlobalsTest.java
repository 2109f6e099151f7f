package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/** The globals a module written for Node expects, with nothing in them that reaches the host. */
class NodeGlobalsTest extends SandboxTestSupport {

    private static String reply(String expression) {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { var out = String(" + expression
                + "); api.request('outbound.reply_to', {content: out}, function () { api.done(); }); };", host);
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + host.log);
        return host.lastContent();
    }

    @Test
    void globalIsTheGlobalObject() {
        assertEquals("true true object",
                reply("(global.global === global) + ' ' + (global === globalThis) + ' ' + typeof global"));
    }

    @Test
    void processHasAnEmptyEnvironmentAndNextTick() {
        assertEquals("{} [object process] function linux",
                reply("JSON.stringify(process.env) + ' ' + process.toString() + ' ' + typeof process.nextTick + ' '"
                        + " + process.platform"));
        assertEquals("true", reply("require('process') === process"));
    }

    @Test
    void nextTickAndSetImmediateRunInOrderOnTheEventLoop() {
        TestHost host = new TestHost();
        InvocationResult result = run("""
                api.on_inbound_message = function () {
                  var seen = [];
                  process.nextTick(function (a) { seen.push('tick ' + a); }, 1);
                  setImmediate(function () { seen.push('immediate'); });
                  setTimeout(function () {
                    api.request('outbound.reply_to', {content: seen.join(', ')}, function () { api.done(); });
                  }, 1);
                  seen.push('sync');
                };
                """, host);
        assertEquals(Outcome.DONE, result.outcome(), String.valueOf(result.reason()));
        assertEquals("sync, tick 1, immediate", host.lastContent());
    }

    @Test
    void bufferIsPureJavaScript() {
        assertEquals("aGVsbG8= hello 5 true",
                reply("Buffer.from('hello').toString('base64') + ' ' + Buffer.from('aGVsbG8=', 'base64') + ' '"
                        + " + Buffer.byteLength('hello') + ' ' + Buffer.isBuffer(new Buffer('x'))"));
        assertEquals("true", reply("require('buffer').Buffer === Buffer"));
    }

    @Test
    void processGivesNoWayOut() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () { process.binding('fs'); };", host);
        assertEquals(Outcome.FAILED, result.outcome());
        assertEquals(true, result.reason().contains("process.binding is not available"), result.reason());
    }
}
