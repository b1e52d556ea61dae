package clinic.threshold.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * The layer rules of ARCHITECTURE.md, as allow-lists: each layer may depend only on the packages named
 * here. Named exceptions live here and nowhere else:
 * - {@code i18n} (message lookup) may be used by every layer above domain;
 * - {@code security} holds sessions and key handling, used by service and app only.
 */
@AnalyzeClasses(packages = "clinic.threshold", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String JDK = "java..";
    private static final String DOMAIN = "clinic.threshold.domain..";
    private static final String DATA = "clinic.threshold.data..";
    private static final String SERVICE = "clinic.threshold.service..";
    private static final String SECURITY = "clinic.threshold.security..";
    private static final String AUDIT = "clinic.threshold.audit..";
    private static final String UI = "clinic.threshold.ui..";
    private static final String CLI = "clinic.threshold.cli..";
    private static final String APP = "clinic.threshold.app..";
    private static final String I18N = "clinic.threshold.i18n..";
    private static final String EXPORT = "clinic.threshold.export..";

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdkAndItself = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java.lang..", "java.util..",
                    "java.time..", "java.text..", "java.security..", "java.nio.charset..", "java.math..");

    @ArchTest
    // javax.crypto: the commit journal beside the database is encrypted like it (ADR 0011). org.postgresql: the
    // other database the data layer speaks to (issue 13), only here.
    static final ArchRule dataUsesDomainJooqAndTheDatabase = classes().that().resideInAPackage(DATA)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DATA, DOMAIN, JDK, "org.jooq..", "org.h2..",
                    "org.postgresql..", "org.flywaydb..", "org.slf4j..", "javax.sql..", "javax.crypto..");

    @ArchTest
    static final ArchRule auditUsesDataAndDomain = classes().that().resideInAPackage(AUDIT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(AUDIT, DATA, DOMAIN, JDK, "org.jooq..",
                    "org.slf4j..");

    @ArchTest
    static final ArchRule securityUsesDomainAndCrypto = classes().that().resideInAPackage(SECURITY)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SECURITY, DOMAIN, JDK, "javax.crypto..",
                    "org.bouncycastle..", "org.slf4j..");

    @ArchTest
    // Jackson: the documented JSON interchange formats (threshold-history/1) are read and written here.
    static final ArchRule serviceNeverUsesJavaFxUiCliOrApp = classes().that().resideInAPackage(SERVICE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SERVICE, DOMAIN, DATA, SECURITY, AUDIT, I18N, EXPORT,
                    JDK, "org.jooq..", "org.slf4j..", "com.fasterxml.jackson..", "org.apache.pdfbox..");

    @ArchTest
    static final ArchRule exportOnlyRendersDocuments = classes().that().resideInAPackage(EXPORT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(EXPORT, DOMAIN, I18N, JDK, "org.apache.pdfbox..");

    @ArchTest
    static final ArchRule uiUsesOnlyServiceDomainAndJavaFx = classes().that().resideInAPackage(UI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(UI, SERVICE, DOMAIN, I18N, JDK, "javafx..",
                    "org.controlsfx..", "atlantafx..", "org.slf4j..", "javax.imageio..");

    @ArchTest
    static final ArchRule cliUsesOnlyServiceAndDomain = classes().that().resideInAPackage(CLI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CLI, SERVICE, DOMAIN, I18N, JDK, "picocli..");

    @ArchTest
    static final ArchRule onlyAppWiresEverything = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP);

    @ArchTest
    static final ArchRule viewModelsNeverTouchNodes = noClasses().that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    @ArchTest
    static final ArchRule viewsGoThroughTheirViewModel = noClasses().that().resideInAPackage(UI)
            .and().haveSimpleNameEndingWith("View")
            .should().dependOnClassesThat().resideInAPackage(SERVICE);

    @ArchTest
    static final ArchRule repositoriesReturnDomainRecordsNotJooqRecords = noMethods().that().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage(DATA)
            .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Repository")
            .should().haveRawReturnType(org.jooq.Record.class)
            .orShould().haveRawReturnType(org.jooq.Result.class);

    @ArchTest
    static final ArchRule repositoriesHaveNoDelete = methods().that().areDeclaredInClassesThat()
            .haveSimpleNameEndingWith("Repository").should().haveNameNotMatching("(?i).*delete.*");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses().that().resideOutsideOfPackages(CLI, APP)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);

    @ArchTest
    static final ArchRule loggingOnlyThroughSlf4j = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
