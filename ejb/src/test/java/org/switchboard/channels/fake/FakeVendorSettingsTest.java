package org.switchboard.channels.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.EventRecorder;

class FakeVendorSettingsTest {

    @Test
    void latencyAndErrorRateAreRead() {
        FakeVendorSettings settings = FakeVendorSettings.of("{\"latency_ms\":200,\"error_rate\":0.25}");
        assertEquals(200, settings.latencyMillis());
        assertEquals(0.25, settings.errorRate());
        assertEquals(new FakeVendorSettings(0, 0, null, 0), FakeVendorSettings.of(null));
        assertEquals(new FakeVendorSettings(0, 0, null, 0), FakeVendorSettings.of("{}"));
    }

    @Test
    void deliveryReportsAreOffUnlessAnOutcomeIsSet() {
        FakeVendorSettings settings = FakeVendorSettings.of(
                "{\"delivery_report\":\"failed\",\"delivery_report_delay_ms\":1500}");
        assertEquals(EventRecorder.DeliveryStatus.FAILED, settings.deliveryReport());
        assertEquals(1500, settings.deliveryReportDelayMillis());
        assertEquals(null, FakeVendorSettings.of("{\"latency_ms\":1}").deliveryReport());
        assertEquals("Setting 'delivery_report' must be one of delivered, failed, pending (or null: no reports)",
                assertThrows(IllegalArgumentException.class,
                        () -> FakeVendorSettings.of("{\"delivery_report\":\"lost\"}")).getMessage());
    }

    @Test
    void unknownOrOutOfRangeSettingsAreRefusedByName() {
        assertEquals("Unknown setting 'latency' of the fake vendor; known: latency_ms, error_rate, delivery_report,"
                + " delivery_report_delay_ms",
                assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency\":1}"))
                        .getMessage());
        assertEquals("Setting 'error_rate' must be a number from 0 to 1",
                assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"error_rate\":2}"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency_ms\":\"fast\"}"));
        assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency_ms\":60001}"));
    }
}
