package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.HtmlAuditReport;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit report as a page of {@code mvn site} ({@code samokoder.html}, under "Project Reports"): the same content
 * as the standalone HTML report. Run on its own ({@code mvn samokoder:report}) it writes that standalone page to the
 * reporting output folder. Never fails the build; the {@code check} goal gates. A thin adapter: the engine audits,
 * {@link HtmlAuditReport} renders.
 *
 * <p>It implements the reporting API itself rather than extending maven-reporting-impl's base class: that library
 * brought Doxia's site renderer and plexus-archiver into the plugin, and Maven wires every component of a plugin's
 * dependencies before running any goal, so {@code check} paid about 0.4 s for a page it never renders.
 */
@Mojo(name = "report", threadSafe = true, requiresProject = false)
public final class ReportMojo extends AbstractMojo implements MavenReport {

    /** Where {@code mvn samokoder:report} writes {@code samokoder.html}; the site plugin sets its own folder. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
    File outputDirectory;

    /** Repository folder to audit. */
    @Parameter(property = "samokoder.dir", defaultValue = "${basedir}")
    File dir;

    /** Language of the page: en or ru (default: the site's locale, English when it has no translation). */
    @Parameter(property = "samokoder.locale")
    String reportLocale;

    /** Minimum score shown with the gate result (default: .samokoder.yml, else 80). */
    @Parameter(property = "samokoder.minScore")
    Integer minScore;

    /** Severity shown with the gate result (default: .samokoder.yml, else high). */
    @Parameter(property = "samokoder.failOnSeverity")
    String failOnSeverity;

    /** Baseline file; findings in it are marked and "new/fixed since baseline" is shown. */
    @Parameter(property = "samokoder.baseline")
    File baseline;

    /** Paths to leave out, in .gitignore syntax (comma-separated as a user property). */
    @Parameter(property = "samokoder.excludes")
    List<String> excludes;

    /** Rule ids to turn off (comma-separated as a user property). */
    @Parameter(property = "samokoder.disabledRules")
    List<String> disabledRules;

    /** Configuration file (default: .samokoder.yml in the audited folder when present); {@code none} to ignore it. */
    @Parameter(property = "samokoder.config")
    String configFile;

    /** Suppressions file; the same as {@code check}'s, so that the page shows the gate's score. */
    @Parameter(property = "samokoder.suppressions")
    File suppressions;

    /** Category weights of the score, e.g. {@code secrets=2,docs=0.5}. */
    @Parameter(property = "samokoder.weights")
    String weights;

    /** Rule options, e.g. {@code <docs.online>true</docs.online>}. */
    @Parameter
    Map<String, String> options;

    /** Use the process environment for compose interpolation (results then depend on the shell). */
    @Parameter(property = "samokoder.useEnvironment", defaultValue = "false")
    boolean useEnvironment;

    /** Left out of the audit when inside {@code dir}, as {@code check} does: it holds this build's own reports. */
    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    File buildDirectory;

    @Override
    public String getOutputName() {
        return "samokoder";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        this.outputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return outputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return true;
    }

    /** {@code mvn samokoder:report}: the standalone HTML page. */
    @Override
    public void execute() throws MojoExecutionException {
        Audited audited;
        try {
            audited = audit(null);
        } catch (MavenReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        File out = outputDirectory != null ? outputDirectory : new File(dir, "target/site");
        File page = new File(out, getOutputName() + ".html");
        try {
            Files.createDirectories(out.toPath());
            Files.write(page.toPath(), HtmlAuditReport.render(audited.result(), audited.options()));
        } catch (IOException e) {
            throw new MojoExecutionException("samokoder: cannot write " + page + ": " + e.getMessage(), e);
        }
        getLog().info("samokoder: readiness " + audited.result().score().total() + "/100 written to " + page);
    }

    /** Inside {@code mvn site}: the page's body in the site's skin. */
    @Override
    public void generate(Sink sink, Locale siteLocale) throws MavenReportException {
        Audited audited = audit(siteLocale);
        Locale locale = audited.options().locale();
        sink.head();
        sink.title();
        sink.text(getName(locale));
        sink.title_();
        sink.head_();
        sink.body();
        sink.rawText(HtmlAuditReport.fragment(audited.result(), audited.options()));
        sink.body_();
        sink.close(); // as the reporting base class did: the page is complete
        getLog().info("samokoder: readiness " + audited.result().score().total() + "/100 rendered into the site");
    }

    private record Audited(AuditResult result, AuditReport.Options options) {
    }

    @Override
    public String getName(Locale locale) {
        return AuditReport.bundle(locale).getString("site.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return AuditReport.bundle(locale).getString("site.description");
    }

    private Audited audit(Locale siteLocale) throws MavenReportException {
        CheckSettings settings = new CheckSettings(); // check's translation: the page shows the gate's own score
        settings.dir = dir;
        settings.minScore = minScore;
        settings.failOnSeverity = failOnSeverity;
        settings.configFile = configFile;
        settings.locale = reportLocale;
        settings.baseline = baseline;
        settings.suppressions = suppressions;
        settings.excludes = excludes;
        settings.weights = weights;
        settings.disabledRules = disabledRules;
        settings.options = options;
        settings.useEnvironment = useEnvironment;
        settings.buildDirectory = buildDirectory;
        AuditConfig config;
        AuditResult result;
        try {
            config = settings.toConfig();
            result = new Auditor().run(config);
        } catch (AuditException | IllegalArgumentException e) {
            throw new MavenReportException("samokoder: " + e.getMessage(), e);
        }
        Locale locale = reportLocale != null && !reportLocale.isBlank() ? config.locale()
                : siteLocale != null && siteLocale.getLanguage().equals("ru") ? config.locale(siteLocale).locale()
                : config.locale();
        return new Audited(result, new AuditReport.Options(locale, config.minScore(), config.failOnSeverity()));
    }
}
