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

    /** Which files to write; null fields are skipped. */
    public record Outputs(Path sarif, Path json) {
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
