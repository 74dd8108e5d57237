package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Baseline;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records the current findings as the baseline (by fingerprint): later {@code check} runs given the same
 * {@code baseline} gate only on findings not in it. Writes {@code samokoder.baseline}, by default
 * {@code .samokoder-baseline.json} in the audited folder.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public final class BaselineMojo extends AbstractSamokoderMojo {

    public static final String DEFAULT_FILE = ".samokoder-baseline.json";

    @Override
    public void execute() throws MojoFailureException {
        Path target = baseline != null ? baseline.toPath() : dir.toPath().resolve(DEFAULT_FILE);
        try {
            AuditConfig config = toConfig().baseline(null);
            AuditResult result = new Auditor().run(config);
            Baseline written = Baseline.of(result.findings());
            written.write(target);
            getLog().info("samokoder: baseline of " + written.entries().size() + " findings written to " + target);
        } catch (AuditException e) {
            throw new MojoFailureException("samokoder: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoFailureException("samokoder: cannot write " + target + ": " + e.getMessage());
        }
    }
}
