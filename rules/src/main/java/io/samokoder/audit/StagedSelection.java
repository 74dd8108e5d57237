package io.samokoder.audit;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.CheckFailed;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Rule;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staged-files mode (pre-commit): which rules to run for a set of changed files, and which of their findings
 * concern the change.
 *
 * <p>A rule runs when one of its {@link Rule#inputs(AuditContext) inputs} (paths or globs; {@code **} for "any
 * file") matches a changed file; cross-file rules list every file they join, so editing {@code prometheus.yml}
 * re-runs the rules that join it with compose. Rules that compare against the measured score need every other rule
 * and do not run. A finding is reported when it is located in a changed file, or when its rule is
 * {@link Rule#crossFile() cross-file} and the finding lies in one of the files the rule joins (the compose side of a
 * Prometheus edit). Per-file rules' findings in unchanged files predate the change and are not reported. Per-file
 * rules that may read any file ({@code **}) see only the changed files ({@link #isScanner}).
 */
public final class StagedSelection {

    private final List<Rule> rules;
    private final Set<Rule> scanners;
    private final Set<String> changed;
    private final Map<String, List<String>> explicitInputs;

    private StagedSelection(List<Rule> rules, Set<Rule> scanners, Set<String> changed,
                            Map<String, List<String>> explicitInputs) {
        this.rules = rules;
        this.scanners = scanners;
        this.changed = changed;
        this.explicitInputs = explicitInputs;
    }

    public static StagedSelection select(List<Rule> enabled, AuditContext context, Set<String> changed) {
        List<Rule> selected = new ArrayList<>();
        Set<Rule> scanners = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, List<String>> explicit = new HashMap<>();
        // inputs() may build shared models; ask every rule at once, on both cores, in a stable order
        List<Collection<String>> allInputs = Parallel.map(enabled, 1, rule -> {
            if (rule.needsMeasuredScore()) {
                return null;
            }
            try {
                Collection<String> in = rule.inputs(context);
                return in == null ? (Collection<String>) Set.of("**") : in;
            } catch (RuntimeException | StackOverflowError e) {
                return (Collection<String>) Set.of("**"); // cannot tell: run it, the engine reports a failing check
            }
        });
        for (int i = 0; i < enabled.size(); i++) {
            Rule rule = enabled.get(i);
            Collection<String> inputs = allInputs.get(i);
            if (inputs == null) {
                continue;
            }
            boolean hit = false;
            List<String> patterns = new ArrayList<>();
            for (String input : inputs) {
                for (String file : changed) {
                    if (matches(input, file)) {
                        hit = true;
                        break;
                    }
                }
                if (!input.equals("**")) {
                    patterns.add(input);
                }
            }
            if (hit) {
                selected.add(rule);
                if (!rule.crossFile() && patterns.size() < inputs.size()) {
                    scanners.add(rule);
                }
                if (rule.crossFile()) {
                    explicit.put(rule.meta().id(), patterns.size() < inputs.size() ? List.of("**") : patterns);
                }
            }
        }
        return new StagedSelection(List.copyOf(selected), scanners, changed, explicit);
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Per-file rules that may read any file ({@code **} among their inputs, not {@link Rule#crossFile() cross-file}):
     * token scanners and the like. In the staged-files mode they run on a workspace whose {@code files()} are only the
     * changed files, so a one-file commit does not rescan the repository.
     */
    public boolean isScanner(Rule rule) {
        return scanners.contains(rule);
    }

    /** The findings that concern the change, in their order. */
    public List<Finding> relevant(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            if (changed.contains(f.path()) || f.ruleId().equals(CheckFailed.META.id())) {
                out.add(f);
                continue;
            }
            for (String p : explicitInputs.getOrDefault(f.ruleId(), List.of())) {
                if (matches(p, f.path())) {
                    out.add(f);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether an input (a path, or a glob with {@code *}, {@code ?}, {@code [}, {@code {}) matches a path. */
    public static boolean matches(String input, String path) {
        if (input.equals("**") || input.equals(path)) {
            return true;
        }
        if (input.indexOf('*') < 0 && input.indexOf('?') < 0 && input.indexOf('[') < 0 && input.indexOf('{') < 0) {
            return false;
        }
        try {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + input);
            return m.matches(Path.of(path));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
