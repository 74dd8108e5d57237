package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.BaselineFiles;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.nio.file.Path;

/**
 * Records the current findings as the baseline (by fingerprint): later {@code check} runs given the same
 * {@code baseline} gate only on findings not in it. Writes {@code samokoder.baseline}, by default
 * {@code .samokoder-baseline.json} in the audited folder.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public final class BaselineMojo extends AbstractSamokoderMojo {

    public static final String DEFAULT_FILE = BaselineFiles.DEFAULT_NAME;

    @Override
    public void execute() throws MojoFailureException {
        Path target = baseline != null ? baseline.toPath() : null;
        try {
            AuditConfig config = toConfig().baseline(null);
            BaselineFiles.Written w = BaselineFiles.write(new Auditor(), config, target);
            getLog().info("samokoder: baseline of " + w.findings() + " findings written to " + w.file());
        } catch (AuditException e) {
            throw new MojoFailureException("samokoder: " + e.getMessage());
        }
    }
}
