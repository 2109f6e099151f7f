package org.switchboard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.switchboard.conversations.Conversation;
import org.switchboard.schema.SchemaMigrations;

/**
 * The schema's migrations on the suite's database (H2, or PostgreSQL with {@code -Dswitchboard.db=postgresql}):
 * a database made by the last release before them (a platform of commit 1962c6e, used through its APIs and dumped,
 * {@code src/test/resources/upgrade/}) is migrated with nothing lost and read by the entities; an empty one gets the
 * whole schema; both satisfy Hibernate's validation of the real persistence unit; and the SQL the engine writes by
 * hand names columns that the migrated schema has, so a renamed column fails the build.
 */
class SchemaUpgradeIT {

    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("switchboard.db", "h2"));
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The PostgreSQL databases made here, dropped at the end. */
    private static final List<String> MADE = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Flyway's table, its name and columns quoted as Flyway makes them (lower case, also on H2). */
    private static final String HISTORY = "\"flyway_schema_history\"";

    @Test
    void theLastReleasesDatabaseIsMigratedWithNothingLost() throws Exception {
        DataSource db = freshDatabase();
        load(db, Path.of("src/test/resources/upgrade", (POSTGRESQL ? "postgresql" : "h2") + "-1962c6e.sql"));
        Map<String, List<String>> bindings = contents(db, new TreeMap<>(Map.of("channel",
                new ArrayList<>(List.of("id", "account_id", "conversation_id", "conversation_endpoint")))));
        Map<String, List<String>> columns = new TreeMap<>();
        contents(db, columns);
        columns.get("channel").removeAll(List.of("conversation_id", "conversation_endpoint")); // moved (V5)
        Map<String, List<String>> before = contents(db, columns);
        assertTrue(before.get("message").size() >= 5, "the fixture holds messages: " + before.keySet());

        SchemaMigrations.migrate(db);
        // the tables and columns the old release had, by name (a migration may add columns, move one, add tables)
        assertEquals(before, contents(db, columns), "every row of every table is as it was");
        // a channel bound to a conversation became its two entries of the account's routing table
        List<String> expected = new ArrayList<>();
        for (String row : bindings.get("channel")) {
            String[] f = row.split("\\|", -1); // id|account|conversation|endpoint|
            if (!"null".equals(f[2])) {
                String endpoint = "null".equals(f[3]) ? "default" : f[3];
                expected.add(f[1] + "|CHANNEL:" + f[0] + "|default|CONVERSATION:" + f[2] + "|" + endpoint + "|");
                expected.add(f[1] + "|CONVERSATION:" + f[2] + "|" + endpoint + "|CHANNEL:" + f[0] + "|default|");
            }
        }
        assertTrue(expected.size() >= 2, "the fixture has a bound channel: " + bindings);
        java.util.Collections.sort(expected);
        assertEquals(expected, contents(db, new TreeMap<>(Map.of("routing_entry", new ArrayList<>(List.of(
                "account_id", "source", "source_endpoint", "target", "target_endpoint"))))).get("routing_entry"),
                "each binding is in the routing table");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select \"type\" from " + HISTORY + " where \"version\" = '1'")) {
            assertTrue(rows.next(), "version 1 is recorded");
            assertEquals("BASELINE", rows.getString(1), "the old schema was taken as version 1, not made again");
        }

        EntityManagerFactory unit = persistenceUnit(db); // migrates (nothing left to do) and validates
        try {
            EntityManager em = unit.createEntityManager();
            // the rows read as entities (without their encrypted columns, whose key stays in the old domain)
            assertEquals(before.get("message").size(), em.createQuery("select m.id, m.direction, m.status, m.timestamp,"
                    + " m.content, m.eventShape from Message m", Object[].class).getResultList().size());
            assertEquals(before.get("account").size(), em.createQuery("select a.id, a.accountKey, a.createdAt"
                    + " from Account a", Object[].class).getResultList().size());
            assertTrue(em.createQuery("select c.type from Conversation c", Object.class).getResultList()
                    .containsAll(
                            List.of(Conversation.Type.JSBOX, Conversation.Type.JUNEBUG, Conversation.Type.HTTP_API)));
            em.close();
        } finally {
            unit.close();
        }
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() throws Exception {
        DataSource db = freshDatabase();
        persistenceUnit(db).close(); // fails unless the migrations made what the entities map
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from " + HISTORY + " where \"success\"")) {
            assertTrue(rows.next());
            assertTrue(rows.getInt(1) >= 1, "the migrations are recorded");
        }
    }

    @Test
    void handWrittenSqlNamesColumnsTheSchemaHas() throws Exception {
        DataSource db = freshDatabase();
        SchemaMigrations.migrate(db);
        Map<String, String> statements = handWrittenSql();
        assertTrue(statements.size() >= 3, "found the engine's statements: " + statements.keySet());
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> statement : statements.entrySet()) {
                try {
                    if (POSTGRESQL) { // PostgreSQL's driver prepares lazily; PREPARE has the server resolve names
                        s.execute("prepare checked as " + numbered(statement.getValue()));
                        s.execute("deallocate checked");
                    } else {
                        c.prepareStatement(statement.getValue()).close();
                    }
                } catch (SQLException e) {
                    fail(statement.getKey() + " does not fit the schema: " + e.getMessage());
                }
            }
        }
        try (Connection c = db.getConnection()) { // and the check itself can fail
            assertThrowsSql(() -> c.prepareStatement(POSTGRESQL
                    ? "prepare wrong as update push set stat = $1"
                    : "update push set stat = ?").execute());
        }
    }

    /** JDBC's {@code ?} parameters as PostgreSQL's {@code $1, $2, ...}. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            out.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return out.toString();
    }

    /** The statements the code writes as SQL: every {@code static final String *_SQL} of the platform's classes. */
    private static Map<String, String> handWrittenSql() throws ReflectiveOperationException {
        Map<String, String> found = new TreeMap<>();
        for (var type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard")) {
            for (JavaField field : type.getFields()) {
                if (field.getName().endsWith("_SQL") && field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getRawType().isEquivalentTo(String.class)) {
                    Field f = field.reflect();
                    f.setAccessible(true);
                    found.put(type.getSimpleName() + "." + field.getName(), (String) f.get(null));
                }
            }
        }
        return found;
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertThrowsSql(SqlAction action) {
        try {
            action.run();
        } catch (SQLException expected) {
            return;
        }
        fail("a statement naming a column that does not exist was accepted");
    }

    /** The persistence unit of the EAR, as the server builds it, on this data source instead of jdbc/switchboard. */
    private static EntityManagerFactory persistenceUnit(DataSource db) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        settings.put("jakarta.persistence.jtaDataSource", null);
        settings.put("jakarta.persistence.nonJtaDataSource", db);
        settings.put("hibernate.transaction.jta.platform",
                "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        settings.put("hibernate.search.enabled", "false");
        return Persistence.createEntityManagerFactory("switchboard", settings);
    }

    /** Each table's rows, as text, in order: what "nothing lost" compares. */
    /**
     * Every row of every table, its columns in a fixed order: with {@code columns} empty, all the tables and columns
     * there are (and {@code columns} learns them); else only those it names, by name.
     */
    private static Map<String, List<String>> contents(DataSource db, Map<String, List<String>> columns)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            if (columns.isEmpty()) {
                try (ResultSet rows = c.getMetaData().getTables(null, POSTGRESQL ? "public" : "PUBLIC", "%",
                        new String[]{"TABLE"})) {
                    while (rows.next()) {
                        String name = rows.getString("TABLE_NAME").toLowerCase();
                        if (!name.equals("flyway_schema_history")) {
                            columns.put(name, new ArrayList<>());
                        }
                    }
                }
                for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                    try (ResultSet rows = s.executeQuery("select * from " + table.getKey() + " where 1 = 0")) {
                        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                            table.getValue().add(rows.getMetaData().getColumnName(i).toLowerCase());
                        }
                    }
                    java.util.Collections.sort(table.getValue());
                }
            }
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                List<String> content = new ArrayList<>();
                String list = table.getValue().stream().map(n -> "\"" + (POSTGRESQL ? n : n.toUpperCase()) + "\"")
                        .collect(java.util.stream.Collectors.joining(", "));
                try (ResultSet rows = s.executeQuery("select " + list + " from " + table.getKey())) {
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= table.getValue().size(); i++) {
                            row.append(rows.getString(i)).append('|'); // a lob's content (H2), or its oid
                        }
                        content.add(row.toString());
                    }
                }
                java.util.Collections.sort(content);
                tables.put(table.getKey(), content);
            }
        }
        return tables;
    }

    private static void load(DataSource db, Path script) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            if (POSTGRESQL) {
                s.execute(Files.readString(script)); // pg_dump --inserts: plain statements
            } else {
                s.execute("runscript from '" + script.toAbsolutePath() + "'");
            }
        }
    }

    /** An empty database of the suite's kind: H2 in memory, or a new database in the suite's PostgreSQL cluster. */
    private static DataSource freshDatabase() throws Exception {
        String name = "upgrade_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        if (!POSTGRESQL) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            return h2;
        }
        PGSimpleDataSource pg = server();
        try (Connection c = server().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name);
        }
        MADE.add(name);
        pg.setDatabaseName(name);
        return pg;
    }

    /** The suite's PostgreSQL cluster, its {@code postgres} database. */
    private static PGSimpleDataSource server() throws Exception {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[]{"127.0.0.1"});
        pg.setPortNumbers(new int[]{Integer.getInteger("it.pg.port", 20432)});
        pg.setUser("switchboard");
        pg.setPassword(Files.readString(Path.of(System.getProperty("switchboard.runtime"), "db-password")).trim());
        pg.setDatabaseName("postgres");
        return pg;
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (!MADE.isEmpty()) {
            try (Connection c = server().getConnection(); Statement s = c.createStatement()) {
                for (String name : MADE) {
                    s.execute("drop database if exists " + name + " with (force)");
                }
            }
        }
    }
}
