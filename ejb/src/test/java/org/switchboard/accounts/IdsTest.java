package org.switchboard.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void orderedIdsAreVersion7UuidsThatSortByTime() throws InterruptedException {
        long before = System.currentTimeMillis();
        String first = Ids.ordered();
        Thread.sleep(2);
        String second = Ids.ordered();

        assertTrue(first.matches("[0-9a-f]{32}"), first);
        UUID uuid = UUID.fromString(first.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        long millis = uuid.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), "its first 48 bits are its time");
        assertTrue(first.compareTo(second) < 0, "an id made later sorts after: " + first + " " + second);

        Set<String> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Ids.ordered());
        }
        assertEquals(100_000, many.size(), "ids made in the same millisecond differ");
    }

    @Test
    void theFloorOfAMillisecondSortsBeforeItsIdsAndAfterTheLastOnes() {
        java.time.Instant now = java.time.Instant.now();
        String id = Ids.ordered();
        String floor = Ids.orderedFloor(now.minusMillis(1));
        String next = Ids.orderedFloor(java.time.Instant.now().plusMillis(1));
        assertTrue(floor.compareTo(id) < 0, floor + " < " + id);
        assertTrue(next.compareTo(id) > 0, next + " > " + id);
    }
}
