package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.model.alertmanager.AlertmanagerConfig;
import io.samokoder.model.alertmanager.AlertmanagerConfigs;
import io.samokoder.model.render.ConfigRendering;
import io.samokoder.model.alertmanager.FieldTypes;
import io.samokoder.model.placeholders.Placeholder;
import io.samokoder.model.placeholders.PlaceholderScanner;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test against the real {@code amtool check-config} (Debian {@code prometheus-alertmanager}) over every
 * Alertmanager config in the fixtures:
 * <ul>
 *   <li>a config Alertmanager reads as it is and amtool rejects has a finding we word "will refuse to load" (on the
 *       very line amtool names when it names one), or an undefined-receiver finding for the receiver amtool names;
 *       a config amtool accepts has no "will refuse to load" finding;</li>
 *   <li>with every placeholder we call fatal replaced by a valid value of its field type, amtool accepts the file,
 *       so the fatal set is complete, and each placeholder left in the file (amtool accepted them) is one of our
 *       "sent literally" findings;</li>
 *   <li>a template a compose service renders, rendered with plausible values, passes amtool.</li>
 * </ul>
 */
class AmtoolDifferentialTest {

    private static final Pattern YAML_LINE = Pattern.compile("line (\\d+):");
    private static final Pattern UNDEFINED = Pattern.compile("undefined receiver \"([^\"]+)\" used in route");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> amtoolAgreesWithUs() throws IOException {
        Path amtool = ExternalTools.require("amtool");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path fixture : Fixtures.all()) {
            AuditContext ctx = new AuditContext(Workspace.scan(fixture), Fixtures.config(fixture));
            AlertmanagerConfigs configs = AlertmanagerConfigs.of(ctx);
            ConfigRendering rendering = ConfigRendering.of(ctx, ConfigRendering.Program.ALERTMANAGER);
            if (configs.isEmpty() || !fixture.getFileName().toString().startsWith("alerting-")
                    && !fixture.getFileName().toString().equals("samokoder-seed")) {
                continue;
            }
            AuditResult result = Fixtures.audit(fixture);
            for (AlertmanagerConfigs.Entry entry : configs.entries()) {
                String name = fixture.getFileName() + "/" + entry.path();
                List<Finding> ours = findingsIn(result, entry.path());
                if (!rendering.rendersOf(entry.path()).isEmpty()) {
                    ConfigRendering.Render render = rendering.rendersOf(entry.path()).get(0);
                    tests.add(DynamicTest.dynamicTest(name + " rendered by " + render.tool(),
                            () -> agrees(amtool, render(fixture.resolve(entry.path()), render), ours)));
                } else if (rendering.reading(entry.path(), entry.templateByName(), "").reading()
                        == ConfigRendering.Reading.LITERAL) {
                    tests.add(DynamicTest.dynamicTest(name, () -> agrees(amtool, fixture.resolve(entry.path()), ours)));
                }
            }
        }
        assertThat(tests).as("fixture Alertmanager configs checked with amtool").hasSizeGreaterThanOrEqualTo(5);
        return tests.stream();
    }

    private static List<Finding> findingsIn(AuditResult result, String path) {
        return result.active().stream().filter(f -> f.path().equals(path)).toList();
    }

    private void agrees(Path amtool, Path file, List<Finding> ours) throws IOException {
        ExternalTools.Result r = check(amtool, file);
        List<Finding> fatal = ours.stream().filter(f -> f.ruleId().equals("alerting/unresolved-placeholder")
                && f.message().startsWith("Alertmanager will refuse to load")).toList();
        List<Finding> literal = ours.stream().filter(f -> f.ruleId().equals("alerting/unresolved-placeholder")
                && f.message().contains("literally at runtime")).toList();
        String output = r.stdout() + r.stderr();
        if (r.exitCode() == 0) {
            assertThat(fatal).as("amtool accepts %s, so no placeholder there is fatal:%n%s", file, output).isEmpty();
        } else {
            Matcher undefined = UNDEFINED.matcher(output);
            if (undefined.find()) {
                String receiver = undefined.group(1);
                assertThat(ours).as("amtool: %s", output).anyMatch(f -> f.ruleId().equals("alerting/undefined-receiver")
                        && f.message().contains("`" + receiver + "`"));
                return;
            }
            assertThat(fatal).as("amtool rejects %s:%n%s", file, output).isNotEmpty();
            Matcher lines = YAML_LINE.matcher(output);
            while (lines.find()) {
                int line = Integer.parseInt(lines.group(1));
                assertThat(fatal).as("amtool names line %d of %s:%n%s", line, file, output)
                        .anyMatch(f -> f.line() == line);
            }
        }
        // neutralise every placeholder we call fatal; amtool must then accept the file and the rest is ours
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String neutral = neutralise(text, fatal.stream().map(Finding::line).collect(java.util.stream.Collectors.toSet()));
        Path copy = Files.createTempFile(temp, "neutral-", ".yml");
        Files.writeString(copy, neutral, StandardCharsets.UTF_8);
        ExternalTools.Result after = check(amtool, copy);
        assertThat(after.exitCode()).as("amtool on %s with our fatal placeholders replaced:%n%s%n%s", file,
                after.stdout() + after.stderr(), neutral).isZero();
        List<YamlPlaceholders.Site> left = YamlPlaceholders.scan(null, neutral, YamlLoader.load(copy.toString(), neutral));
        assertThat(left).as("placeholders amtool accepts in %s", file).hasSameSizeAs(literal);
        for (YamlPlaceholders.Site site : left) {
            assertThat(literal).as("amtool accepts ${%s} at line %d of %s; we report it as sent literally",
                    site.placeholder().name(), site.line(), file).anyMatch(f -> f.line() == site.line()
                    && f.message().contains(site.placeholder().display()));
        }
    }

    /** Replaces whole scalars holding fatal placeholders with a valid value of the field's type. */
    static String neutralise(String text, Set<Integer> fatalLines) {
        YamlDocument doc = YamlLoader.load("x.yml", text);
        List<YamlPlaceholders.Site> sites = YamlPlaceholders.scan(null, text, doc);
        AlertmanagerConfig config = AlertmanagerConfig.of(null, doc);
        LineIndex index = new LineIndex(text);
        ToIntFunction<Mark> at = m -> YamlPlaceholders.offset(text, index, m);
        Map<ScalarNode, String> replace = new IdentityHashMap<>();
        for (YamlPlaceholders.Site site : sites) {
            if (!fatalLines.contains(site.line()) || site.node() == null) {
                continue;
            }
            AlertmanagerConfig.FieldSite where = config.locate(site.path());
            FieldTypes.Type type = FieldTypes.builtIn().lookup(where.context(), where.field()).type();
            replace.put(site.node(), switch (type) {
                case INT, FLOAT -> "1";
                case BOOL -> "true";
                case DURATION -> "5m";
                case HOST_PORT -> "'localhost:25'";
                case URL, SECRET_URL, URL_LENIENT -> "'https://hooks.example.com/alerts'";
                case LABEL_NAME -> "label";
                case RECEIVER_REF -> config.receivers().isEmpty() ? "x" : config.receivers().get(0).name();
                default -> "'value'";
            });
        }
        List<Map.Entry<ScalarNode, String>> edits = new ArrayList<>(replace.entrySet());
        edits.sort(Comparator.comparingInt((Map.Entry<ScalarNode, String> e) -> at.applyAsInt(e.getKey().getStartMark()))
                .reversed());
        StringBuilder sb = new StringBuilder(text);
        for (Map.Entry<ScalarNode, String> e : edits) {
            sb.replace(at.applyAsInt(e.getKey().getStartMark()), at.applyAsInt(e.getKey().getEndMark()), e.getValue());
        }
        return sb.toString();
    }

    /** The template as the render step leaves it: the variables it substitutes get plausible values. */
    private Path render(Path template, ConfigRendering.Render render) throws IOException {
        String text = Files.readString(template, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        int last = 0;
        for (Placeholder p : PlaceholderScanner.scan(text)) {
            if (render.substitutes(p.name()) && !p.hasDefault()) {
                out.append(text, last, p.start()).append(plausible(p.name()));
                last = p.end();
            }
        }
        out.append(text.substring(last));
        Path rendered = Files.createTempFile(temp, "rendered-", ".yml");
        Files.writeString(rendered, out.toString(), StandardCharsets.UTF_8);
        return rendered;
    }

    /** What an operator would put in .env for a variable of that name. */
    static String plausible(String name) {
        if (name.endsWith("CHAT_ID")) {
            return "-1001234567890";
        }
        if (name.endsWith("INTERVAL") || name.endsWith("WAIT") || name.endsWith("TIMEOUT")) {
            return "4h";
        }
        if (name.endsWith("PORT")) {
            return "587";
        }
        if (name.contains("EMAIL")) {
            return "oncall@example.com";
        }
        if (name.contains("URL")) {
            return "https://hooks.example.com/services/T000/B000/x";
        }
        if (name.endsWith("HOST")) {
            return "smtp.example.com";
        }
        return "value-of-" + name.toLowerCase(java.util.Locale.ROOT);
    }

    private static ExternalTools.Result check(Path amtool, Path file) {
        return ExternalTools.run(List.of(amtool.toString(), "check-config", file.toString()), file.getParent(),
                Duration.ofSeconds(30));
    }

}
