package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/** The vumigo_v02 toolkit's own examples, unmodified, over USSD sessions against an in-memory platform. */
class ToolkitAppTest extends SandboxTestSupport {

    private static final AppCode SIMPLE = Toolkit.simple();

    private static JsonObject step(Map<String, JsonValue> kv, String sessionEvent, String content) {
        return step(SIMPLE, kv, sessionEvent, content);
    }

    private static JsonObject step(AppCode app, Map<String, JsonValue> kv, String sessionEvent, String content) {
        TestHost host = new TestHost(kv);
        host.config.put("config", "{\"name\": \"simple\"}");
        InvocationResult result = run(app, Toolkit.ussd("+27831234567", sessionEvent, content), host,
                Limits.defaults());
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + host.log);
        assertEquals(1, host.sent.size(), host.commands.toString());
        return host.sent.get(0);
    }

    private static String state(Map<String, JsonValue> kv) {
        JsonObject user = (JsonObject) kv.get("users.simple.+27831234567");
        assertTrue(user != null, "the user is saved under the app's name: " + kv);
        return user.getJsonObject("state").getString("name");
    }

    @Test
    void teaOverAUssdSession() {
        Map<String, JsonValue> kv = new HashMap<>();
        JsonObject question = step(kv, "new", null);
        assertEquals("Tea or coffee?\n1. Tea\n2. Coffee", question.getString("content"));
        assertTrue(question.getBoolean("continue_session"));
        assertEquals("states:start", state(kv));

        JsonObject answer = step(kv, "resume", "1");
        assertEquals("Meh. Bye.", answer.getString("content"));
        assertEquals(false, answer.getBoolean("continue_session"));
        assertEquals("states:tea", state(kv));

        JsonObject again = step(kv, "new", null);
        assertEquals("Tea or coffee?\n1. Tea\n2. Coffee", again.getString("content"), "EndState's next is the start");
    }

    /** Apps of vumigo_v02's 0.2 generation bring lodash 2.4 (which needs Node's `global`) and q 0.9 (process.nextTick). */
    @Test
    void theSimpleExampleOfVumigoV02Generation02WithItsOwnLodashAndQ() {
        AppCode app = Toolkit.v02Example("simple");
        assertTrue(app.files().get("node_modules/lodash/package.json").contains("\"version\": \"2.4.2\""));
        assertTrue(app.files().get("node_modules/q/package.json").contains("\"version\": \"0.9.7\""));
        Map<String, JsonValue> kv = new HashMap<>();
        assertEquals("Tea or coffee?\n1. Tea\n2. Coffee", step(app, kv, "new", null).getString("content"));
        assertEquals("Tea or coffee?\n1. Tea\n2. Coffee", step(app, kv, "resume", "7").getString("content"));
        JsonObject coffee = step(app, kv, "resume", "2");
        assertEquals("Cool :) Bye.", coffee.getString("content"));
        assertEquals(false, coffee.getBoolean("continue_session"));
    }

    @Test
    void theHttpExampleOfVumigoV02Generation02() {
        AppCode http = Toolkit.v02Example("http");
        Map<String, JsonValue> kv = new HashMap<>();
        assertEquals("Choose your destiny:\n1. Put something\n2. Post something\n3. Cause an error",
                httpStep(http, kv, "new", null).getString("content"));
        assertEquals("What would you like to post?", httpStep(http, kv, "resume", "2").getString("content"));
        assertEquals("You just performed a post. It was echoed back: hi",
                httpStep(http, kv, "resume", "hi").getString("content"));
    }

    @Test
    void anInvalidChoiceAsksAgain() {
        Map<String, JsonValue> kv = new HashMap<>();
        step(kv, "new", null);
        JsonObject answer = step(kv, "resume", "7");
        assertEquals("Tea or coffee?\n1. Tea\n2. Coffee", answer.getString("content"));
        assertTrue(answer.getBoolean("continue_session"));
        JsonObject coffee = step(kv, "resume", "2");
        assertEquals("Cool :) Bye.", coffee.getString("content"));
    }

    /** The toolkit's "http" example: its JsonApi calls through the http resource, and an error status. */
    @Test
    void httpExampleOverAUssdSession() {
        AppCode http = Toolkit.example("http");
        Map<String, JsonValue> kv = new HashMap<>();
        String menu = "Choose your destiny:\n1. Put something\n2. Post something\n3. Cause an error";
        assertEquals(menu, httpStep(http, kv, "new", null).getString("content"));
        assertEquals("What would you like to put?", httpStep(http, kv, "resume", "1").getString("content"));
        TestHost host = new TestHost(kv);
        JsonObject done = httpStep(http, host, "resume", "hello");
        assertEquals("You just performed a put. It was echoed back: hello", done.getString("content"));
        assertEquals(false, done.getBoolean("continue_session"));
        JsonObject put = host.sent.get(0);
        assertEquals("http.put", put.getString("cmd"));
        assertEquals("{\"message\":\"hello\"}", put.getString("data").replace(" ", ""));
        assertTrue(
                put.getJsonObject("headers").getJsonArray("Content-Type").getString(0).startsWith("application/json"));

        assertEquals(menu, httpStep(http, kv, "new", null).getString("content"));
        JsonObject error = httpStep(http, kv, "resume", "3");
        assertEquals("You just performed a request. It got a response with the status code 418",
                error.getString("content"));
    }

    private static JsonObject httpStep(AppCode app, Map<String, JsonValue> kv, String sessionEvent, String content) {
        return httpStep(app, new TestHost(kv), sessionEvent, content);
    }

    private static JsonObject httpStep(AppCode app, TestHost host, String sessionEvent, String content) {
        host.config.put("config", "{\"name\": \"http\"}");
        InvocationResult result = run(app, Toolkit.ussd("+27831234567", sessionEvent, content), host,
                Limits.defaults());
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + host.log);
        return host.sent.get(host.sent.size() - 1);
    }
}
