package io.samokoder.run;

import io.samokoder.i18n.Text;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.audit.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.audit.Gate;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.RuleOption;
import io.samokoder.audit.RuleRegistry;
import io.samokoder.engine.Severity;
import io.samokoder.engine.Suggestions;
import io.samokoder.report.AuditReport;
import io.samokoder.report.ConsoleReport;
import io.samokoder.report.GithubAnnotations;
import io.samokoder.report.JUnitReport;
import io.samokoder.report.JsonReport;
import io.samokoder.report.ReportWriter;
import io.samokoder.report.SarifReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The one path from a request to a verdict, shared by the CLI and every Maven goal: reads {@code .samokoder.yml},
 * resolves each setting from its sources (the highest wins; one warning per value that loses), checks every rule id
 * and option against the rules' declarations, audits, writes the reports and evaluates the gate. Reads its request,
 * never changes it; thread-safe.
 */
public final class AuditService {

    /** Where a baseline goes when no file is named, and where a check finds one without being told. */
    public static final String BASELINE_FILE = ".samokoder-baseline.json";

    private final Auditor auditor;

    public AuditService() {
        this(new Auditor());
    }

    public AuditService(Auditor auditor) {
        this.auditor = auditor;
    }

    /** Throws an {@link AuditException} (one line per problem) for invalid settings and unreadable input. */
    public Verdict execute(AuditRequest request) {
        Path root = request.root();
        if (root == null || !Files.isDirectory(root)) {
            throw new AuditException("not a directory: " + root);
        }
        Path cwd = request.workingDirectory();
        List<RuleMeta> rules = RuleRegistry.allMeta(auditor.rules());
        List<Source> sources = new ArrayList<>(request.sources());
        Source file = configFile(request, rules);
        if (file != null) {
            sources.add(file);
        }
        Resolution r = new Resolution(sources, request.fallback());
        int minScore = r.pick("minScore", Settings::minScore, AuditConfig.DEFAULT_MIN_SCORE);
        Severity failOn = r.pick("failOnSeverity", Settings::failOnSeverity, AuditConfig.DEFAULT_FAIL_ON_SEVERITY);
        boolean failOnViolation = r.pick("failOnViolation", Settings::failOnViolation, true);
        Locale locale = r.pick("locale", Settings::locale, Locale.ENGLISH);
        List<String> excludes = r.pick("excludes", Settings::excludes, List.of());
        Map<String, Double> weights = r.pickEach("weights", s -> s.weights() == null ? null
                : s.weights().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        e -> e.getKey().id(), Map.Entry::getValue)));
        Set<String> disabled = r.pick("disabledRules",
                s -> s.disabledRules() == null ? null : new TreeSet<>(s.disabledRules()), Set.of());
        Map<String, Severity> severities = r.pickEach("rules", Settings::severities);
        Map<String, List<String>> options = r.pickEach("options", Settings::options);
        Path baseline = r.pick("baseline", s -> absolute(cwd, s.baseline()), null);
        Path suppressions = r.pick("suppressions", s -> absolute(cwd, s.suppressions()), null);

        AuditConfig config = AuditConfig.forRoot(root).minScore(minScore).workingDirectory(cwd)
                .suppressions(suppressions).changedFiles(request.changedFiles());
        excludes.forEach(config::exclude);
        request.alwaysExcluded().forEach(config::exclude);
        weights.forEach((c, w) -> config.weight(Category.parse(c), w));
        List<String> errors = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        rules.forEach(m -> ids.add(m.id()));
        for (String id : disabled) {
            if (!ids.contains(id)) {
                errors.add("unknown rule id '" + id + "' in disabledRules (" + r.origin("disabledRules") + ")"
                        + Suggestions.didYouMean(id, ids));
            }
            config.disableRule(id);
        }
        severities.forEach((id, sev) -> {
            if (!ids.contains(id)) {
                errors.add("unknown rule id '" + id + "' (" + r.origin("rules." + id) + ")"
                        + Suggestions.didYouMean(id, ids));
            }
            config.severity(id, sev);
        });
        Map<String, RuleOption> declared = RuleRegistry.allOptions(auditor.rules());
        if (file != null) {
            repositoryOptions(file, declared, root, errors);
        }
        options.forEach((key, values) -> {
            RuleOption option = declared.get(key);
            if (option == null) {
                errors.add("unknown option '" + key + "' (" + r.origin("options." + key) + ")"
                        + Suggestions.didYouMean(key, declared.keySet()) + "; docs/rules.md lists every option");
                return;
            }
            try {
                config.option(key, option.normalize(values));
            } catch (AuditException e) {
                errors.add(e.getMessage() + " (" + r.origin("options." + key) + ")");
            }
        });
        if (!errors.isEmpty()) {
            throw new AuditException(String.join("\n", errors));
        }
        if (request.interpolateEnvironment()) {
            config.environment(request.environment());
        }
        if (request.timeBudget() != null) {
            config.timeBudget(request.timeBudget());
        }
        Outputs asked = request.outputs();
        Map<String, Path> named = new java.util.LinkedHashMap<>();
        named.put("sarif", file(asked.sarif()) == null ? null : cwd.resolve(asked.sarif()));
        named.put("json", file(asked.json()) == null ? null : cwd.resolve(asked.json()));
        named.put("junit", file(asked.junit()) == null ? null : cwd.resolve(asked.junit()));
        named.put("report", file(asked.report()) == null ? null : cwd.resolve(asked.report()));
        List<Path> builds = new ArrayList<>();
        request.buildFolders().forEach(b -> builds.add(cwd.resolve(b)));
        OutputPaths.check(root, builds, named);
        List<String> notes = new ArrayList<>();
        if (request.writeBaseline()) {
            return writeBaseline(config, baseline != null ? baseline : root.resolve(BASELINE_FILE), r, notes, locale);
        }
        if (baseline == null && Files.exists(root.resolve(BASELINE_FILE), LinkOption.NOFOLLOW_LINKS)) {
            baseline = root.resolve(BASELINE_FILE);
        }
        AuditResult result = auditor.run(config.baseline(baseline));
        if (baseline != null) {
            int n = result.baselineFingerprints().size();
            notes.add(Text.of(n == 1 ? "report.note.baseline.one" : "report.note.baseline", n, shown(root, baseline))
                    .render(locale));
        }
        boolean partial = request.changedFiles() != null;
        if (partial) {
            int n = request.changedFiles().size();
            notes.add(Text.of(n == 1 ? "report.note.staged.one" : "report.note.staged", n, result.rulesRun().size(),
                    result.durationMillis()).render(locale));
        }
        // in the staged-files mode only some checks ran: the score is partial and does not gate
        AuditReport.Options reportOptions = new AuditReport.Options(locale, partial ? null : minScore, failOn);
        Gate gate = Gate.evaluate(result, partial ? 0 : minScore, failOn, request.failOnCheckError(), locale);
        Outputs out = request.outputs();
        List<Path> written = ReportWriter.write(result, new ReportWriter.Outputs(file(out.sarif()),
                file(out.json()), file(out.junit()), file(out.report()), reportOptions));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        // SARIF, JSON and JUnit are English unless a language is set; then their texts follow it, ids and keys do not
        toStdout(stdout, out.sarif(), () -> SarifReport.render(result, locale));
        toStdout(stdout, out.json(), () -> JsonReport.render(result, locale));
        toStdout(stdout, out.junit(), () -> JUnitReport.render(result, failOn, locale));
        toStdout(stdout, out.report(), () -> AuditReport.render("report.md", result, reportOptions));
        List<String> annotations = GithubAnnotations.enabled(request.environment())
                ? GithubAnnotations.lines(result, request.environment(), locale) : List.of();
        return new Verdict(result, gate, !gate.passed() && failOnViolation, ConsoleReport.lines(result, locale),
                annotations, r.warnings(), notes, stdout.toByteArray(), written, reportOptions);
    }

    /**
     * The options the repository's own configuration file may not set: those only the CI owner may
     * ({@link RuleOption#forOwnerOnly()}), and paths that leave the repository (a path option of the file is read inside
     * it, without following a symbolic link there).
     */
    private static void repositoryOptions(Source file, Map<String, RuleOption> declared, Path root,
                                          List<String> errors) {
        Path base = root.toAbsolutePath().normalize();
        file.settings().options().forEach((key, values) -> {
            RuleOption option = declared.get(key);
            if (option == null) {
                return;
            }
            String where = file.where().apply("options." + key);
            if (option.ownerOnly()) {
                errors.add("option " + key + " can be set only by the CI owner (command line, POM or -D), not by "
                        + where + ": the audited repository does not decide on network access or the files it writes");
            } else if (option.type() == RuleOption.Type.PATH) {
                for (String v : values) {
                    Path p;
                    try {
                        p = base.resolve(v.strip()).normalize();
                    } catch (java.nio.file.InvalidPathException e) {
                        p = null;
                    }
                    if (p == null || !p.startsWith(base)) {
                        errors.add("option " + key + " must name a file inside the repository, got '"
                                + io.samokoder.workspace.LineEscape.visible(v) + "' (" + where + ")");
                    }
                }
            }
        });
    }

    /** The configuration file's settings; null when there is none to read. */
    private static Source configFile(AuditRequest request, List<RuleMeta> rules) {
        Path file = request.configFile();
        if (file != null) {
            file = request.workingDirectory().resolve(file);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new AuditException("configuration file not found: " + file);
            }
        } else if (!request.ignoreConfigFile()
                && Files.exists(request.root().resolve(ConfigFile.NAME), LinkOption.NOFOLLOW_LINKS)) {
            file = request.root().resolve(ConfigFile.NAME);
        }
        return file == null ? null : ConfigFile.read(file, request.root(), rules);
    }

    /** Audits without any baseline (an existing one is replaced, not extended) and records every active finding. */
    private Verdict writeBaseline(AuditConfig config, Path target, Resolution r, List<String> notes,
                                  Locale locale) {
        AuditResult result = auditor.run(config.baseline(null));
        Baseline baseline = Baseline.of(result.findings());
        try {
            baseline.write(target);
        } catch (IOException e) {
            throw new AuditException("cannot write " + target + ": " + e.getMessage());
        }
        int n = baseline.entries().size();
        notes.add(Text.of(n == 1 ? "report.note.baselineWritten.one" : "report.note.baselineWritten", n, target)
                .render(locale));
        Gate gate = Gate.evaluate(result, 0, Severity.CRITICAL);
        return new Verdict(result, gate, false, ConsoleReport.lines(result, locale), List.of(), r.warnings(), notes,
                new byte[0], List.of(), AuditReport.Options.of(locale));
    }

    private static Path absolute(Path cwd, Path p) {
        return p == null ? null : cwd.resolve(p).toAbsolutePath().normalize();
    }

    private static Path file(Path p) {
        return p == null || Outputs.toStdout(p) ? null : p;
    }

    private static void toStdout(ByteArrayOutputStream out, Path p, Supplier<byte[]> render) {
        if (Outputs.toStdout(p)) {
            out.writeBytes(render.get());
        }
    }

    private static String shown(Path root, Path file) {
        Path a = file.toAbsolutePath().normalize();
        Path b = root.toAbsolutePath().normalize();
        return (a.startsWith(b) ? b.relativize(a) : a).toString().replace('\\', '/');
    }
}
