package io.samokoder.audit;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.Category;
import io.samokoder.engine.CheckFailed;
import io.samokoder.engine.Finding;
import io.samokoder.workspace.LineEscape;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;
import io.samokoder.engine.UnusedSuppression;
import io.samokoder.engine.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs an audit: walks the workspace once, runs every enabled rule (in parallel, merged in a deterministic order),
 * applies severity overrides, fingerprints, suppressions and the baseline, and scores the result.
 */
public final class Auditor {

    /** Findings one check may report in one file; the rest are counted in one summary finding. */
    public static final int MAX_FINDINGS_PER_FILE = 1_000;

    private final List<Rule> rules;

    public Auditor() {
        this(RuleRegistry.load());
    }

    public Auditor(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public AuditResult run(AuditConfig config) {
        long start = System.nanoTime();
        long deadline = start + config.timeBudget().toNanos();
        Path root = config.root();
        if (root == null || !Files.isDirectory(root)) {
            throw new AuditException("not a directory: " + root);
        }
        Workspace workspace;
        try {
            workspace = Workspace.scan(root, config.excludes(), config.maxFileSize());
        } catch (NoSuchFileException e) {
            throw new AuditException("not a directory: " + root);
        } catch (IOException e) {
            throw new AuditException("cannot read " + root + ": " + e.getMessage());
        }
        Suppressions suppressions = loadSuppressions(config, workspace);
        suppressions.checkRules(RuleRegistry.allMeta(rules));
        if (config.baseline() != null && !Files.exists(config.baseline(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new AuditException("baseline file not found: " + config.baseline());
        }
        Baseline baseline = config.baseline() == null ? null : Baseline.read(config.baseline(), workspace.root());

        AuditContext context = new AuditContext(workspace, config);
        List<Rule> enabled = rules.stream().filter(r -> !config.disabledRules().contains(r.meta().id())).toList();
        Set<String> changed = config.changedFiles();
        StagedSelection staged = changed == null ? null : StagedSelection.select(enabled, context, changed);
        if (staged != null) {
            enabled = staged.rules();
        }
        List<Rule> first = enabled.stream().filter(r -> !r.needsMeasuredScore()).toList();
        List<Rule> second = enabled.stream().filter(Rule::needsMeasuredScore).toList();

        Set<Category> applicable = EnumSet.noneOf(Category.class);
        List<RuleMeta> ran = new ArrayList<>();
        List<Finding> raw = Collections.synchronizedList(new ArrayList<>());
        if (staged == null) {
            runAll(first, context, applicable, ran, raw, config.threads(), deadline);
        } else {
            AuditContext changedOnly = new AuditContext(workspace.restrictedTo(changed), config);
            runAll(first.stream().filter(r -> !staged.isScanner(r)).toList(), context, applicable, ran, raw,
                    config.threads(), deadline);
            runAll(first.stream().filter(staged::isScanner).toList(), changedOnly, applicable, ran, raw,
                    config.threads(), deadline);
        }
        List<Finding> processed = postProcess(raw, config, workspace, suppressions, baseline);
        context.measuredScore(ReadinessScore.compute(processed, applicable, config.weights()).total());

        if (!second.isEmpty()) {
            runAll(second, context, applicable, ran, raw, config.threads(), deadline);
            processed = postProcess(raw, config, workspace, suppressions, baseline);
        }
        if (staged != null) {
            processed = staged.relevant(processed);
        } else if (!config.disabledRules().contains(UnusedSuppression.META.id())) {
            processed = withUnusedSuppressions(processed, suppressions, ran, workspace);
        }
        ReadinessScore score = ReadinessScore.compute(processed, applicable, config.weights());

        Set<String> withFindings = new TreeSet<>();
        processed.forEach(f -> withFindings.add(f.ruleId()));
        Set<String> clean = new TreeSet<>();
        ran.forEach(m -> {
            if (!withFindings.contains(m.id())) {
                clean.add(m.id());
            }
        });
        ran.sort(java.util.Comparator.comparing(RuleMeta::id));
        // a baselined finding that is now suppressed is still there: reported once, as suppressed, not as fixed
        List<Baseline.Entry> fixed = baseline == null || staged != null ? List.of() : baseline.fixedSince(processed);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AuditResult(workspace.root(), processed, score, List.copyOf(ran), RuleRegistry.allMeta(rules),
                Collections.unmodifiableSet(clean), fixed, baseline != null,
                baseline == null ? Set.of() : baseline.fingerprints(), workspace.files().size(),
                workspace.skipped().size(), millis);
    }

    /** The findings and one info finding per entry of the suppressions file that matched none of them. */
    private static List<Finding> withUnusedSuppressions(List<Finding> findings, Suppressions suppressions,
                                                        List<RuleMeta> ran, Workspace workspace) {
        List<Suppressions.Entry> unused = suppressions.unused(findings, ran.stream().map(RuleMeta::id).toList());
        if (unused.isEmpty()) {
            return findings;
        }
        Path file = suppressions.file().toAbsolutePath().normalize();
        Path root = workspace.root().toAbsolutePath().normalize();
        String path = file.startsWith(root) ? root.relativize(file).toString().replace('\\', '/') : ".";
        List<Finding> found = new ArrayList<>();
        for (Suppressions.Entry e : unused) {
            String what = e.rule() + (e.pathText().isBlank() ? "" : " in " + e.pathText())
                    + (e.line() == 0 ? "" : " at line " + e.line());
            Text entry = Text.of(e.pathText().isBlank() ? "engine.unused.rule" : "engine.unused.rulePath", e.rule(),
                    e.pathText());
            if (e.line() != 0) {
                entry = Text.of("engine.unused.atLine", entry, e.line());
            }
            Text message = path.equals(".")
                    ? Text.of("engine.unused.outside", entry, e.reason(), file.getFileName())
                    : Text.of("engine.unused", entry, e.reason());
            found.add(Finding.of(UnusedSuppression.META).at(path, path.equals(".") ? 0 : e.at())
                    .message(message).key(what).build());
        }
        found.sort(Finding.ORDER);
        List<Finding> out = new ArrayList<>(findings);
        out.addAll(Fingerprints.assign(found, workspace));
        out.sort(Finding.ORDER);
        return List.copyOf(out);
    }

    private static Suppressions loadSuppressions(AuditConfig config, Workspace workspace) {
        Path file = config.suppressions();
        if (file == null) {
            Path fallback = workspace.root().resolve(Suppressions.DEFAULT_FILE);
            return Files.exists(fallback, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    ? Suppressions.load(fallback, workspace.root(), config.maxFileSize()) : Suppressions.none();
        }
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new AuditException("suppressions file not found: " + LineEscape.visible(file.toString()));
        }
        return Suppressions.load(file, workspace.root(), config.maxFileSize());
    }

    private static void runAll(List<Rule> rules, AuditContext context, Set<Category> applicable, List<RuleMeta> ran,
                               List<Finding> sink, int threads, long deadline) {
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "samokoder-rule");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, rules.size())), daemon);
        try {
            List<Rule> order = interleaveCategories(rules);
            List<Future<RuleOutcome>> futures = new ArrayList<>();
            List<java.util.concurrent.atomic.AtomicBoolean> started = new ArrayList<>();
            for (Rule rule : order) {
                java.util.concurrent.atomic.AtomicBoolean began = new java.util.concurrent.atomic.AtomicBoolean();
                started.add(began);
                futures.add(pool.submit(() -> {
                    if (System.nanoTime() - deadline >= 0) {
                        throw new TimeoutException(); // the budget is spent: start nothing more
                    }
                    began.set(true);
                    return runOne(rule, context);
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                Future<RuleOutcome> future = futures.get(i);
                RuleOutcome outcome;
                try {
                    outcome = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AuditException("audit interrupted");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TimeoutException)) {
                        throw new AuditException("internal error: " + e.getCause(), e.getCause());
                    }
                    RuleMeta meta = order.get(i).meta();
                    outcome = new RuleOutcome(meta, false, false, List.of(checkFailed(meta,
                            Text.of("engine.checkFailed.notStarted", budgetText(context.config())))));
                } catch (TimeoutException e) {
                    // the budget is spent: what has not finished by now fails, without waiting for it (a check
                    // stuck in a loop cannot be stopped, only left behind on its daemon thread)
                    future.cancel(true);
                    RuleMeta meta = order.get(i).meta();
                    outcome = new RuleOutcome(meta, false, false, List.of(checkFailed(meta, Text.of(started.get(i).get()
                            ? "engine.checkFailed.notFinished" : "engine.checkFailed.notStarted",
                            budgetText(context.config())))));
                }
                if (outcome.applicable) {
                    if (outcome.scoresCategory) {
                        applicable.add(outcome.meta.category());
                    }
                    ran.add(outcome.meta);
                }
                sink.addAll(outcome.findings);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Text budgetText(AuditConfig config) {
        long millis = config.timeBudget().toMillis();
        return millis % 1000 == 0 ? Text.of("engine.duration.seconds", millis / 1000)
                : Text.of("engine.duration.millis", millis);
    }

    private static Finding checkFailed(RuleMeta meta, Text reason) {
        return Finding.of(CheckFailed.META).at(".", 0).message(Text.of("engine.checkFailed", meta.id(), reason))
                .key(meta.id()).build();
    }

    /**
     * The rules one of each category in turn, in their order within a category. The rules of a category mostly wait
     * on one shared model (the Markdown tree, the secrets pass): taken in id order, both threads would wait on the
     * same model while the other categories' models sat unbuilt (on a cold JVM the Markdown model alone takes 130 ms).
     * Findings are sorted afterwards, so the order only changes the time.
     */
    static List<Rule> interleaveCategories(List<Rule> rules) {
        Map<Category, ArrayDeque<Rule>> byCategory = new EnumMap<>(Category.class);
        for (Rule r : rules) {
            byCategory.computeIfAbsent(r.meta().category(), c -> new ArrayDeque<>()).add(r);
        }
        List<Rule> out = new ArrayList<>(rules.size());
        while (out.size() < rules.size()) {
            for (ArrayDeque<Rule> queue : byCategory.values()) {
                if (!queue.isEmpty()) {
                    out.add(queue.poll());
                }
            }
        }
        return out;
    }

    private record RuleOutcome(RuleMeta meta, boolean applicable, boolean scoresCategory, List<Finding> findings) {
    }

    private static RuleOutcome runOne(Rule rule, AuditContext context) {
        RuleMeta meta = rule.meta();
        CappedFindings found = new CappedFindings(meta, MAX_FINDINGS_PER_FILE);
        boolean applicable = false;
        boolean scores = false;
        try {
            applicable = rule.isApplicable(context);
            if (applicable) {
                scores = rule.scoresCategory(context);
                rule.check(context, found::add);
            }
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError || e instanceof StackOverflowError)) {
                throw e; // an internal error of the JVM: nothing to judge, the run stops
            }
            // out of memory included: what the check held is garbage now, and the JVM goes on with the other checks
            found = new CappedFindings(meta, MAX_FINDINGS_PER_FILE);
            found.add(checkFailed(meta, Text.of("engine.checkFailed.failed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())))));
        }
        return new RuleOutcome(meta, applicable, scores, found.list());
    }

    private static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    private static List<Finding> postProcess(List<Finding> raw, AuditConfig config, Workspace workspace,
                                             Suppressions suppressions, Baseline baseline) {
        List<Finding> list;
        synchronized (raw) {
            list = new ArrayList<>(raw);
        }
        List<Finding> overridden = new ArrayList<>(list.size());
        for (Finding f : list) {
            Severity override = config.severityOverrides().get(f.ruleId());
            overridden.add(override == null ? f : f.withSeverity(override));
        }
        overridden.sort(Finding.ORDER);
        List<Finding> fingerprinted = Fingerprints.assign(overridden, workspace);
        List<Optional<String>> reasons = Parallel.map(fingerprinted, 16, f -> suppressions.reason(f, workspace));
        List<Finding> out = new ArrayList<>(fingerprinted.size());
        for (int i = 0; i < fingerprinted.size(); i++) {
            Finding f = fingerprinted.get(i);
            Optional<String> reason = reasons.get(i);
            if (reason.isPresent()) {
                out.add(f.withStatus(Finding.Status.SUPPRESSED, reason.get()));
            } else if (baseline != null && baseline.contains(f.fingerprint())) {
                out.add(f.withStatus(Finding.Status.BASELINED, null));
            } else {
                out.add(f);
            }
        }
        out.sort(Finding.ORDER);
        return List.copyOf(out);
    }
}
