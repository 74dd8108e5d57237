package io.samokoder.engine.report;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the report files an adapter asked for; shared by the Maven goal and the CLI so both write the same bytes. */
public final class ReportWriter {

    /**
     * Which files to write; null fields are skipped. {@code report} is Markdown, or HTML when its name ends in
     * {@code .html}; {@code reportOptions} sets its language (English when null).
     */
    public record Outputs(Path sarif, Path json, Path junit, Path report, AuditReport.Options reportOptions) {

        public Outputs(Path sarif, Path json) {
            this(sarif, json, null, null, null);
        }
    }

    private ReportWriter() {
    }

    /** Writes every requested output and returns the paths written. */
    public static List<Path> write(AuditResult result, Outputs outputs) {
        List<Path> written = new ArrayList<>();
        if (outputs.sarif() != null) {
            written.add(write(outputs.sarif(), SarifReport.render(result)));
        }
        if (outputs.json() != null) {
            written.add(write(outputs.json(), JsonReport.render(result)));
        }
        if (outputs.junit() != null) {
            written.add(write(outputs.junit(), JUnitReport.render(result)));
        }
        if (outputs.report() != null) {
            AuditReport.Options options = outputs.reportOptions() == null
                    ? AuditReport.Options.of(java.util.Locale.ENGLISH) : outputs.reportOptions();
            written.add(write(outputs.report(), AuditReport.render(outputs.report().getFileName().toString(), result,
                    options)));
        }
        return written;
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new AuditException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
