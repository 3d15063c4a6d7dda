package dev.golive.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** DESIGN.md's layer picture, stated once: imports point down only, I/O only in host. */
@AnalyzeClasses(packages = "dev.golive", importOptions = ImportOption.DoNotIncludeTests.class)
class LayersTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("ui").definedBy("dev.golive.ui..")
            .layer("app").definedBy("dev.golive.app..")
            .layer("work").definedBy("dev.golive.plan..", "dev.golive.apply..", "dev.golive.check..",
                    "dev.golive.profile..", "dev.golive.unit..", "dev.golive.build..", "dev.golive.report..", "dev.golive.export..",
                    "dev.golive.verify..")
            .layer("inspect").definedBy("dev.golive.inspect..")
            .layer("config").definedBy("dev.golive.config..")
            .layer("binfmt").definedBy("dev.golive.binfmt..")
            .layer("host").definedBy("dev.golive.host..")
            .layer("model").definedBy("dev.golive.model..")
            .whereLayer("ui").mayOnlyBeAccessedByLayers("ui")
            .whereLayer("app").mayOnlyBeAccessedByLayers("ui")
            .whereLayer("work").mayOnlyBeAccessedByLayers("ui", "app", "work")
            .whereLayer("inspect").mayOnlyBeAccessedByLayers("ui", "app", "work")
            .whereLayer("config").mayOnlyBeAccessedByLayers("ui", "app", "work", "inspect")
            // pure readers of binary formats (ELF, Go build info): used by inspect (service probe) and build
            .whereLayer("binfmt").mayOnlyBeAccessedByLayers("ui", "app", "work", "inspect")
            .whereLayer("host").mayOnlyBeAccessedByLayers("ui", "app", "work", "inspect", "config")
            .allowEmptyShould(true);

    /** No cycle between golive's packages, also where the layer rule allows both directions (within a layer). */
    @ArchTest
    static final ArchRule noCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("dev.golive.(*)..").should().beFreeOfCycles();

    /** The front ends talk to app.Session (and the work layers' records); never to the codecs or the probes. */
    @ArchTest
    static final ArchRule uisStayOffCodecsAndProbes = noClasses().that().resideInAPackage("dev.golive.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.golive.config..", "dev.golive.inspect..");

    @ArchTest
    static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("dev.golive.model..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.golive.model..");

    @ArchTest
    static final ArchRule onlyHostTouchesTheFileSystem = noClasses().that().resideOutsideOfPackages("dev.golive.host..")
            .and().resideOutsideOfPackage("dev.golive")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .because("only host does I/O (DESIGN.md): everything else receives a HostRoot / CommandRunner");

    @ArchTest
    static final ArchRule uiLibrariesStayInTheirShells = noClasses().that().resideOutsideOfPackages("dev.golive.ui..", "dev.golive")
            .should().dependOnClassesThat().resideInAnyPackage("com.googlecode.lanterna..", "picocli..", "org.jline..");
}
