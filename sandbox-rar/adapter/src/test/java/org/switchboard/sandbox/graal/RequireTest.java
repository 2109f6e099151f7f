package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/** {@code require} against the platform's module set and the app's own bundle, and nothing else. */
class RequireTest extends SandboxTestSupport {

    private static String reply(String expression) {
        return "api.on_inbound_message = function () {"
                + " api.request('outbound.reply_to', {content: String(" + expression
                + ")}, function () { api.done(); });"
                + "};";
    }

    private static String answer(String js) {
        TestHost host = new TestHost();
        InvocationResult result = run(js, host);
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + host.log);
        return host.lastContent();
    }

    @Test
    void thePlatformSetIsThere() {
        String js = """
                var _ = require('lodash'), Q = require('q'), moment = require('moment'), Jed = require('jed');
                var url = require('url'), qs = require('querystring'), util = require('util');
                var EventEmitter = require('events').EventEmitter, assert = require('assert');
                var vumigo = require('vumigo_v02');
                var results = [
                  _.VERSION,
                  typeof Q.defer,
                  moment.utc('2013-04-24T14:01:41Z').format('YYYY-MM-DD HH:mm'),
                  new Jed({}).gettext('hi'),
                  url.parse('http://example.org:8080/a?b=c').port,
                  qs.stringify({a: 1, b: 'x y'}),
                  util.format('%s=%d', 'n', 3),
                  typeof new EventEmitter().on,
                  (function () { try { assert.equal(1, 2); return 'no'; } catch (e) { return e.name; } })(),
                  typeof vumigo.InteractionMachine
                ];
                """ + reply("results.join('|')");
        assertEquals("4.17.21|function|2013-04-24 14:01|hi|8080|a=1&b=x%20y|n=3|function|AssertionError|function",
                answer(js));
    }

    @Test
    void theAppsBundleComesFirstAndRelativePathsWork() {
        AppCode app = new AppCode("bundle-1", "lib/app.js", Map.of(
                "lib/app.js",
                "var helper = require('./helper'); var _ = require('lodash');"
                        + reply("helper.name + ' ' + _.VERSION + ' ' + require('../package.json').name"),
                "lib/helper.js", "module.exports = {name: 'helper@' + __filename};",
                "package.json", "{\"name\": \"my-app\"}",
                "node_modules/lodash/package.json", "{\"name\": \"lodash\", \"main\": \"./main\"}",
                "node_modules/lodash/main.js", "exports.VERSION = '2.4.1-bundled';"));
        TestHost host = new TestHost();
        InvocationResult result = run(app, host, Limits.defaults());
        assertEquals(Outcome.DONE, result.outcome(), result.reason());
        assertEquals("helper@/app/lib/helper.js 2.4.1-bundled my-app", host.lastContent());
    }

    @Test
    void aMissingModuleIsAnErrorTheAppCanCatch() {
        assertEquals("MODULE_NOT_FOUND Cannot find module 'left-pad'",
                answer("var r; try { require('left-pad'); } catch (e) { r = e.code + ' ' + e.message; }" + reply("r")));
    }

    @Test
    void aBundleCannotReachOutOfItsTree() {
        assertEquals("MODULE_NOT_FOUND",
                answer("var r; try { require('../platform/node_modules/lodash'); } catch (e) { r = e.code; }"
                        + reply("r")));
        assertEquals("MODULE_NOT_FOUND",
                answer("var r; try { require('/etc/passwd'); } catch (e) { r = e.code; }" + reply("r")));
    }

    @Test
    void requiringAHostModuleEndsTheInvocation() {
        TestHost host = new TestHost();
        InvocationResult result = run("api.on_inbound_message = function () {"
                + " try { require('child_process'); } catch (e) {}"
                + " api.log_info('still here'); };", host);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.reason().contains("require('child_process') was refused"), result.reason());
        assertTrue(host.loggedContaining("Sandbox ended the invocation: require('child_process') was refused"),
                host.log.toString());
        assertTrue(!host.loggedContaining("still here"), host.log.toString());
    }
}
