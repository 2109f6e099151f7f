package org.switchboard.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.switchboard.sql.Database;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema's migrations while Hibernate builds the persistence unit, after it has its data source and before
 * it validates the schema against the entities: so a deploy either finds the schema it expects or fails, and no
 * start-up code repairs it by hand. A database made by a release before migrations is taken as version 1 (the
 * baseline, which is that release's schema). Hibernate finds it as it finds its own integrators, with the
 * {@code ServiceLoader} ({@code META-INF/services/org.hibernate.integrator.spi.Integrator}): the setting
 * {@code hibernate.integrator_provider} is loaded before the unit's class loader is known, and fails in the server.
 */
public class SchemaMigrations implements Integrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /**
     * Where the migrations are: one folder per database ({@code h2}, {@code postgresql}) for those written in its
     * dialect, and {@code common} for those both databases read alike.
     */
    public static final String LOCATION = "classpath:db/migration/";

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrap, SessionFactoryImplementor factory) {
        migrate(factory.getServiceRegistry().requireService(ConnectionProvider.class).unwrap(DataSource.class));
    }

    @Override
    public void disintegrate(SessionFactoryImplementor factory, SessionFactoryServiceRegistry registry) {
        // nothing to undo
    }

    /** The folder of this database's migrations: {@code h2} or {@code postgresql}. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return switch (Database.of(connection)) {
                case H2 -> "h2";
                case POSTGRESQL -> "postgresql";
                case OTHER -> throw new IllegalStateException("Switchboard runs on H2 or PostgreSQL, not on "
                        + connection.getMetaData().getDatabaseProductName());
            };
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reach the database to migrate its schema: " + e.getMessage(), e);
        }
    }

    /** Applies the migrations this database lacks; says which. */
    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION + vendor(dataSource), LOCATION + "common")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("the schema of the last release before migrations")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now, from " + (result.initialSchemaVersion == null
                        ? "an empty database"
                        : "version " + result.initialSchemaVersion)
                + ")");
        return result;
    }
}
