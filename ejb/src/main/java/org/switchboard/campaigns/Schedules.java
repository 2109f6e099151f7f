package org.switchboard.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.conversations.AppConfigs;

/**
 * A sequential_send's schedule, as Vumi Go's {@code ScheduleManager} read it: {@code recurring} daily,
 * {@code day_of_week} (days 1 to 7, 1 is Monday), {@code day_of_month} (days 1 to 31) or {@code never}, at
 * {@code time} (UTC, midnight when not set).
 */
public final class Schedules {

    /** How far back a slot is looked for: a platform stopped longer than this sends the last slot only. */
    static final int MAX_DAYS = 62;

    private Schedules() {
    }

    /**
     * The last time the schedule names after {@code then} and at or before {@code now} (Vumi Go's
     * {@code is_scheduled(then, now)}, as the slot it found); empty when there is none.
     */
    public static Optional<Instant> latestBetween(AppConfigs.Schedule schedule, Instant then, Instant now) {
        if (schedule == null || !now.isAfter(then)) {
            return Optional.empty();
        }
        String recurring = schedule.recurring() == null ? "never" : schedule.recurring();
        if (recurring.equals("never")) {
            return Optional.empty();
        }
        LocalTime time = schedule.time() == null ? LocalTime.MIDNIGHT : LocalTime.parse(schedule.time());
        Set<Integer> days = schedule.days() == null
                ? Set.of()
                : Arrays.stream(schedule.days().split(","))
                        .map(String::strip).filter(d -> !d.isEmpty()).map(Integer::parseInt)
                        .collect(Collectors.toSet());
        LocalDate date = now.atOffset(ZoneOffset.UTC).toLocalDate();
        for (int i = 0; i <= MAX_DAYS; i++, date = date.minusDays(1)) {
            Instant slot = date.atTime(time).toInstant(ZoneOffset.UTC);
            if (!slot.isAfter(then)) {
                return Optional.empty();
            }
            boolean named = switch (recurring) {
                case "daily" -> true;
                case "day_of_week" -> days.contains(date.getDayOfWeek().getValue());
                case "day_of_month" -> days.contains(date.getDayOfMonth());
                default -> false;
            };
            if (named && !slot.isAfter(now)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }
}
