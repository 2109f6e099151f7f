package org.switchboard;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of the domain (README, "Module map"; docs/engine.md, "Where it sits"), checked over the compiled classes' dependencies: no package cycle,
 * and nothing below imports what is above. From the bottom: plumbing (JSON, networks, secrets, validation, the
 * schema, caches, streams), the records every feature shares (accounts, the message store), the engine that moves
 * rows and calls the ports features implement, the features, and routing on top.
 */
class ArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.switchboard");

    static final String[] PLUMBING = {"org.switchboard.json..", "org.switchboard.net..", "org.switchboard.secrets..",
            "org.switchboard.validation..", "org.switchboard.schema..", "org.switchboard.cache..",
            "org.switchboard.streams..", "org.switchboard.storage..", "org.switchboard.sql.."};
    static final String[] RECORDS = {"org.switchboard.accounts", "org.switchboard.messages",
            "org.switchboard.routes"};
    static final String[] FEATURES = {"org.switchboard.channels..", "org.switchboard.conversations..",
            "org.switchboard.sandbox..", "org.switchboard.contacts..", "org.switchboard.optouts..",
            "org.switchboard.metrics..", "org.switchboard.pushes..", "org.switchboard.messages.sandbox..",
            "org.switchboard.campaigns..", "org.switchboard.exports..", "org.switchboard.counts.."};

    @Test
    void noPackageImportsItselfThroughOthers() {
        slices().matching("org.switchboard.(**)").should().beFreeOfCycles().check(DOMAIN);
    }

    @Test
    void nothingBelowImportsWhatIsAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Plumbing").definedBy(PLUMBING)
                .layer("Records").definedBy(RECORDS)
                .layer("Engine").definedBy("org.switchboard.engine..")
                .layer("Features").definedBy(FEATURES)
                .layer("Routing").definedBy("org.switchboard.routing..")
                .whereLayer("Routing").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Routing")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Features", "Routing")
                .whereLayer("Records").mayOnlyBeAccessedByLayers("Engine", "Features", "Routing")
                .whereLayer("Plumbing").mayOnlyBeAccessedByLayers("Records", "Engine", "Features", "Routing")
                .check(DOMAIN);
    }
}
