package io.samokoder.run;

import io.samokoder.i18n.Text;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Gate;
import io.samokoder.report.AuditReport;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a run found and what to say about it; the adapters print these lines and fail (or not) from {@link #failsBuild}.
 *
 * @param console       the summary and the findings ({@code ConsoleReport}); the first line is the score
 * @param annotations   GitHub Actions workflow commands, when the environment is a GitHub Actions run; they must start
 *                      a line of the job's output
 * @param warnings      settings a higher source overrode ({@code minScore 55 from .samokoder.yml is ignored: …})
 * @param notes         one line each: the baseline in use or written, the staged-files mode
 * @param stdout        the reports asked for on standard output ({@link Outputs#STDOUT}), empty when none
 * @param written       the report files written
 * @param reportOptions the language and the gate the reports show
 */
public record Verdict(AuditResult result, Gate gate, boolean failsBuild, List<String> console,
                      List<String> annotations, List<String> warnings, List<String> notes, byte[] stdout,
                      List<Path> written, AuditReport.Options reportOptions) {

    public boolean passed() {
        return gate.passed();
    }

    /**
     * One line naming the report files: their folder relative to {@code base} and their names; null when none was
     * written.
     */
    public String reportsLine(Path base) {
        if (written.isEmpty()) {
            return null;
        }
        Path folder = written.get(0).toAbsolutePath().normalize().getParent();
        boolean together = written.stream().allMatch(p -> folder.equals(p.toAbsolutePath().normalize().getParent()));
        String files = written.stream().map(p -> together ? p.getFileName().toString() : relative(base, p))
                .collect(Collectors.joining(", "));
        java.util.Locale locale = reportOptions == null ? java.util.Locale.ENGLISH : reportOptions.locale();
        return (together ? Text.of("report.note.reportsIn", relative(base, folder), files)
                : Text.of("report.note.reports", files)).render(locale);
    }

    private static String relative(Path base, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return (abs.startsWith(b) && !abs.equals(b) ? b.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
