package io.samokoder.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the engine needs to audit a tree: what to read, how to weigh, which rules, their options. The gate's and the
 * reports' settings are not here ({@code io.samokoder.run.AuditService} resolves them); the configuration file is
 * read there too, before this is built: {@link Auditor#run} reads this and never changes it.
 */
public final class AuditConfig {

    public static final int DEFAULT_MIN_SCORE = 80;
    public static final Severity DEFAULT_FAIL_ON_SEVERITY = Severity.HIGH;
    /** The checks of one audit together; a backstop far above what any tree the corpus holds needs. */
    public static final java.time.Duration DEFAULT_TIME_BUDGET = java.time.Duration.ofMinutes(10);

    /** Default category weights for the total; secrets weigh most because one leak outweighs a broken link. */
    public static Map<Category, Double> defaultWeights() {
        Map<Category, Double> w = new EnumMap<>(Category.class);
        w.put(Category.SECRETS, 3.0);
        w.put(Category.MONITORING, 2.0);
        w.put(Category.ALERTING, 2.0);
        w.put(Category.MIGRATIONS, 2.0);
        w.put(Category.CONFIG, 1.0);
        w.put(Category.DOCS, 1.0);
        // readiness claims are compared with the total; counting them in it would make the total differ from the
        // "measured N%" their findings quote (and a claim could lift the average). They gate through their severity.
        w.put(Category.READINESS, 0.0);
        return w;
    }

    private Path root;
    private final List<String> excludes = new ArrayList<>();
    private long maxFileSize = Workspace.DEFAULT_MAX_FILE_SIZE;
    private int minScore = DEFAULT_MIN_SCORE;
    private java.time.Duration timeBudget = DEFAULT_TIME_BUDGET;
    private final Map<Category, Double> weights = defaultWeights();
    private Path baseline;
    private Path suppressions;
    private final Set<String> disabledRules = new HashSet<>();
    private final Map<String, Severity> severityOverrides = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Set<String> changedFiles;
    private Path workingDirectory;

    public static AuditConfig forRoot(Path root) {
        AuditConfig c = new AuditConfig();
        c.root = root;
        return c;
    }

    public Path root() {
        return root;
    }

    public AuditConfig root(Path value) {
        this.root = value;
        return this;
    }

    public List<String> excludes() {
        return Collections.unmodifiableList(excludes);
    }

    public AuditConfig exclude(String pattern) {
        excludes.add(pattern);
        return this;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public AuditConfig maxFileSize(long value) {
        this.maxFileSize = value;
        return this;
    }

    /** The gate's minimum score, which readiness claims without a figure are compared with. */
    public int minScore() {
        return minScore;
    }

    public AuditConfig minScore(int value) {
        if (value < 0 || value > 100) {
            throw new AuditException("minScore must be between 0 and 100, got " + value);
        }
        this.minScore = value;
        return this;
    }


    /**
     * How long the checks of one audit may take together, from its start; a check still running then, or not yet
     * started, fails ({@code config/check-failed}). The CI owner's setting only.
     */
    public java.time.Duration timeBudget() {
        return timeBudget;
    }

    public AuditConfig timeBudget(java.time.Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new AuditException("the time budget must be positive, got " + value);
        }
        this.timeBudget = value;
        return this;
    }

    public Map<Category, Double> weights() {
        return Collections.unmodifiableMap(weights);
    }

    public AuditConfig weight(Category category, double value) {
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw new AuditException("weight of " + category.id() + " must be a non-negative number, got " + value);
        }
        weights.put(category, value);
        return this;
    }

    /** Parses {@code secrets=3,docs=0.5}. */
    public AuditConfig weights(String spec) {
        if (spec == null || spec.isBlank()) {
            return this;
        }
        for (String part : spec.split(",")) {
            String[] kv = part.split("[=:]", 2);
            if (kv.length != 2) {
                throw new AuditException("weights must look like 'secrets=3,docs=1', got '" + part.trim() + "'");
            }
            Category category;
            category = Category.parseOrFail(kv[0]);
            try {
                weight(category, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new AuditException("weight of " + category.id() + " is not a number: '" + kv[1].trim() + "'");
            }
        }
        return this;
    }

    public Path baseline() {
        return baseline;
    }

    public AuditConfig baseline(Path value) {
        this.baseline = value;
        return this;
    }

    public Path suppressions() {
        return suppressions;
    }

    public AuditConfig suppressions(Path value) {
        this.suppressions = value;
        return this;
    }

    public Set<String> disabledRules() {
        return Collections.unmodifiableSet(disabledRules);
    }

    public AuditConfig disableRule(String id) {
        disabledRules.add(id);
        return this;
    }

    public Map<String, Severity> severityOverrides() {
        return Collections.unmodifiableMap(severityOverrides);
    }

    public AuditConfig severity(String ruleId, Severity severity) {
        severityOverrides.put(ruleId, severity);
        return this;
    }

    /**
     * Rule options ({@code docs.online=true}), as {@link RuleOption#normalize} stores them; the rules declare their
     * keys ({@link Rule#options()}).
     */
    public Map<String, String> options() {
        return Collections.unmodifiableMap(options);
    }

    public String optionOr(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** The value of a declared option, or its default. */
    public String option(RuleOption option) {
        return options.getOrDefault(option.name(), option.defaultValue());
    }

    /** The items of a declared list option, or of its default. */
    public java.util.List<String> optionItems(RuleOption option) {
        return RuleOption.items(option.type(), option(option));
    }

    public AuditConfig option(String key, String value) {
        if (value == null) {
            options.remove(key);
            return this;
        }
        options.put(key, value);
        return this;
    }

    /** Process environment for interpolation, empty unless the user asks for it (results then depend on the shell). */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(environment);
    }

    public AuditConfig environment(Map<String, String> value) {
        environment.clear();
        environment.putAll(value);
        return this;
    }


    public int threads() {
        return threads;
    }

    public AuditConfig threads(int value) {
        this.threads = Math.max(1, value);
        return this;
    }

    /**
     * The folder relative paths in options resolve against: the process's working directory unless an adapter
     * audits for a caller in another folder (the Maven goal: the top-level project's folder).
     */
    public Path workingDirectory() {
        return workingDirectory != null ? workingDirectory : Path.of("").toAbsolutePath();
    }

    public AuditConfig workingDirectory(Path value) {
        this.workingDirectory = value;
        return this;
    }

    /**
     * Staged-files mode: repository-relative paths of the changed files. Only the rules whose
     * {@link Rule#inputs(AuditContext)} meet them run, and only findings relevant to them are reported; null for a
     * full audit.
     */
    public Set<String> changedFiles() {
        return changedFiles == null ? null : Collections.unmodifiableSet(changedFiles);
    }

    public AuditConfig changedFiles(java.util.Collection<String> paths) {
        if (paths == null) {
            this.changedFiles = null;
            return this;
        }
        this.changedFiles = new java.util.TreeSet<>();
        for (String p : paths) {
            String n = Workspace.normalize(p);
            if (!n.isEmpty()) {
                changedFiles.add(n);
            }
        }
        return this;
    }
}
