package io.samokoder.maven;

import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptorBuilder;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The goal's settings precedence as Maven hands it the parameters: the POM's configuration, then {@code -D}
 * properties, then {@code .samokoder.yml}, then the defaults; one warning line per value a higher source overrides.
 * The mojo runs with the descriptor the build generated and the configuration Maven would merge from the POM and it.
 */
class CheckMojoPrecedenceTest {

    private static MojoDescriptor check;

    @TempDir
    Path root;

    private final RecordingLog log = new RecordingLog();
    private CheckMojo mojo;

    @BeforeAll
    static void descriptor() throws Exception {
        try (Reader r = Files.newBufferedReader(Path.of("target/classes/META-INF/maven/plugin.xml"))) {
            PluginDescriptor plugin = new PluginDescriptorBuilder().build(r);
            check = plugin.getMojo("check");
        }
    }

    @BeforeEach
    void repository() throws IOException {
        // one high finding (config/invalid-yaml) and one medium (docs/broken-link)
        Files.writeString(root.resolve("docker-compose.yml"), "services:\n  api:\n    image: a\n    image: b\n");
        Files.writeString(root.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md).\n");
    }

    /**
     * The mojo as Maven configures it: {@code pom} is the POM's configuration, {@code properties} the -D properties;
     * the fields hold the POM's value, else the property's.
     */
    private void configure(Map<String, String> pom, Map<String, String> properties, MavenProject... projects) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (PlexusConfiguration d : check.getMojoConfiguration().getChildren()) {
            Xpp3Dom c = new Xpp3Dom(d.getName());
            c.setValue(pom.getOrDefault(d.getName(), d.getValue(null)));
            configuration.addChild(c);
        }
        Properties user = new Properties();
        properties.forEach((k, v) -> user.setProperty("samokoder." + k, v));
        MavenSession session = new MavenSession(null, new DefaultMavenExecutionRequest().setUserProperties(user),
                new DefaultMavenExecutionResult(), projects.length == 0 ? List.of(project(root)) : List.of(projects));
        mojo = new CheckMojo();
        mojo.session = session;
        mojo.execution = new MojoExecution(check, configuration);
        mojo.project = session.getProjects().get(session.getProjects().size() - 1);
        mojo.setLog(log);
        String minScore = injected("minScore", pom, properties);
        mojo.minScore = minScore == null ? null : Integer.valueOf(minScore);
        mojo.failOnSeverity = injected("failOnSeverity", pom, properties);
        String disabled = injected("disabledRules", pom, properties);
        mojo.disabledRules = disabled == null ? null : List.of(disabled);
    }

    /** What Maven injects: the POM's value, with the property expression evaluated; else the property. */
    private static String injected(String name, Map<String, String> pom, Map<String, String> properties) {
        String value = pom.get(name);
        return value == null || value.equals("${samokoder." + name + "}") ? properties.get(name) : value;
    }

    private static MavenProject project(Path basedir) {
        MavenProject p = new MavenProject();
        p.setFile(basedir.resolve("pom.xml").toFile());
        p.getBuild().setDirectory(basedir.resolve("target").toString());
        p.setName(basedir.getFileName().toString());
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.samokoder");
        plugin.setArtifactId("samokoder-maven-plugin");
        p.getBuild().addPlugin(plugin);
        return p;
    }

    private String gate() {
        try {
            mojo.execute();
            return log.lines.stream().filter(l -> l.contains("gate passed")).findFirst().orElseThrow();
        } catch (MojoFailureException e) {
            return e.getMessage().lines().findFirst().orElseThrow();
        }
    }

    @Test
    void defaultsWhenNothingIsSet() {
        configure(Map.of(), Map.of());
        assertThat(gate()).contains("minimum 80").contains("failOnSeverity high");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void theFileAppliesWhereNeitherThePomNorAPropertySetsAValue() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minScore: 55\nfailOnSeverity: critical\n"
                + "rules: {config/invalid-yaml: off}\n");
        configure(Map.of(), Map.of());
        assertThat(gate()).contains("minimum 55").contains("no new finding at or above critical");
        assertThat(log.lines).noneMatch(l -> l.contains("config/invalid-yaml"));
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void aPropertyWinsOverTheFileWithOneWarningPerSetting() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minScore: 55\nfailOnSeverity: critical\n"
                + "rules: {docs/broken-link: off}\n");
        configure(Map.of(), Map.of("minScore", "58", "failOnSeverity", "medium",
                "disabledRules", "config/invalid-yaml"));
        assertThat(gate()).contains("minimum 58").contains("failOnSeverity medium");
        assertThat(log.warnings()).containsExactly(
                "samokoder: minScore 55 from .samokoder.yml:1 is ignored: -Dsamokoder.minScore sets 58",
                "samokoder: failOnSeverity critical from .samokoder.yml:2 is ignored: -Dsamokoder.failOnSeverity"
                        + " sets medium",
                "samokoder: disabledRules [docs/broken-link] from .samokoder.yml:3 is ignored:"
                        + " -Dsamokoder.disabledRules sets [config/invalid-yaml]");
    }

    @Test
    void thePomWinsOverPropertiesAndTheFileAndNamesEachIgnoredValue() throws IOException {
        Files.writeString(root.resolve(".samokoder.yml"), "minScore: 55\nrules: {config/invalid-yaml: off}\n");
        configure(Map.of("minScore", "20", "failOnSeverity", "critical", "disabledRules", "docs/broken-link"),
                Map.of("minScore", "58", "failOnSeverity", "low", "disabledRules", "config/invalid-yaml"));
        assertThat(gate()).contains("minimum 20").contains("critical");
        assertThat(log.lines).anyMatch(l -> l.startsWith("WARN docker-compose.yml:4: [config/invalid-yaml]"))
                .noneMatch(l -> l.startsWith("WARN README.md:3: [docs/broken-link]"));
        assertThat(log.warnings()).containsExactlyInAnyOrder(
                "samokoder: minScore 58 from -Dsamokoder.minScore is ignored: <minScore> in the POM sets 20",
                "samokoder: failOnSeverity low from -Dsamokoder.failOnSeverity is ignored: <failOnSeverity> in the"
                        + " POM sets critical",
                "samokoder: disabledRules config/invalid-yaml from -Dsamokoder.disabledRules is ignored:"
                        + " <disabledRules> in the POM sets docs/broken-link",
                "samokoder: minScore 55 from .samokoder.yml:1 is ignored: <minScore> in the POM sets 20",
                "samokoder: disabledRules [config/invalid-yaml] from .samokoder.yml:2 is ignored: <disabledRules> in"
                        + " the POM sets [docs/broken-link]");
    }

    @Test
    void thePomWritingThePropertyExpressionLeavesTheSettingToTheProperty() {
        configure(Map.of("minScore", "${samokoder.minScore}"), Map.of("minScore", "58"));
        assertThat(gate()).contains("minimum 58");
        assertThat(log.warnings()).isEmpty();
    }

    @Test
    void inABuildOfSeveralProjectsOnlyTheLastAuditsTheTopLevelFolder() throws Exception {
        MavenProject parent = project(root);
        parent.setExecutionRoot(true);
        MavenProject a = project(Files.createDirectories(root.resolve("module-a")));
        MavenProject b = project(Files.createDirectories(root.resolve("module-b")));
        configure(Map.of(), Map.of(), parent, a, b);
        mojo.project = a;
        mojo.execute();
        assertThat(log.lines).containsExactly("INFO samokoder: the audit of " + root + " runs once, in the last"
                + " project (module-b)");
        assertThat(root.resolve("target")).doesNotExist();
        mojo.project = b;
        assertThat(mojo.request(mojo.settings().build()).build().alwaysExcluded())
                .containsExactly("/target/", "/module-a/target/", "/module-b/target/");
        assertThatThrownBy(() -> mojo.execute()).hasMessageContaining("samokoder gate failed");
        assertThat(root.resolve("target/samokoder/samokoder.sarif")).exists();
        assertThat(root.resolve("module-b/target")).doesNotExist();
    }

    @Test
    void aBuildOfOneModuleAuditsTheFolderMavenWasStartedIn() throws Exception {
        MavenProject a = project(Files.createDirectories(root.resolve("module-a")));
        configure(Map.of(), Map.of(), a);
        // mvn -pl module-a, started in the repository's root
        mojo.session.getRequest().setBaseDirectory(root.toFile());
        assertThat(mojo.root()).isEqualTo(root);
        assertThat(mojo.buildDirectory()).isEqualTo(root.resolve("module-a/target"));
        assertThatThrownBy(() -> mojo.execute()).hasMessageContaining("failed by: config/invalid-yaml (1)");
        assertThat(root.resolve("module-a/target/samokoder/samokoder.json")).exists();
    }
}
