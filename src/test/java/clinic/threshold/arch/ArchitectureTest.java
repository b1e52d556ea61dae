package clinic.threshold.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layer rules of ARCHITECTURE.md, checked on every build. Exceptions are named here and nowhere else.
 * Shared packages: {@code i18n} (message lookup) may be used by service, ui and cli.
 */
@AnalyzeClasses(packages = "clinic.threshold", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "clinic.threshold.domain..";
    private static final String DATA = "clinic.threshold.data..";
    private static final String SERVICE = "clinic.threshold.service..";
    private static final String UI = "clinic.threshold.ui..";
    private static final String CLI = "clinic.threshold.cli..";
    private static final String APP = "clinic.threshold.app..";

    @ArchTest
    static final ArchRule domainDependsOnNothingOfOursNorAnyFramework = noClasses().that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(DATA, SERVICE, UI, CLI, APP, "clinic.threshold.i18n..",
                    "javafx..", "org.jooq..", "java.sql..", "java.io..", "java.nio.file..", "org.h2..",
                    "org.flywaydb..", "org.slf4j..");

    @ArchTest
    static final ArchRule dataNeverSeesServiceUiOrCli = noClasses().that().resideInAPackage(DATA)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE, UI, CLI, APP, "javafx..");

    @ArchTest
    static final ArchRule serviceNeverUsesJavaFxUiOrCli = noClasses().that().resideInAPackage(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage(UI, CLI, APP, "javafx..");

    @ArchTest
    static final ArchRule uiUsesOnlyServiceAndDomain = noClasses().that().resideInAPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage(DATA, CLI, APP, "org.jooq..", "java.sql..",
                    "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule cliNeverUsesJavaFxDataOrUi = noClasses().that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAnyPackage(DATA, UI, APP, "javafx..", "org.jooq..", "java.sql..");

    @ArchTest
    static final ArchRule onlyAppWiresEverything = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule noStandardStreams = noClasses().that().resideOutsideOfPackages(CLI, APP)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule loggingOnlyThroughSlf4j = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
