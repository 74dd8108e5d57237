package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;

import java.util.Set;

/**
 * A docs check that reports one kind of {@link LinkAnalysis} issue. The four checks share the analysis (one parse and
 * one resolution of every link), when they apply, what they read and how an issue becomes a finding.
 */
abstract class LinkIssueRule implements Rule {

    private final LinkAnalysis.Problem problem;
    private final boolean anyFileIsInput;

    /**
     * @param anyFileIsInput whether adding or removing any file can change the findings (a link to it), so that the
     *                       staged-files mode runs the check on every change; else only Markdown files are inputs
     */
    LinkIssueRule(LinkAnalysis.Problem problem, boolean anyFileIsInput) {
        this.problem = problem;
        this.anyFileIsInput = anyFileIsInput;
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return !LinkAnalysis.markdownFiles(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        if (anyFileIsInput) {
            return Set.of("**");
        }
        // .gitattributes marks files vendored or generated, which lowers their findings
        java.util.SortedSet<String> inputs = LinkAnalysis.markdownPaths(context);
        inputs.add(".gitattributes");
        return inputs;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        for (LinkAnalysis.Issue i : LinkAnalysis.of(context).issues(problem)) {
            sink.report(finding(i).build());
        }
    }

    Finding.Builder finding(LinkAnalysis.Issue i) {
        Finding.Builder f = Finding.of(this).at(i.path(), i.line(), i.column()).message(i.text()).key(i.key());
        return i.severity() == null ? f : f.severity(i.severity());
    }
}
