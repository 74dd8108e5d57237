package io.samokoder.rules.readiness;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.markdown.MarkdownDocument;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A README or document claims more readiness than the audit measured: "Production Ready (95%)" when the score is 75,
 * a shields.io badge {@code production ready-95%}, or an unqualified "production-ready" / "готово к продакшену" when
 * the score is below the gate's {@code minScore}. Runs after every other rule, against their total.
 */
@RuleInfo(id = "readiness/claim-exceeds-score", category = Category.READINESS, severity = Severity.MEDIUM,
        summary = "A document claims more production readiness than the measured readiness score.",
        remediation = "Fix the findings that lower the score, or change the claim to the measured score (or remove"
                + " it); a badge can be generated from the score in CI instead of written by hand.",
        description = "Looks in Markdown files (not changelogs) for readiness claims outside code: 'Production Ready"
                + " (95%)', '95% production-ready', 'Production readiness: 95/100', 'готово к продакшену',"
                + " 'готовность к продакшену 95%' and readiness badges with a percentage (shields.io, badgen)."
                + " A claim with a number is compared with the measured score. One without a number is a claim only"
                + " as a statement ('this stack is production-ready', 'Status: production ready', 'Production"
                + " ready!'), not as an adjective of something else ('generates production-ready projects',"
                + " 'Production Ready Metrics') or a heading; it is compared with the gate's minimum score in the"
                + " README at the repository's root, and is info elsewhere. High when the claim is more than 10"
                + " points above the measured score. Negated, aspirational, questioned and quoted claims and claims"
                + " about generated projects are not claims.")
public final class ClaimExceedsScoreRule implements Rule {

    /** A claim this many points or fewer above the score is medium; more is high. */
    public static final int HIGH_GAP = 10;

    private static final Pattern HISTORY = Pattern.compile(
            "(?i)(?:changelog|changes|history|news|release[-_ ]?notes)(?:\\.[a-z]+)?");

    private static final Pattern README = Pattern.compile("(?i)readme(?:\\.[a-z]+)?");

    /** The claims of one file, parsed once per audit. */
    private record Claims(List<ReadinessClaim> list) {
    }

    @Override
    public boolean needsMeasuredScore() {
        return true;
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return documents(context).stream().anyMatch(f -> !claims(context, f).isEmpty());
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        OptionalInt measured = context.measuredScore();
        if (measured.isEmpty()) {
            return;
        }
        int score = measured.getAsInt();
        int threshold = context.config().minScore();
        for (SourceFile file : documents(context)) {
            for (ReadinessClaim claim : claims(context, file)) {
                report(file, claim, score, threshold, sink);
            }
        }
    }

    private void report(SourceFile file, ReadinessClaim claim, int score, int threshold, FindingSink sink) {
        Text message;
        int gap;
        if (claim.hasPercent()) {
            gap = claim.percent() - score;
            Text quoted = claim.badge() && claim.text().startsWith("badge ")
                    ? Text.of("readiness.claim.badge", claim.text().substring("badge ".length()))
                    : Text.of(claim.badge() ? "readiness.claim.asIs" : "readiness.claim.quote", claim.text());
            message = Text.of("readiness.claim.percent", claim.percent(), score, quoted,
                    Text.of(gap == 1 ? "readiness.points.one" : "readiness.points.many", gap));
        } else {
            gap = threshold - score;
            message = Text.of("readiness.claim.plain", claim.text(), score, threshold);
        }
        if (gap <= 0) {
            return;
        }
        Severity severity = gap > HIGH_GAP ? Severity.HIGH : Severity.MEDIUM;
        if (!claim.hasPercent() && !isProjectReadme(file.path())) {
            // a nested README or a guide speaks for a part of the repository or a topic, not for the whole project
            severity = Severity.INFO;
            message = Text.of("readiness.claim.notProjectReadme", message);
        }
        sink.report(Finding.of(this).at(file.path(), claim.line(), claim.column()).message(message)
                .severity(severity)
                .key((claim.badge() ? "badge:" : "text:") + claim.text().toLowerCase(java.util.Locale.ROOT))
                .build());
    }

    /** The README at the repository's root: the one document that speaks for the project as a whole. */
    static boolean isProjectReadme(String path) {
        return path.indexOf('/') < 0 && README.matcher(path).matches();
    }

    private static List<SourceFile> documents(AuditContext context) {
        return context.workspace().files().stream()
                .filter(f -> FileKinds.isMarkdown(f.path()) && !HISTORY.matcher(f.name()).matches())
                .toList();
    }

    private static List<ReadinessClaim> claims(AuditContext context, SourceFile file) {
        return context.parsed(file, Claims.class,
                f -> new Claims(ReadinessClaims.find(MarkdownDocument.of(context, f),
                        context.workspace().text(f).orElse("")))).list();
    }
}
