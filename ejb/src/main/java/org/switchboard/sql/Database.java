package org.switchboard.sql;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.Session;

/** The database the platform runs on, as its JDBC driver names it: the few places that differ ask here. */
public enum Database {
    H2, POSTGRESQL, OTHER;

    /** The database behind the entity manager's connection. */
    public static Database of(EntityManager em) {
        return em.unwrap(Session.class).doReturningWork(connection -> of(connection));
    }

    /** The database at the other end of a connection. */
    public static Database of(Connection connection) throws SQLException {
        String name = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return name.contains("h2") ? H2 : name.contains("postgres") ? POSTGRESQL : OTHER;
    }
}
