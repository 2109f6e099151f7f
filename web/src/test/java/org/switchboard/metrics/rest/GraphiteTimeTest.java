package org.switchboard.metrics.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GraphiteTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:30:15Z");

    @Test
    void readsTheFormsVumiGoAccepts() {
        assertEquals(NOW.minus(Duration.ofDays(30)), GraphiteTime.at("-30d", NOW));
        assertEquals(NOW.minus(Duration.ofDays(3)), GraphiteTime.at("-3days", NOW));
        assertEquals(NOW.minus(Duration.ofMinutes(90)), GraphiteTime.at("-90min", NOW));
        assertEquals(NOW.minus(Duration.ofHours(1)), GraphiteTime.at("-1h", NOW));
        assertEquals(NOW.minus(Duration.ofDays(14)), GraphiteTime.at("-2weeks", NOW));
        assertEquals(NOW, GraphiteTime.at("now", NOW));
        assertEquals(Instant.parse("2026-11-24T00:00:00Z"), GraphiteTime.at("today", NOW));
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), GraphiteTime.at("yesterday", NOW));
        assertEquals(Instant.parse("2014-07-10T00:00:00Z"), GraphiteTime.at("20140710", NOW));
        assertEquals(Instant.parse("2014-07-10T18:49:00Z"), GraphiteTime.at("18:49_20140710", NOW));
        assertEquals(Instant.ofEpochSecond(1405018164), GraphiteTime.at("1405018164", NOW));
        assertEquals(Duration.ofDays(1), GraphiteTime.span("1d"));
        assertEquals(Duration.ofDays(1), GraphiteTime.span("1day"));
        assertEquals(Duration.ofHours(1), GraphiteTime.span("1hour"));
        assertEquals(Duration.ofMinutes(5), GraphiteTime.span("5min"));
        assertEquals(Duration.ofSeconds(30), GraphiteTime.span("30s"));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThrows(IllegalArgumentException.class, () -> GraphiteTime.at("last tuesday", NOW));
        assertThrows(IllegalArgumentException.class, () -> GraphiteTime.at("20141310", NOW));
        assertThrows(IllegalArgumentException.class, () -> GraphiteTime.at("-3fortnights", NOW));
        assertThrows(IllegalArgumentException.class, () -> GraphiteTime.span("d"));
        assertThrows(IllegalArgumentException.class, () -> GraphiteTime.span("999999999d"));
    }
}
