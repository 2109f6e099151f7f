package org.switchboard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.switchboard.engine.Dispatcher;
import org.switchboard.engine.GroupCommit;
import org.switchboard.engine.Pusher;

/**
 * The edge calls services and is handed views: no class of the web module (its own classes, whatever the classpath
 * holds) touches an entity, and no JAX-RS resource reaches into the engine's moving parts or the persistence
 * context. An entity's nested enums (a conversation's type, a push's state) are values and may be named.
 */
class EdgeArchitectureTest {

    /** The web module's own classes, as compiled; the domain's classes are found on the classpath when named. */
    private static final JavaClasses EDGE = new ClassFileImporter().importPath(Paths.get("target", "classes"));

    @Test
    void resourcesDoNotUseTheEnginesPartsOrTheEntityManager() {
        noClasses().that().areAnnotatedWith(Path.class)
                .should().dependOnClassesThat().belongToAnyOf(Pusher.class, Dispatcher.class, GroupCommit.class,
                        EntityManager.class)
                .check(EDGE);
    }

    @Test
    void noClassOfTheEdgeTouchesAnEntity() {
        noClasses().should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("the edge gets views (records) from the services, which own the entities")
                .check(EDGE);
    }
}
