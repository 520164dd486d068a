package io.warroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries: direct subpackages of io.warroom are modules; they must not form cycles, must not
 * reach into each other's {@code internal} packages, and platform SDKs stay inside their own module.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.warroom");

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.warroom.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        for (String module : modules()) {
            noClasses().that().resideOutsideOfPackage("io.warroom." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.warroom." + module + ".internal..")
                    .because("modules talk through their API and events")
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void theSharedKernelDependsOnNoModule() {
        noClasses().that().resideInAPackage("io.warroom.shared..")
                .should().dependOnClassesThat(insideAModuleOtherThan("shared")).check(CLASSES);
    }

    @Test
    void theTimelineKnowsOnlyTheSharedKernel() {
        noClasses().that().resideInAPackage("io.warroom.timeline..")
                .should().dependOnClassesThat(insideAModuleOtherThan("timeline", "shared")).check(CLASSES);
    }

    @Test
    void theChatModelKnowsNoOtherModule() {
        noClasses().that().resideInAPackage("io.warroom.chat..")
                .should().dependOnClassesThat(insideAModuleOtherThan("chat", "shared")).check(CLASSES);
    }

    @Test
    void platformSdksStayInTheirModules() {
        noClasses().that().resideOutsideOfPackage("io.warroom.slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack.api..").allowEmptyShould(true).check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.warroom.kubernetes..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..").allowEmptyShould(true).check(CLASSES);
        noClasses().that().resideOutsideOfPackages("io.warroom.feishu..", "io.warroom.probe..", "io.warroom.slack..",
                        "io.warroom.alert..")
                .should().dependOnClassesThat().resideInAPackage("okhttp3..").allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void coreModulesKnowNoChatPlatform() {
        noClasses().that().resideInAnyPackage("io.warroom.command..", "io.warroom.delivery..", "io.warroom.directory..",
                        "io.warroom.timeline..", "io.warroom.chat..", "io.warroom.alert..", "io.warroom.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("io.warroom.slack..", "io.warroom.feishu..",
                        "io.warroom.console..")
                .check(CLASSES);
    }

    private static java.util.Set<String> modules() {
        var result = new java.util.TreeSet<String>();
        for (JavaClass c : CLASSES) {
            String rest = c.getPackageName().startsWith("io.warroom.") ? c.getPackageName().substring(11) : "";
            if (!rest.isEmpty()) {
                result.add(rest.split("\\.")[0]);
            }
        }
        return result;
    }

    private static DescribedPredicate<JavaClass> insideAModuleOtherThan(String... allowed) {
        var ok = java.util.Set.of(allowed);
        return DescribedPredicate.describe("a module other than " + ok, c -> {
            String p = c.getPackageName();
            if (!p.startsWith("io.warroom.")) {
                return false;
            }
            return !ok.contains(p.substring(11).split("\\.")[0]);
        });
    }
}
