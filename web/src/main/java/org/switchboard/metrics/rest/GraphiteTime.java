package org.switchboard.metrics.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Graphite's {@code from}/{@code until} and {@code interval} forms that Vumi Go's metrics API accepts:
 * relative times ({@code -30d}, {@code -3days}, {@code -1h}), {@code now}, {@code today}, {@code yesterday}, Unix
 * timestamps, and absolute {@code HH:MM_YYYYMMDD} or {@code YYYYMMDD} (UTC).
 */
final class GraphiteTime {

    private static final Pattern SPAN = Pattern.compile("(\\d+)\\s*([a-z]+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MINUTE_OF_DAY = DateTimeFormatter.ofPattern("HH:mm_yyyyMMdd");

    private GraphiteTime() {
    }

    /** A {@code from} or {@code until} value as a time. */
    static Instant at(String text, Instant now) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "now" :
                return now;
            case "today" :
                return LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
            case "yesterday" :
                return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            default :
                break;
        }
        if (value.startsWith("-") || value.startsWith("+")) {
            Duration span = span(value.substring(1));
            return value.startsWith("-") ? now.minus(span) : now.plus(span);
        }
        if (value.matches("\\d{8}")) {
            return parse(value, DAY, true);
        }
        if (value.matches("\\d\\d:\\d\\d_\\d{8}")) {
            return parse(value, MINUTE_OF_DAY, false);
        }
        if (value.matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        throw new IllegalArgumentException("'" + text + "' is not a time: use a relative time such as -30d or -1h,"
                + " now, today, yesterday, a Unix timestamp, HH:MM_YYYYMMDD or YYYYMMDD");
    }

    /** An {@code interval} or the span of a relative time: {@code 1d}, {@code 5min}, {@code 1hour}, {@code 2weeks}. */
    static Duration span(String text) {
        Matcher matcher = SPAN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a span of time: use a number and a unit, such"
                    + " as 1d, 1hour, 5min or 30s");
        }
        long n = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2);
        Duration one;
        if (unit.startsWith("s")) {
            one = Duration.ofSeconds(1);
        } else if (unit.startsWith("min")) {
            one = Duration.ofMinutes(1);
        } else if (unit.startsWith("h")) {
            one = Duration.ofHours(1);
        } else if (unit.startsWith("d")) {
            one = Duration.ofDays(1);
        } else if (unit.startsWith("w")) {
            one = Duration.ofDays(7);
        } else if (unit.startsWith("mon")) {
            one = Duration.ofDays(30);
        } else if (unit.startsWith("y")) {
            one = Duration.ofDays(365);
        } else {
            throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + unit + "': use s, min, h, d,"
                    + " w, mon or y");
        }
        if (n > 100_000) {
            throw new IllegalArgumentException("'" + text + "' is too long a span");
        }
        return one.multipliedBy(n);
    }

    private static Instant parse(String value, DateTimeFormatter format, boolean dayOnly) {
        try {
            return dayOnly
                    ? LocalDate.parse(value, format).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date: " + e.getMessage());
        }
    }
}
