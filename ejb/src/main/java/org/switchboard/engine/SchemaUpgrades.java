package org.switchboard.engine;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * What Hibernate's schema {@code update} does not do for a database made by an older Switchboard. Hibernate writes a
 * CHECK constraint listing an enum column's values when it creates a table, and never alters it: a conversation
 * type added later (http_api) is then refused by the old constraint. Such constraints are dropped at start (the
 * entity's enum is what keeps the column's values); a database made by this version has the full list already.
 * Standard {@code INFORMATION_SCHEMA} views, so the same on H2 and PostgreSQL.
 */
@Singleton
@Startup
public class SchemaUpgrades {

    private static final Logger LOG = Logger.getLogger(SchemaUpgrades.class.getName());

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void upgrade() {
        dropStaleEnumCheck("conversation", "JSBOX", "HTTP_API");
    }

    /** Drops the table's CHECK constraints that name {@code oldValue} but not {@code newValue}. */
    private void dropStaleEnumCheck(String table, String oldValue, String newValue) {
        @SuppressWarnings("unchecked")
        List<Object> names = em.createNativeQuery("select tc.constraint_name"
                + " from information_schema.table_constraints tc"
                + " join information_schema.check_constraints cc on cc.constraint_name = tc.constraint_name"
                + " and cc.constraint_schema = tc.constraint_schema"
                + " where lower(tc.table_name) = ?1 and tc.constraint_type = 'CHECK'"
                + " and cc.check_clause like ?2 and cc.check_clause not like ?3")
                .setParameter(1, table)
                .setParameter(2, "%" + oldValue + "%")
                .setParameter(3, "%" + newValue + "%")
                .getResultList();
        for (Object name : names) {
            em.createNativeQuery("alter table " + table + " drop constraint \"" + name + "\"").executeUpdate();
            LOG.info(() -> "Dropped the check constraint " + name + " of " + table + ", which did not allow "
                    + newValue);
        }
    }
}
