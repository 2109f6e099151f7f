package org.switchboard.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.conversations.AppConfigs.Schedule;

class SchedulesTest {

    private static Optional<Instant> slot(Schedule schedule, String then, String now) {
        return Schedules.latestBetween(schedule, Instant.parse(then), Instant.parse(now));
    }

    @Test
    void dailyFiresOnceWhenItsTimeIsPassed() {
        Schedule daily = new Schedule("daily", null, "09:00");
        assertEquals(Optional.of(Instant.parse("2026-12-02T09:00:00Z")),
                slot(daily, "2026-12-02T08:59:00Z", "2026-12-02T09:00:30Z"));
        assertEquals(Optional.empty(), slot(daily, "2026-12-02T09:00:00Z", "2026-12-02T09:01:00Z"),
                "the slot at 'then' was the last poll's");
        assertEquals(Optional.empty(), slot(daily, "2026-12-02T09:01:00Z", "2026-12-03T08:59:59Z"));
        assertEquals(Optional.of(Instant.parse("2026-12-04T09:00:00Z")),
                slot(daily, "2026-12-01T10:00:00Z", "2026-12-04T12:00:00Z"), "days missed: the last slot, once");
    }

    @Test
    void daysOfTheWeekAndMonth() {
        Schedule mondays = new Schedule("day_of_week", "1, 5", "18:30:00"); // 2026-12-07 is a Monday
        assertEquals(Optional.of(Instant.parse("2026-12-07T18:30:00Z")),
                slot(mondays, "2026-12-07T18:00:00Z", "2026-12-07T19:00:00Z"));
        assertEquals(Optional.empty(), slot(mondays, "2026-12-08T18:00:00Z", "2026-12-08T19:00:00Z"), "a Tuesday");
        assertEquals(Optional.of(Instant.parse("2026-12-04T18:30:00Z")),
                slot(mondays, "2026-12-04T00:00:00Z", "2026-12-06T00:00:00Z"), "the Friday");
        Schedule firsts = new Schedule("day_of_month", "1", null);
        assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")),
                slot(firsts, "2026-12-31T23:59:00Z", "2027-01-01T00:01:00Z"));
        assertEquals(Optional.empty(), slot(new Schedule("never", null, "09:00"), "2026-12-01T00:00:00Z",
                "2026-12-09T00:00:00Z"));
    }
}
