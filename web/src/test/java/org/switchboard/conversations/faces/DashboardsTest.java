package org.switchboard.conversations.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A jsbox's reports layout: where it is read from, and diamondash's spans. */
class DashboardsTest {

    @Test
    void spansAreDiamondashs() {
        assertEquals(Duration.ofMinutes(5), Dashboards.span("5m", "x"));
        assertEquals(Duration.ofHours(1), Dashboards.span("1h", "x"));
        assertEquals(Duration.ofDays(30), Dashboards.span("30d", "x"));
        assertEquals(Duration.ofDays(14), Dashboards.span("2w", "x"));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Dashboards.span("an hour", "reports.layout[1].time_range"));
        assertTrue(wrong.getMessage().startsWith("reports.layout[1].time_range: \"an hour\""), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dashboards.span("0m", "x"));
    }

    @Test
    void theLayoutIsTheReportsKeysJsonTextOrObject() {
        assertNull(Dashboards.layout(Json.createObjectBuilder().add("config", "{}").build()), "no reports: default");
        assertEquals(2, Dashboards.layout(Json.createObjectBuilder().add("reports",
                "{\"layout\": [\"new_row\", {\"type\": \"x\"}]}").build()).size());
        assertEquals(0, Dashboards.layout(Json.createObjectBuilder().add("reports", "{not json").build()).size(),
                "a key that is not JSON is drawn as one message saying so");
    }
}
