package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Gate;
import io.samokoder.i18n.Text;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.workspace.LineEscape;
import io.samokoder.engine.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console summary: score, category scores, counts by severity, findings as {@code file:line: [rule] message}.
 * Paths and messages come from the audited repository: every line is {@link LineEscape#consoleLine escaped} so that
 * it stays one line and is never a CI runner's command. The CLI prints these lines and the Maven goal logs them.
 */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static List<String> lines(AuditResult result) {
        return lines(result, Locale.ENGLISH);
    }

    /**
     * The summary in the given language: the frame, the category names, the severities and the finding messages (the
     * English frame is the one scripts parse; rule ids, paths and counts are the same in every language).
     */
    public static List<String> lines(AuditResult result, Locale locale) {
        Locale lang = locale == null ? Locale.ENGLISH : locale;
        List<String> out = new ArrayList<>();
        out.add(ReportTexts.t(lang, "report.console.score", result.score().total()));
        String join = ReportTexts.t(lang, "report.console.join");
        List<String> cats = new ArrayList<>();
        List<String> notApplicable = new ArrayList<>();
        for (Category c : Category.values()) {
            Integer s = result.score().categoryScores().get(c);
            if (s == null) {
                notApplicable.add(ReportTexts.category(c, lang));
            } else {
                cats.add(ReportTexts.t(lang, "report.console.category", ReportTexts.category(c, lang), s)
                        + (result.score().counted(c) ? "" : ReportTexts.t(lang, "report.console.notCounted")));
            }
        }
        String na = notApplicable.isEmpty() ? ""
                : ReportTexts.t(lang, "report.console.notApplicable", String.join(", ", notApplicable));
        out.add("  " + (cats.isEmpty() ? ReportTexts.t(lang, "report.console.categories.none", na)
                : ReportTexts.t(lang, "report.console.categories", String.join(join, cats) + na)));
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        int suppressed = 0;
        int baselined = 0;
        for (Finding f : result.findings()) {
            if (f.status() == Finding.Status.SUPPRESSED) {
                suppressed++;
                continue;
            }
            if (f.status() == Finding.Status.BASELINED) {
                baselined++;
            }
            counts.merge(f.severity(), 1, Integer::sum);
        }
        List<String> bySeverity = new ArrayList<>();
        for (Severity s : Severity.values()) {
            bySeverity.add(ReportTexts.t(lang, "report.console.count." + s.id(), counts.getOrDefault(s, 0)));
        }
        String sev = String.join(join, bySeverity);
        out.add("  " + (result.baselineUsed()
                ? ReportTexts.t(lang, "report.console.findingsBaseline", sev, suppressed, baselined,
                result.fixedSinceBaseline().size())
                : ReportTexts.t(lang, "report.console.findings", sev, suppressed)));
        out.add("  " + ReportTexts.t(lang, "report.console.files", result.filesAudited(), result.filesSkipped(),
                result.rulesRun().size()));
        for (Finding f : result.findings()) {
            if (f.status() == Finding.Status.SUPPRESSED) {
                continue;
            }
            out.add(ReportTexts.finding(f, f.location(), lang) + (f.status() == Finding.Status.BASELINED
                    ? ReportTexts.t(lang, "report.console.baselined") : ""));
        }
        out.replaceAll(LineEscape::consoleLine);
        return out;
    }
}
