package org.switchboard.channels.fake;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Set;
import org.switchboard.messages.JsonStrings;

/**
 * A fake-vendor channel's {@code settings}: {@code latency_ms} (how long it takes to answer, 0 to 60000) and
 * {@code error_rate} (the share of sends it throttles with a 429, 0 to 1), so the engine can be shown against a
 * vendor across the internet.
 */
public record FakeVendorSettings(long latencyMillis, double errorRate) {

    private static final Set<String> NAMES = Set.of("latency_ms", "error_rate");
    private static final FakeVendorSettings NONE = new FakeVendorSettings(0, 0);

    /**
     * The settings in a channel's settings text (null: none).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FakeVendorSettings of(String settings) {
        if (settings == null || settings.isBlank()) {
            return NONE;
        }
        JsonObject json = JsonStrings.object(settings);
        for (String name : json.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Unknown setting '" + name + "' of the fake vendor; known: "
                        + "latency_ms, error_rate");
            }
        }
        long latency = (long) number(json, "latency_ms", 0, 60_000);
        double errorRate = number(json, "error_rate", 0, 1);
        return new FakeVendorSettings(latency, errorRate);
    }

    private static double number(JsonObject json, String name, double min, double max) {
        JsonValue value = json.get(name);
        if (value == null || value == JsonValue.NULL) {
            return 0;
        }
        if (!(value instanceof JsonNumber number) || number.doubleValue() < min || number.doubleValue() > max) {
            throw new IllegalArgumentException("Setting '" + name + "' must be a number from " + (long) min + " to "
                    + (long) max);
        }
        return number.doubleValue();
    }
}
