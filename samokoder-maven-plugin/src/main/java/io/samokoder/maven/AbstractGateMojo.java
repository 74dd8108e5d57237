package io.samokoder.maven;

import io.samokoder.run.Settings;
import org.apache.maven.plugins.annotations.Parameter;

/** The gate's parameters, which check applies and the report shows. */
abstract class AbstractGateMojo extends AbstractSamokoderMojo {

    /** Minimum readiness score (0-100) the build needs (default: minScore of .samokoder.yml, else 80). */
    @Parameter(property = "samokoder.minScore")
    Integer minScore;

    /** Fail on any new finding at or above this severity: critical, high, medium, low, info (default: high). */
    @Parameter(property = "samokoder.failOnSeverity")
    String failOnSeverity;

    /**
     * Language of the audit report, the console summary and the texts of SARIF, JSON and JUnit: en (default) or ru.
     * Rule ids, paths and JSON keys never change.
     */
    @Parameter(property = "samokoder.locale")
    String locale;

    @Override
    Settings.Builder settings() {
        return super.settings().minScore(minScore).failOnSeverity(failOnSeverity).locale(locale);
    }
}
