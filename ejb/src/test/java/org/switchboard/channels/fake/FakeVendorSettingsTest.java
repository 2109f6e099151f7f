package org.switchboard.channels.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FakeVendorSettingsTest {

    @Test
    void latencyAndErrorRateAreRead() {
        FakeVendorSettings settings = FakeVendorSettings.of("{\"latency_ms\":200,\"error_rate\":0.25}");
        assertEquals(200, settings.latencyMillis());
        assertEquals(0.25, settings.errorRate());
        assertEquals(new FakeVendorSettings(0, 0), FakeVendorSettings.of(null));
        assertEquals(new FakeVendorSettings(0, 0), FakeVendorSettings.of("{}"));
    }

    @Test
    void unknownOrOutOfRangeSettingsAreRefusedByName() {
        assertEquals("Unknown setting 'latency' of the fake vendor; known: latency_ms, error_rate",
                assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency\":1}"))
                        .getMessage());
        assertEquals("Setting 'error_rate' must be a number from 0 to 1",
                assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"error_rate\":2}"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency_ms\":\"fast\"}"));
        assertThrows(IllegalArgumentException.class, () -> FakeVendorSettings.of("{\"latency_ms\":60001}"));
    }
}
