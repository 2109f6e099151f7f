package org.switchboard.channels.fake;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.switchboard.engine.EventRecorder;
import java.util.Set;
import org.switchboard.json.JsonStrings;

/**
 * A fake-vendor channel's {@code settings}: {@code latency_ms} (how long it takes to answer, 0 to 60000) and
 * {@code error_rate} (the share of sends it throttles with a 429, 0 to 1), so the engine can be shown against a
 * vendor across the internet; {@code delivery_report} (delivered, failed or pending; none unless set) sent
 * {@code delivery_report_delay_ms} (0 to 600000) after it accepted a message.
 */
public record FakeVendorSettings(long latencyMillis, double errorRate, EventRecorder.DeliveryStatus deliveryReport,
        long deliveryReportDelayMillis) {

    private static final Set<String> NAMES = Set.of("latency_ms", "error_rate", "delivery_report",
            "delivery_report_delay_ms");
    private static final FakeVendorSettings NONE = new FakeVendorSettings(0, 0, null, 0);

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
                        + "latency_ms, error_rate, delivery_report, delivery_report_delay_ms");
            }
        }
        long latency = (long) number(json, "latency_ms", 0, 60_000);
        double errorRate = number(json, "error_rate", 0, 1);
        JsonValue report = json.getOrDefault("delivery_report", JsonValue.NULL);
        EventRecorder.DeliveryStatus status = null;
        if (report != JsonValue.NULL) {
            String name = report instanceof JsonString text ? text.getString() : "";
            status = switch (name) {
                case "delivered" -> EventRecorder.DeliveryStatus.DELIVERED;
                case "failed" -> EventRecorder.DeliveryStatus.FAILED;
                case "pending" -> EventRecorder.DeliveryStatus.PENDING;
                default -> throw new IllegalArgumentException("Setting 'delivery_report' must be one of delivered,"
                        + " failed, pending (or null: no reports)");
            };
        }
        long reportDelay = (long) number(json, "delivery_report_delay_ms", 0, 600_000);
        return new FakeVendorSettings(latency, errorRate, status, reportDelay);
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
