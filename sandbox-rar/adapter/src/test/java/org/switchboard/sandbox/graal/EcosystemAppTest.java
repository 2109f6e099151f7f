package org.switchboard.sandbox.graal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sandbox.api.AppCode;
import org.switchboard.sandbox.api.InvocationResult;
import org.switchboard.sandbox.api.InvocationResult.Outcome;

/**
 * A real app of the Vumi Go ecosystem, unmodified: go-jsbox-location 0.2.3's OpenStreetMap example (a USSD location
 * search through the http resource, storing the chosen place on the user's contact), bundled with the dependencies its
 * package pins (vumigo_v02 0.2, lodash 2.4, q 0.9, moment 2.5), through the scenarios of its own test suite
 * (examples/test/test_openstreetmap.js). The in-memory platform answers Nominatim's search as the package's own
 * fixtures describe it.
 */
class EcosystemAppTest extends SandboxTestSupport {

    private static final AppCode APP = Toolkit.bundle("go-jsbox-location", "go-jsbox-location-0.2.3",
            "examples/lib/openstreetmap.js");
    private static final String PHONE = "+27831234567";

    private final Map<String, JsonValue> kv = new HashMap<>();
    private final Map<String, JsonObject> contacts = new HashMap<>();

    @BeforeEach
    void checkTheBundle() {
        assertTrue(APP.files().get("package.json").contains("\"version\": \"0.2.3\""));
        assertTrue(APP.files().get("node_modules/lodash/package.json").contains("\"version\": \"2.4.2\""));
    }

    private TestHost host() {
        TestHost host = new TestHost(kv, contacts);
        host.config.put("config", "{\"name\": \"test_app\", \"api_key\": \"testapikey\"}");
        host.places.put("Example Street", List.of("Example Street, Suburb", "Another Street, Suburb"));
        host.places.put("Single Street", List.of("Single Street, Suburb"));
        return host;
    }

    private String step(String sessionEvent, String content) {
        TestHost host = host();
        InvocationResult result = run(APP, Toolkit.ussd(PHONE, sessionEvent, content), host, Limits.defaults());
        assertEquals(Outcome.DONE, result.outcome(), result.reason() + " " + host.log);
        assertTrue(host.lastContent() != null, "no reply: " + host.log + " " + host.commands);
        return host.lastContent();
    }

    @Test
    void itAsksForTheUsersAddress() {
        assertEquals("Welcome to the location app.\nWhat is your current address?", step("new", null));
    }

    @Test
    void severalPlacesAreOfferedAndTheChoiceIsStoredOnTheContact() {
        step("new", null);
        assertEquals("Please select your location from the following:\n1. Example Street, Suburb\n"
                + "2. Another Street, Suburb\nn. Next\np. Prev", step("resume", "Example Street"));
        assertEquals("The location you chose is \"Example Street, Suburb\".", step("resume", "1"));
        JsonObject contact = contacts.values().iterator().next();
        assertEquals(PHONE, contact.getString("msisdn"));
        assertEquals("Example Street, Suburb", contact.getJsonObject("extra").getString("location:formatted_address"));
    }

    @Test
    void aSinglePlaceIsTakenAtOnce() {
        step("new", null);
        assertEquals("The location you chose is \"Single Street, Suburb\".", step("resume", "Single Street"));
    }
}
