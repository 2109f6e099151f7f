package org.switchboard.contacts;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;

/**
 * Makes the search indexes if they are missing, and checks them otherwise, once the application has started. Hibernate
 * Search does it itself while it boots on one instance; a deployment group turns that off
 * ({@code hibernate.search.schema_management.strategy=none}, config/payara/group.asadmin) because its instances boot
 * together against one OpenSearch node, and the second to ask for a missing index is refused ("already exists") and
 * fails its deployment. Here a refusal is tried again: by then the index is there, and is checked. Where Hibernate
 * Search manages the schema itself (one instance, Lucene) this does nothing.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchSchema {

    private static final Logger LOG = Logger.getLogger(SearchSchema.class.getName());
    private static final int ATTEMPTS = 5;

    @PersistenceUnit(unitName = "switchboard")
    EntityManagerFactory factory;

    /** Hibernate Search's own setting (a JVM option), read here to know whether its boot already made the indexes. */
    @Inject
    @ConfigProperty(name = "hibernate.search.schema_management.strategy", defaultValue = "create-or-validate")
    String strategy;

    @PostConstruct
    void createOrValidate() {
        if (!"none".equals(strategy)) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                Search.mapping(factory).scope(Object.class).schemaManager().createOrValidate();
                return;
            } catch (SearchException e) {
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.SEVERE, "The search indexes could not be made or checked; searches will fail", e);
                    return;
                }
                int next = attempt;
                LOG.info(() -> "Making or checking the search indexes failed (another instance may be making them): "
                        + "trying again in " + next + " s");
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
