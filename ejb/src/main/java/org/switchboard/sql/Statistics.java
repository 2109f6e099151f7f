package org.switchboard.sql;

import jakarta.persistence.EntityManager;

/**
 * Has the database look at a table again after a job wrote many of its rows, so the next queries are planned for
 * the rows it has. PostgreSQL's autovacuum analyses a table only some while after a bulk write; until then it plans
 * as if the table were as small as before (measured: a conversation's counts right after a send to 100,000 took
 * minutes, a nested loop over rows it thought were few). H2 analyses a table itself every 2,000 changes
 * ({@code ANALYZE_AUTO}), and its {@code ANALYZE} would commit the caller's transaction, so it is left alone.
 */
public final class Statistics {

    private Statistics() {
    }

    /** Analyses the tables on PostgreSQL, in the caller's transaction (it does not block their writes). */
    public static void refresh(EntityManager em, String... tables) {
        if (Database.of(em) == Database.POSTGRESQL) {
            for (String table : tables) {
                em.createNativeQuery("analyze " + table).executeUpdate();
            }
        }
    }
}
