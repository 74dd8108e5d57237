package io.samokoder.engine;

import java.util.List;
import java.util.Set;

/**
 * A check. Implementations are small final classes annotated with {@link RuleInfo}, registered in
 * {@code META-INF/services/io.samokoder.engine.Rule} and found with {@link java.util.ServiceLoader}.
 * Rules never walk the disk: they read files and shared models through the {@link AuditContext}.
 */
public interface Rule {

    default RuleMeta meta() {
        return RuleMeta.of(getClass());
    }

    /**
     * Whether this rule has anything to check in this repository. A category none of whose rules applies is
     * "not applicable" and leaves the readiness average.
     */
    boolean isApplicable(AuditContext context);

    /**
     * Whether this rule applying means that its category has something to check, so that the category is scored
     * (100 when the rule finds nothing). False for rules that run wherever compose or docs exist but only guard the
     * category's edges (docs claiming monitoring that is absent, every compose file's variables): a repository
     * without any monitoring then reads "monitoring not applicable", not "monitoring 100". Their findings still make
     * the category applicable.
     */
    default boolean scoresCategory(AuditContext context) {
        return true;
    }

    /** Runs the check and reports findings. Must not throw on bad input: report a finding instead. */
    void check(AuditContext context, FindingSink sink);

    /**
     * Repository-relative paths whose change can alter this rule's findings; used by the staged-files mode to decide
     * which rules to run. The default covers every file the rule could read; cross-file rules return all files of the
     * models they join.
     */
    default Set<String> inputs(AuditContext context) {
        return Set.of("**");
    }

    /**
     * Whether a finding this rule reports in one file can be caused by a change to another file: true for rules that
     * join files (Prometheus targets against compose services). The staged-files mode then reports the rule's
     * findings in every file of its {@link #inputs(AuditContext) inputs}, not only in the changed files.
     */
    default boolean crossFile() {
        return false;
    }

    /**
     * The options this rule reads ({@code docs.online}, {@code secrets.localPaths}), with type, default and
     * description: an option no rule declares is an error, and the rule reference lists them. An option several rules
     * share is declared by one of them.
     */
    default List<RuleOption> options() {
        return List.of();
    }

    /** Rules that compare against the measured score (readiness claims) run after the other rules. */
    default boolean needsMeasuredScore() {
        return false;
    }
}
