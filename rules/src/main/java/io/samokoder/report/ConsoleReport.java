package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.workspace.LineEscape;
import io.samokoder.engine.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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
        return lines(result, java.util.Locale.ENGLISH);
    }

    /** The summary with finding messages in the given language (the frame stays short English: it is parsed). */
    public static List<String> lines(AuditResult result, java.util.Locale locale) {
        List<String> out = new ArrayList<>();
        out.add("samokoder readiness score: " + result.score().total() + "/100");
        StringBuilder cats = new StringBuilder("  categories:");
        List<String> notApplicable = new ArrayList<>();
        for (Category c : Category.values()) {
            Integer s = result.score().categoryScores().get(c);
            if (s == null) {
                notApplicable.add(c.id());
            } else {
                cats.append(' ').append(c.id()).append('=').append(s)
                        .append(result.score().counted(c) ? "" : " (not counted in the score)");
            }
        }
        if (!notApplicable.isEmpty()) {
            cats.append("; not applicable (nothing to check): ").append(String.join(", ", notApplicable));
        }
        out.add(cats.toString());
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
        StringBuilder sev = new StringBuilder("  findings:");
        for (Severity s : Severity.values()) {
            sev.append(' ').append(s.id()).append('=').append(counts.getOrDefault(s, 0));
        }
        sev.append(" (suppressed ").append(suppressed);
        if (result.baselineUsed()) {
            sev.append(", baselined ").append(baselined).append(", fixed since baseline ")
                    .append(result.fixedSinceBaseline().size());
        }
        sev.append(')');
        out.add(sev.toString());
        out.add("  files: " + result.filesAudited() + " audited, " + result.filesSkipped() + " skipped; "
                + result.rulesRun().size() + " checks ran");
        for (Finding f : result.findings()) {
            if (f.status() == Finding.Status.SUPPRESSED) {
                continue;
            }
            out.add(f.location() + ": [" + f.ruleId() + "] " + f.severity().id() + ": " + f.messageIn(locale)
                    + (f.status() == Finding.Status.BASELINED ? " (baselined)" : ""));
        }
        out.replaceAll(LineEscape::consoleLine);
        return out;
    }
}
