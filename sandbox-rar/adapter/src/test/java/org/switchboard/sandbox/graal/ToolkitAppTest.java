package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * The vumigo_v02 toolkit's own "simple" example, unmodified, run from a bundle of the toolkit's package (its
 * {@code require('../../../lib')} resolves inside the bundle; lodash, q and the rest come from the platform's set),
 * over a USSD session against an in-memory platform.
 */
class ToolkitAppTest extends SandboxTestSupport {

    private static AppCode simple;

    @BeforeAll
    static void bundle() throws IOException {
        Map<String, String> files = new HashMap<>();
        String prefix = "node_modules/vumigo_v02/";
        try (InputStream index = resource("modules.index")) {
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith(prefix) && (line.endsWith(".js") || line.endsWith(".json"))) {
                    try (InputStream in = resource(line)) {
                        files.put(line.substring(prefix.length()),
                                new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        simple = new AppCode("toolkit-simple", "examples/simple/lib/app.js", files);
    }

    private static InputStream resource(String name) {
        InputStream in = ToolkitAppTest.class.getClassLoader()
                .getResourceAsStream("org/switchboard/sandbox/modules/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing " + name));
        }
        return in;
    }

    private static String ussd(String sessionEvent, String content) {
        return Json.createObjectBuilder().add("cmd", "inbound-message").add("msg", Json.createObjectBuilder()
                .add("message_id", "m-" + System.nanoTime())
                .add("content", content == null ? JsonValue.NULL : Json.createValue(content))
                .add("from_addr", "+27831234567").add("to_addr", "*120#").add("session_event", sessionEvent)
                .add("transport_type", "ussd").add("transport_name", "fake")
                .add("helper_metadata", JsonValue.EMPTY_JSON_OBJECT)
                .add("message_version", "20110921").add("message_type", "user_message"))
                .build().toString();
    }

    private static JsonObject step(Map<String, JsonValue> kv, String sessionEvent, String content) {
        TestHost host = new TestHost(kv);
        host.config.put("config", "{\"name\": \"simple\"}");
        InvocationResult result = run(simple, ussd(sessionEvent, content), host, Limits.defaults());
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
}
