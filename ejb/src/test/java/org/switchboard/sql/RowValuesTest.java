package org.switchboard.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The row-value IN a composite key's lookup is written as, its parameters numbered on from the first given. */
class RowValuesTest {

    @Test
    void eachRowHasAParameterPerColumnNumberedOnFromTheFirst() {
        assertEquals("(account_id, msisdn) in ((?3, ?4), (?5, ?6))", RowValues.in("account_id, msisdn", 2, 3));
        assertEquals("(a, b, c) in ((?1, ?2, ?3))", RowValues.in("a, b, c", 1, 1));
    }
}
