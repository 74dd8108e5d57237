package io.samokoder.report;

import io.samokoder.engine.AuditException;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Writes the report files an adapter asked for; shared by the Maven goal and the CLI so both write the same bytes. */
public final class ReportWriter {

    /**
     * Which files to write; null fields are skipped. {@code report} is Markdown, or HTML when its name ends in
     * {@code .html}; {@code reportOptions} sets its language (English when null) and the gate's severity that the
     * report and the JUnit XML show.
     */
    public record Outputs(Path sarif, Path json, Path junit, Path report, AuditReport.Options reportOptions) {

        public Outputs(Path sarif, Path json) {
            this(sarif, json, null, null, null);
        }
    }

    private ReportWriter() {
    }

    /**
     * Writes every requested output and returns the paths written. The reports are rendered side by side: on a cold
     * JVM (the Maven goal's audit) the SARIF, JSON and HTML renderers were 50 ms of code run one after the other.
     */
    public static List<Path> write(AuditResult result, Outputs outputs) {
        List<Rendering> requested = new ArrayList<>();
        // SARIF, JSON and JUnit are English unless a language was asked for (then texts follow it, ids and keys never)
        java.util.Locale locale = outputs.reportOptions() == null ? java.util.Locale.ENGLISH
                : outputs.reportOptions().locale();
        if (outputs.sarif() != null) {
            requested.add(new Rendering(outputs.sarif(), () -> SarifReport.render(result, locale)));
        }
        if (outputs.json() != null) {
            requested.add(new Rendering(outputs.json(), () -> JsonReport.render(result, locale)));
        }
        if (outputs.junit() != null) {
            // the failures are the gate's blocking findings: new and at or above the gate's severity
            Severity failOn = outputs.reportOptions() == null ? null : outputs.reportOptions().failOnSeverity();
            requested.add(new Rendering(outputs.junit(), () -> JUnitReport.render(result, failOn, locale)));
        }
        if (outputs.report() != null) {
            AuditReport.Options options = outputs.reportOptions() == null
                    ? AuditReport.Options.of(java.util.Locale.ENGLISH) : outputs.reportOptions();
            requested.add(new Rendering(outputs.report(), () -> AuditReport.render(
                    outputs.report().getFileName().toString(), result, options)));
        }
        List<byte[]> rendered = Parallel.map(requested, 1, r -> r.render().get());
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            written.add(write(requested.get(i).file(), rendered.get(i)));
        }
        return written;
    }

    private record Rendering(Path file, Supplier<byte[]> render) {
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            io.samokoder.workspace.AtomicFiles.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new AuditException("cannot write " + io.samokoder.workspace.LineEscape.visible(file.toString()) + ": "
                    + e.getMessage());
        }
    }
}
