package io.samokoder.engine;

import java.io.IOException;
import java.nio.file.Path;

/** Writing a baseline from a fresh audit, shared by the {@code baseline} goal and the CLI's {@code --write-baseline}. */
public final class BaselineFiles {

    /** Where a baseline goes when no file is named, relative to the audited folder. */
    public static final String DEFAULT_NAME = ".samokoder-baseline.json";

    private BaselineFiles() {
    }

    /** What was written. */
    public record Written(Path file, int findings) {
    }

    /**
     * Audits without any baseline (an existing one is replaced, not extended) and records every active finding in
     * {@code target}; when it is null, in the configuration file's {@code baseline}, else
     * {@value #DEFAULT_NAME} in the audited folder.
     */
    public static Written write(Auditor auditor, AuditConfig config, Path target) {
        config.applyConfigFile(RuleRegistry.allMeta(auditor.rules()));
        Path file = target != null ? target
                : config.baseline() != null ? config.baseline() : config.root().resolve(DEFAULT_NAME);
        AuditResult result = auditor.run(config.baseline(null));
        Baseline baseline = Baseline.of(result.findings());
        try {
            baseline.write(file);
        } catch (IOException e) {
            throw new AuditException("cannot write " + file + ": " + e.getMessage());
        }
        return new Written(file, baseline.entries().size());
    }
}
