package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Severity;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.HtmlAuditReport;
import io.samokoder.engine.report.ReportLocales;
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
        AuditConfig config = AuditConfig.forRoot(dir.toPath());
        AuditResult result;
        try {
            if (minScore != null) {
                config.minScore(minScore);
            }
            if (failOnSeverity != null && !failOnSeverity.isBlank()) {
                config.failOnSeverity(Severity.parse(failOnSeverity));
            }
            if (baseline != null) {
                config.baseline(baseline.toPath());
            }
            CheckSettings.split(excludes).forEach(config::exclude);
            CheckSettings.split(disabledRules).forEach(config::disableRule);
            if (configFile != null && configFile.equalsIgnoreCase("none")) {
                config.disableConfigFile();
            } else if (configFile != null && !configFile.isBlank()) {
                config.configFile(java.nio.file.Path.of(configFile));
            }
            if (reportLocale != null && !reportLocale.isBlank()) {
                config.locale(ReportLocales.parse(reportLocale));
            }
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
