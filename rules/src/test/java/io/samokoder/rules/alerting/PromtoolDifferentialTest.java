package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.render.ConfigRendering;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Finding;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.model.alertmanager.FieldTypes;
import io.samokoder.model.placeholders.YamlPlaceholders;
import io.samokoder.workspace.LineIndex;
import org.yaml.snakeyaml.error.Mark;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.ToIntFunction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test of the Prometheus half of {@code alerting/unresolved-placeholder} against {@code promtool check
 * config} (Debian {@code prometheus}): promtool rejects a config exactly when we report a placeholder as "will refuse
 * to load", accepts it once those are replaced by valid values, and every placeholder it then accepts is one we report
 * as used literally.
 */
class PromtoolDifferentialTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> promtoolAgreesWithUs() throws IOException {
        Path promtool = ExternalTools.require("promtool");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            if (!fixture.getFileName().toString().startsWith("alerting-")) {
                continue;
            }
            AuditContext ctx = new AuditContext(Workspace.scan(fixture), Fixtures.config(fixture));
            io.samokoder.model.prometheus.PrometheusConfigs prom = io.samokoder.model.prometheus.PrometheusConfigs.of(ctx);
            AuditResult result = Fixtures.audit(fixture);
            ConfigRendering rendering = ConfigRendering.of(ctx, ConfigRendering.Program.PROMETHEUS);
            for (SourceFile file : PrometheusPlaceholders.files(ctx)) {
                if (!rendering.rendersOf(file.path()).isEmpty()
                        || rendering.reading(file.path(), false, "").reading() != ConfigRendering.Reading.LITERAL) {
                    continue; // Prometheus reads a rendered copy, not this file
                }
                List<Finding> ours = result.active().stream().filter(f -> f.path().equals(file.path())
                        && f.ruleId().equals("alerting/unresolved-placeholder")).toList();
                tests.add(DynamicTest.dynamicTest(fixture.getFileName() + "/" + file.path(),
                        () -> agrees(promtool, fixture.resolve(file.path()), ours, prom.expandExternalLabels())));
            }
        }
        assertThat(tests).as("Prometheus configs in the alerting fixtures").hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private void agrees(Path promtool, Path file, List<Finding> ours, boolean expandExternalLabels) throws IOException {
        List<Finding> fatal = ours.stream().filter(f -> f.message().startsWith("Prometheus will refuse to load")).toList();
        List<Finding> literal = ours.stream().filter(f -> f.message().contains("used literally at runtime")).toList();
        ExternalTools.Result r = check(promtool, file);
        String output = r.stdout() + r.stderr();
        if (r.exitCode() == 0) {
            assertThat(fatal).as("promtool accepts %s:%n%s", file, output).isEmpty();
        } else {
            assertThat(fatal).as("promtool rejects %s:%n%s", file, output).isNotEmpty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<Integer> lines = fatal.stream().map(Finding::line).collect(Collectors.toSet());
        YamlDocument doc = YamlLoader.load("x.yml", text);
        LineIndex index = new LineIndex(text);
        ToIntFunction<Mark> at = m -> YamlPlaceholders.offset(text, index, m);
        Map<ScalarNode, String> replace = new IdentityHashMap<>();
        for (YamlPlaceholders.Site site : YamlPlaceholders.scan(null, text, doc)) {
            if (lines.contains(site.line()) && site.node() != null) {
                replace.put(site.node(), switch (FieldTypes.builtIn().lookup("prometheus", site.fieldPath()).type()) {
                    case DURATION -> "15s";
                    case INT, FLOAT -> "1";
                    case BOOL -> "true";
                    default -> "'https://remote.example.com/api/v1/write'";
                });
            }
        }
        List<Map.Entry<ScalarNode, String>> edits = new ArrayList<>(replace.entrySet());
        edits.sort(Comparator.comparingInt((Map.Entry<ScalarNode, String> e) -> at.applyAsInt(e.getKey().getStartMark()))
                .reversed());
        StringBuilder sb = new StringBuilder(text);
        edits.forEach(e -> sb.replace(at.applyAsInt(e.getKey().getStartMark()), at.applyAsInt(e.getKey().getEndMark()),
                e.getValue()));
        Path copy = Files.createTempFile(temp, "prometheus-", ".yml");
        Files.writeString(copy, sb.toString(), StandardCharsets.UTF_8);
        ExternalTools.Result after = check(promtool, copy);
        assertThat(after.exitCode()).as("promtool on %s with our fatal placeholders replaced:%n%s", file,
                after.stdout() + after.stderr()).isZero();
        YamlDocument neutral = YamlLoader.load("x.yml", sb.toString());
        List<YamlPlaceholders.Site> left = YamlPlaceholders.scan(null, sb.toString(), neutral).stream()
                .filter(s -> !PrometheusPlaceholders.isRegexGroupReference(neutral, s.path(), s.placeholder().name()))
                .filter(s -> !(expandExternalLabels && s.fieldPath().startsWith("global.external_labels.")))
                .toList();
        assertThat(left).as("placeholders promtool accepts in %s", file).hasSameSizeAs(literal);
        for (YamlPlaceholders.Site s : left) {
            assertThat(literal).anyMatch(f -> f.line() == s.line() && f.message().contains(s.placeholder().display()));
        }
    }

    private static ExternalTools.Result check(Path promtool, Path file) {
        return ExternalTools.run(List.of(promtool.toString(), "check", "config", "--syntax-only", file.toString()),
                file.getParent(), Duration.ofSeconds(30));
    }
}
