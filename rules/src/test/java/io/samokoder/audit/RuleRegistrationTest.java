package io.samokoder.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.RuleMeta;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services file is the one list of the built-in rules; each rule's metadata is its {@link RuleInfo}. A rule class
 * that is not in the list never runs, one listed twice would run twice: both fail here.
 */
class RuleRegistrationTest {

    private static final String SERVICES = "META-INF/services/" + Rule.class.getName();

    @Test
    void everyConcreteRuleClassIsRegisteredExactlyOnce() throws IOException {
        List<String> concrete = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.samokoder").stream()
                .filter(c -> c.isAssignableTo(Rule.class) && !c.isInterface()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .map(JavaClass::getName).sorted().toList();
        List<String> listed = new ArrayList<>(registered());
        Collections.sort(listed);

        assertThat(concrete).hasSizeGreaterThan(30);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyElementsOf(concrete);
        assertThat(RuleRegistry.load().stream().map(r -> r.getClass().getName()).sorted().toList())
                .containsExactlyElementsOf(concrete);
    }

    @Test
    void everyRegisteredRuleCarriesItsMetadata() throws IOException {
        for (String name : registered()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " is listed but not on the class path", e);
            }
            assertThat(type.getAnnotation(RuleInfo.class)).as(name).isNotNull();
            assertThat(RuleMeta.of(type)).as(name).isSameAs(RuleMeta.of(type));
        }
    }

    /** The class names of this module's services file, comments and blank lines left out. */
    private List<String> registered() throws IOException {
        List<URL> files = Collections.list(getClass().getClassLoader().getResources(SERVICES));
        String module = Rule.class.getProtectionDomain().getCodeSource().getLocation().toString();
        URL own = files.stream().filter(u -> u.toString().startsWith(module)).findFirst()
                .orElseThrow(() -> new AssertionError("no services file in " + module + ": " + files));
        try (InputStream in = own.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
        }
    }
}
