package io.samokoder.layout;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.samokoder.engine.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layout the design describes: workspace (file input) below the rule SPI ({@code engine}), models and
 * rules above it; the audit (orchestration) above the SPI, reporters above the audit, the service ({@code run}) on
 * top. Checked on the compiled main classes, so a new import that closes a cycle fails the build.
 */
class LayoutTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.samokoder");
    }

    @Test
    void theMainClassesAreThere() {
        // an empty import would make every rule below pass without checking anything
        assertThat(main.containPackage("io.samokoder.engine")).isTrue();
        assertThat(main.containPackage("io.samokoder.rules.monitoring")).isTrue();
        assertThat(main.size()).isGreaterThan(200);
    }

    @Test
    void noPackageCycle() {
        slices().matching("io.samokoder.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void rulesAndModelsDoNotDependOnMavenOrTheLayersAboveThem() {
        noClasses().that().resideInAnyPackage("io.samokoder.rules..", "io.samokoder.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "io.samokoder.audit..",
                        "io.samokoder.report..", "io.samokoder.run..")
                .check(main);
    }

    @Test
    void theSpiDoesNotDependOnTheAuditReportsServiceModelsOrRules() {
        noClasses().that().resideInAnyPackage("io.samokoder.engine..", "io.samokoder.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("io.samokoder.audit..", "io.samokoder.report..",
                        "io.samokoder.run..", "io.samokoder.model..", "io.samokoder.rules..",
                        "org.apache.maven..")
                .check(main);
    }

    @Test
    void theWorkspaceDependsOnNothingElseInTheProject() {
        noClasses().that().resideInAPackage("io.samokoder.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("io.samokoder.engine..")
                .check(main);
    }

    @Test
    void rulesDoNotUseEachOthersCategories() {
        slices().matching("io.samokoder.rules.(*)..").should().notDependOnEachOther().check(main);
    }

    /**
     * Rules only judge: a static method or field of a rule used by another class is a shared piece (a model, a finding
     * builder) that belongs in {@code model/} or in a helper of the category package. A rule's own nested classes and
     * lambdas count as the rule itself.
     */
    @Test
    void noClassUsesAStaticMemberOfAnotherRule() {
        classes().should(new ArchCondition<JavaClass>("use static members of no rule other than itself") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                    JavaClass owner = access.getTarget().getOwner();
                    if (owner.isAssignableTo(Rule.class) && !owner.isInterface()
                            && !topLevel(owner).equals(topLevel(origin)) && isStatic(access)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        }).check(main);
    }

    /**
     * Models are reached one way, {@code X.of(ctx)}, which builds each once per audit and shares it through
     * {@code AuditContext.model}; a caller outside {@code model/} that calls a model's static {@code load} builds a
     * second, uncached copy.
     */
    @Test
    void noClassOutsideTheModelsCallsAModelsLoad() {
        classes().that().resideOutsideOfPackage("io.samokoder.model..")
                .should(new ArchCondition<JavaClass>("not call a static load method of a model") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                            JavaClass owner = access.getTarget().getOwner();
                            if (access.getTarget().getName().equals("load")
                                    && owner.getPackageName().startsWith("io.samokoder.model") && isStatic(access)) {
                                events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                            }
                        }
                    }
                }).check(main);
    }

    /**
     * Report prose is a keyed {@link io.samokoder.i18n.Text}, so that each report language has its own sentence: a
     * plain string given as a finding's message or remediation stays English in the Russian report (there is no
     * factory for English prose without a key). Quoted file content goes through {@code Text.verbatim} or
     * {@code Text.code}; the string overloads are left to tests.
     */
    @Test
    void noFindingGetsPlainStringProse() {
        noClasses().should().callMethod(io.samokoder.engine.Finding.Builder.class, "message", String.class)
                .orShould().callMethod(io.samokoder.engine.Finding.Builder.class, "remediation", String.class)
                .check(main);
    }

    private static boolean isStatic(JavaAccess<?> access) {
        return access.getTarget().resolveMember()
                .map(m -> m.getModifiers().contains(JavaModifier.STATIC)).orElse(false);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
