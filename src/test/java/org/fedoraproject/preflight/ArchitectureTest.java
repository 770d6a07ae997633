package org.fedoraproject.preflight;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/ARCHITECTURE.md honest: the domain does no I/O and knows nothing of
 * JavaFX; the words (text) stand below everything; adapters do not reach up into the app, the window or the command line; the window
 * and the command line do not know each other.
 */
class ArchitectureTest {

    static final String ROOT = "org.fedoraproject.preflight";
    /** Pure values and functions. */
    static final String[] DOMAIN = {ROOT + ".rpm..", ROOT + ".machine..", ROOT + ".incident..",
        ROOT + ".assess..", ROOT + ".guide..", ROOT + ".signal..", ROOT + ".health.."};
    /** The outside world turned into domain values. */
    static final String[] ADAPTERS = {ROOT + ".adapter.."};

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * The map of docs/ARCHITECTURE.md as one rule: front ends over use cases over the domain,
     * adapters beside the domain and reached only from the use cases, the front ends' own
     * adapters (desktop for the tray and notifications, feed for the feed command's keys) and
     * the composition root; text, threads and the application's name and version below everything.
     */
    @Test
    void theLayersAreTheMap() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy(JavaClass.Predicates.belongToAnyOf(Main.class))
                .layer("FrontEnds").definedBy(ROOT + ".cli..", ROOT + ".ui..", ROOT + ".background..")
                .layer("UseCases").definedBy(ROOT + ".app..", ROOT + ".desk..")
                .layer("Adapters").definedBy(ADAPTERS)
                .layer("Domain").definedBy(DOMAIN)
                .layer("Words").definedBy(JavaClass.Predicates.resideInAnyPackage(ROOT + ".text..", ROOT + ".threads..")
                        .or(JavaClass.Predicates.belongToAnyOf(AppInfo.class)))
                .whereLayer("Root").mayNotBeAccessedByAnyLayer()
                .whereLayer("FrontEnds").mayOnlyBeAccessedByLayers("Root")
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Root", "FrontEnds")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Root", "UseCases", "FrontEnds")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Root", "FrontEnds", "UseCases", "Adapters")
                .check(classes);
    }

    /** The names say the layer: whatever talks to a process, a database or the network is under adapter. */
    @Test
    void onlyAdaptersTalkToTheOutside() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".adapter..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.apache.hc..", "java.net.http..",
                        "org.freedesktop.dbus..")
                .orShould().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class)
                .because("a domain package, a use case or a front end is told from an adapter by its package name")
                .check(classes);
    }

    @Test
    void domainDoesNoIoAndKnowsNoToolkit() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.io..", "java.nio.file..", "java.net..", "java.sql..",
                        "org.apache.hc..", "com.google.gson..", "picocli..")
                .because("the domain is plain values and functions")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingAboveIt() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".app..", ROOT + ".ui..", ROOT + ".cli..", ROOT + ".background..")
                .check(classes);
    }

    @Test
    void adaptersDoNotReachUp() {
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".app..", ROOT + ".ui..", ROOT + ".cli..", ROOT + ".background..", "javafx..")
                .check(classes);
    }

    @Test
    void appLayerKnowsNoFrontEnd() {
        noClasses().that().resideInAPackage(ROOT + ".app..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".ui..", ROOT + ".cli..", ROOT + ".background..", "javafx..", "picocli..")
                .check(classes);
    }

    @Test
    void commandLineNeverLoadsTheWindowToolkit() {
        noClasses().that().resideInAPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", "javafx..")
                .because("terminal commands must start fast and work without a display")
                .check(classes);
    }

    @Test
    void windowDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", "picocli..")
                .check(classes);
    }

    @Test
    void windowAsksTheAppLayerNotTheSystem() {
        noClasses().that().resideInAPackage(ROOT + ".ui..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".adapter.system..", ROOT + ".adapter.fedora..",
                        "java.sql..", "org.apache.hc..", "java.lang.ProcessBuilder")
                .because("the window renders what the use cases return; reading the system is their job, off the UI thread")
                .check(classes);
    }

    @Test
    void windowUsesTheFeedsValuesOnlyNeverTheirFetchingOrCache() {
        DescribedPredicate<JavaClass> feedMachinery = DescribedPredicate.describe("feed classes other than the values"
                + " FeedSource and FeedStatus", c -> c.getPackageName().startsWith(ROOT + ".adapter.feed")
                && !c.getSimpleName().equals("FeedSource") && !c.getSimpleName().equals("FeedStatus")
                && !c.getName().startsWith(ROOT + ".adapter.feed.FeedSource$") && !c.getName().startsWith(ROOT + ".adapter.feed.FeedStatus$"));
        noClasses().that().resideInAPackage(ROOT + ".ui..")
                .should().dependOnClassesThat(feedMachinery)
                .because("fetching, verifying and keeping feeds is the app layer's job, off the UI thread")
                .check(classes);
    }

    @Test
    void theWordsKnowNothingAboveThem() {
        DescribedPredicate<JavaClass> preflightOutsideText = DescribedPredicate.describe("Preflight's classes outside text",
                c -> c.getPackageName().startsWith(ROOT) && !c.getPackageName().startsWith(ROOT + ".text"));
        noClasses().that().resideInAPackage(ROOT + ".text..")
                .should().dependOnClassesThat(preflightOutsideText)
                .orShould().dependOnClassesThat().resideInAnyPackage("javafx..", "java.io..", "java.nio.file..", "java.net..")
                .because("every layer says things through Text; the bundle is read as a resource, never a file")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void backgroundNeverLoadsTheWindowToolkit() {
        noClasses().that().resideInAPackage(ROOT + ".background..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".ui..", ROOT + ".cli..", "javafx..", "picocli..")
                .because("idle in the background, JavaFX must not be loaded until a window is asked for")
                .check(classes);
    }
}
