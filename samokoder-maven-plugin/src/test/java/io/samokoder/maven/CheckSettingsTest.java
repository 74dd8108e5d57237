package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The parameters survive the trip to the audit JVM, and its lines survive the trip back. */
class CheckSettingsTest {

    @Test
    void everyParameterSurvivesTheArguments() {
        CheckSettings s = new CheckSettings();
        s.dir = new File("/repo with space/app");
        s.minScore = 70;
        s.failOnSeverity = "medium";
        s.failOnViolation = false;
        s.configFile = "conf/.samokoder.yml";
        s.locale = "ru";
        s.baseline = new File("/repo/.samokoder-baseline.json");
        s.suppressions = new File("/repo/supp.yml");
        s.excludes = List.of("vendor/, node_modules/", "docs/old/");
        s.weights = "secrets=5,docs=0.5";
        s.disabledRules = List.of("docs/broken-link,secrets/weak-value");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("docs.online", "true");
        options.put("secrets.lowSeverityPaths", "a=b,**/dev/**");
        s.options = options;
        s.useEnvironment = true;
        s.buildDirectory = new File("/repo/target");
        s.sarif = "none";
        s.json = "out/a.json";
        s.junit = "";
        s.report = "audit.md";

        List<String> args = s.toArgs();
        CheckSettings back = CheckSettings.fromArgs(args.toArray(String[]::new));

        assertThat(back.toArgs()).isEqualTo(args);
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
        AuditConfig config = back.toConfig();
        assertThat(config.excludes()).containsExactly("vendor/", "node_modules/", "docs/old/");
        assertThat(config.optionOr("secrets.lowSeverityPaths", "")).isEqualTo("a=b,**/dev/**");
        assertThat(config.minScore()).isEqualTo(70);
        assertThat(back.output(back.junit, "x.xml")).isNull();
    }

    @Test
    void theDaemonGetsEveryPathAbsoluteAgainstTheBuildsFolder() {
        CheckSettings s = new CheckSettings();
        s.dir = new File("app");
        s.configFile = "conf/.samokoder.yml";
        s.baseline = new File("/repo/baseline.json");
        s.suppressions = new File("supp.yml");
        s.buildDirectory = new File("target");
        s.sarif = "none";
        s.json = "out/a.json";
        s.junit = "";
        s.report = "audit.md";
        s.excludes = List.of("vendor/");
        Path cwd = Path.of("/work/build");

        CheckSettings r = s.resolvedAgainst(cwd);

        assertThat(r.dir).isEqualTo(new File("/work/build/app"));
        assertThat(r.configFile).isEqualTo("/work/build/conf/.samokoder.yml");
        assertThat(r.baseline).isEqualTo(new File("/repo/baseline.json"));
        assertThat(r.suppressions).isEqualTo(new File("/work/build/supp.yml"));
        assertThat(r.buildDirectory).isEqualTo(new File("/work/build/target"));
        assertThat(r.sarif).isEqualTo("none");
        assertThat(r.json).isEqualTo("/work/build/out/a.json");
        assertThat(r.junit).isEmpty();
        assertThat(r.report).isEqualTo("/work/build/audit.md");
        assertThat(r.excludes).containsExactly("vendor/");
        assertThat(s.dir).isEqualTo(new File("app")); // the build's own settings are left as they were

        CheckSettings unresolved = new CheckSettings();
        unresolved.dir = new File("/repo");
        unresolved.buildDirectory = new File("${project.build.directory}");
        assertThat(unresolved.resolvedAgainst(cwd).buildDirectory).isEqualTo(new File("${project.build.directory}"));
        assertThat(unresolved.resolvedAgainst(cwd).configFile).isNull();
    }

    @Test
    void unsetParametersStayUnset() {
        CheckSettings s = new CheckSettings();
        s.dir = new File("/repo");
        CheckSettings back = CheckSettings.fromArgs(s.toArgs().toArray(String[]::new));
        assertThat(back.minScore).isNull();
        assertThat(back.failOnViolation).isNull();
        assertThat(back.excludes).isNull();
        assertThat(back.options).isNull();
        assertThat(back.useEnvironment).isFalse();
    }

    @Test
    void theBuildDirectoryInsideTheAuditedFolderIsLeftOut() {
        CheckSettings s = new CheckSettings();
        s.dir = new File("/repo");
        s.buildDirectory = new File("/repo/target");
        assertThat(s.buildExclude()).contains("/target/");
        assertThat(s.toConfig().excludes()).contains("/target/");
        s.buildDirectory = new File("/repo/modules/api/build");
        assertThat(s.buildExclude()).contains("/modules/api/build/");
        s.buildDirectory = new File("${project.build.directory}"); // no pom: the reports go to dir/target
        assertThat(s.buildExclude()).contains("/target/");
        s.buildDirectory = new File("/elsewhere/target");
        assertThat(s.buildExclude()).isEmpty();
        s.dir = new File("/repo/deploy");
        s.buildDirectory = new File("/repo/target");
        assertThat(s.buildExclude()).isEmpty();
    }

    @Test
    void unknownArgumentIsRejected() {
        assertThatThrownBy(() -> CheckSettings.fromArgs("colour=blue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter: colour=blue");
        assertThatThrownBy(() -> CheckSettings.fromArgs("dir")).hasMessage("not name=value: dir");
    }
}
