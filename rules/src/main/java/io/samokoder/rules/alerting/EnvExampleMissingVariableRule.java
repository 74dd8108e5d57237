package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.render.ConfigRendering;
import io.samokoder.model.compose.ComposeFile;
import io.samokoder.model.compose.ComposeInvocations;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.dotenv.DotEnv;
import io.samokoder.model.placeholders.YamlPlaceholders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A variable the stack needs that the repository's .env.example does not list. */
@RuleInfo(id = "alerting/env-example-missing-variable", category = Category.ALERTING, severity = Severity.LOW,
        summary = "A variable the stack needs (compose interpolation without default, rendered template input) is"
                + " missing from .env.example.",
        remediation = "Add `NAME=` (with a placeholder value or a comment saying where to get it) to .env.example.",
        description = "The variables a `docker compose up` needs from `.env` or the shell are those compose"
                + " interpolates without a default (`${VAR}`, `${VAR:?err}`) and the inputs of rendered Alertmanager"
                + " templates that the rendering service takes from the shell (`environment: - VAR`) or from an"
                + " env_file that is not committed. Each one the repository's `.env.example` (or `.env.sample`,"
                + " `.env.template`, `.env.dist`, or the file a setup step copies to the `.env`, such as"
                + " `cp default.env .env`) does not list is one finding at that file; without such a file, at"
                + " the variable's first use. Variables set in a committed `.env` next to the compose file are not"
                + " needed from the user.")
public final class EnvExampleMissingVariableRule implements Rule {

    private static final List<String> EXAMPLE_NAMES = List.of(".env.example", ".env.sample", ".env.template",
            ".env.dist", "env.example", "example.env", ".env.defaults");

    private record Need(String name, String path, int line, int column, Text why) {
    }

    @Override
    public boolean scoresCategory(AuditContext context) {
        // it reads every compose file; a repository without alerting has none to score
        return false;
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !compose(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> paths = new LinkedHashSet<>(compose(context).inputs());
        paths.addAll(AlertingInputs.deploymentFiles(context));
        ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER).renders().forEach(r -> paths.add(r.source()));
        return paths;
    }

    private static ComposeProject compose(AuditContext context) {
        return ComposeProject.of(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        Map<String, Need> needs = new LinkedHashMap<>();
        Map<String, Set<String>> committedEnv = new LinkedHashMap<>();
        for (ComposeFile cf : compose(context).files().values()) {
            Optional<SourceFile> file = context.workspace().file(cf.path());
            if (file.isEmpty()) {
                continue;
            }
            Set<String> committed = committedEnv.computeIfAbsent(cf.folder(), f -> committed(context, f));
            String text = context.workspace().text(file.get()).orElse("");
            for (YamlPlaceholders.Site site : YamlPlaceholders.scan(file.get(), text, context.yaml(file.get()))) {
                String op = site.placeholder().operator();
                if (site.isKey() || !(op.isEmpty() || op.equals(":?") || op.equals("?"))
                        || committed.contains(site.placeholder().name())) {
                    continue;
                }
                needs.putIfAbsent(site.placeholder().name(), new Need(site.placeholder().name(), cf.path(),
                        site.line(), site.column(), Text.of("alerting.env.composeNoDefault")));
            }
        }
        for (ConfigRendering.Render r : ConfigRendering.of(context, ConfigRendering.Program.ALERTMANAGER).renders()) {
            for (TemplateInputs.Use use : TemplateInputs.of(context, r)) {
                ConfigRendering.Supply supply = r.env().supply(use.name());
                if (supply == ConfigRendering.Supply.PASS_THROUGH
                        || supply == ConfigRendering.Supply.MISSING_ENV_FILE) {
                    needs.putIfAbsent(use.name(), new Need(use.name(), r.source(), use.line(), use.column(),
                            Text.of(supply == ConfigRendering.Supply.PASS_THROUGH ? "alerting.env.templateShell"
                                    : "alerting.env.templateEnvFile", r.service())));
                }
            }
        }
        if (needs.isEmpty()) {
            return;
        }
        List<Need> sorted = new ArrayList<>(needs.values());
        sorted.sort(Comparator.comparing(Need::path).thenComparingInt(Need::line).thenComparingInt(Need::column));
        Map<String, Set<String>> listedByExample = new LinkedHashMap<>();
        for (Need n : sorted) {
            Optional<SourceFile> example = example(context, n.path());
            Set<String> listed = example.map(f -> listedByExample.computeIfAbsent(f.path(), p -> keys(context, f)))
                    .orElse(Set.of());
            if (listed.contains(n.name())) {
                continue;
            }
            Finding.Builder b = Finding.of(this).key(n.name());
            if (example.isPresent()) {
                b.at(example.get().path(), 0).message(Text.of("alerting.env.notListed", n.name(),
                        example.get().name(), n.why(), n.path() + ":" + n.line()));
            } else {
                b.at(n.path(), n.line(), n.column()).message(Text.of("alerting.env.noExample", n.name(), n.why()));
            }
            sink.report(b.build());
        }
    }

    private static Set<String> keys(AuditContext context, SourceFile example) {
        Set<String> keys = new LinkedHashSet<>();
        DotEnv.of(context, example).entries().forEach(e -> keys.add(e.key()));
        return keys;
    }

    private static Set<String> committed(AuditContext context, String folder) {
        Set<String> keys = new LinkedHashSet<>();
        context.workspace().file(folder.isEmpty() ? ".env" : folder + "/.env")
                .ifPresent(f -> DotEnv.of(context, f).entries().forEach(e -> keys.add(e.key())));
        return keys;
    }

    /**
     * The example file for a use: in the folder of the file that needs the variable or the nearest folder above it,
     * else the first one anywhere in the repository.
     */
    private static Optional<SourceFile> example(AuditContext context, String usePath) {
        String folder = usePath.contains("/") ? usePath.substring(0, usePath.lastIndexOf('/')) : "";
        while (true) {
            for (String name : EXAMPLE_NAMES) {
                Optional<SourceFile> f = context.workspace().file(folder.isEmpty() ? name : folder + "/" + name);
                if (f.isPresent()) {
                    return f;
                }
            }
            // whatever its name, the file a setup step copies to the .env (`cp default.env .env`) is the example
            for (ComposeInvocations.EnvFileWrite w : ComposeInvocations.of(context)
                    .writesOf(folder.isEmpty() ? ".env" : folder + "/.env")) {
                Optional<SourceFile> f = w.template().flatMap(context.workspace()::file);
                if (f.isPresent()) {
                    return f;
                }
            }
            if (folder.isEmpty()) {
                break;
            }
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
        return context.workspace().files().stream()
                .filter(f -> EXAMPLE_NAMES.contains(f.name().toLowerCase(Locale.ROOT))).findFirst();
    }
}
