package org.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.Dispatcher;
import org.switchboard.engine.GroupCommit;
import org.switchboard.engine.Pusher;

/**
 * The edge calls services: no JAX-RS resource reaches into the engine's moving parts or the persistence context. (Its
 * use of entities is being replaced by view records; see docs/engine.md.)
 */
class EdgeArchitectureTest {

    private static final JavaClasses EDGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.switchboard");

    @Test
    void resourcesDoNotUseTheEnginesPartsOrTheEntityManager() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().belongToAnyOf(Pusher.class, Dispatcher.class, GroupCommit.class,
                        EntityManager.class)
                .check(EDGE);
    }
}
