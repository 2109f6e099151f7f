package org.switchboard.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void countsAddUpAndDistinctCountsOnlyWhereKept() {
        Counts sum = Counts.message(true).plus(Counts.message(false)).plus(Counts.event("submitted"))
                .plus(Counts.event("rejected")).plus(Counts.event("delivery_succeeded"))
                .plus(Counts.event("delivery_failed")).plus(Counts.event("delivery_pending"))
                .plus(Counts.event("something else"));
        assertEquals(new Counts(1, 1, 1, 1, 1, 1, 1, null, null), sum);
        assertNull(sum.plus(Counts.ZERO).uniqueSenders(), "no distinct counts on either side: none");
        assertEquals(3L, sum.withUniques(3, 4).plus(Counts.ZERO).uniqueSenders(), "one side's kept");
        assertEquals(7L, sum.withUniques(3, 4).plus(sum.withUniques(4, 0)).uniqueSenders());
    }

    @Test
    void bucketsAreQuarterHoursOfUtc() {
        assertEquals(Instant.parse("2026-12-02T10:15:00Z"),
                CountFold.bucket(Instant.parse("2026-12-02T10:29:59.999Z")));
        assertEquals(Instant.parse("2026-12-02T10:30:00Z"), CountFold.bucket(Instant.parse("2026-12-02T10:30:00Z")));
        assertEquals(Instant.parse("1969-12-31T23:45:00Z"), CountFold.bucket(Instant.parse("1969-12-31T23:59:00Z")));
    }
}
