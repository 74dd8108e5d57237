package io.samokoder.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Records today's findings, by fingerprint, as the baseline: in the file the baseline parameter names, by default
 * .samokoder-baseline.json in the audited folder, where later check runs find it by themselves and then gate only on
 * findings not in it.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false)
public final class BaselineMojo extends AbstractSamokoderMojo {

    @Override
    public void execute() throws MojoFailureException {
        if (auditsHere()) {
            warnAboutIgnoredProperties();
            run(() -> request(settings().build()).writeBaseline(true).build());
        }
    }
}
