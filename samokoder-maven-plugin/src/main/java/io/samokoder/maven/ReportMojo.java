package io.samokoder.maven;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.report.AuditReport;
import io.samokoder.engine.report.HtmlAuditReport;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;

/**
 * The audit report as a page of {@code mvn site} ({@code samokoder.html}, under "Project Reports"): the same content
 * as the standalone HTML report. Run on its own ({@code mvn samokoder:report}) it writes that standalone page to the
 * reporting output folder. Never fails the build ({@code failOnViolation} has no effect here); the {@code check}
 * goal gates. It takes check's parameters and their translation ({@link AbstractSamokoderMojo}), so that the page
 * shows the score the gate computes. A thin adapter: the engine audits, {@link HtmlAuditReport} renders.
 *
 * <p>It implements the reporting API itself rather than extending maven-reporting-impl's base class: that library
 * brought Doxia's site renderer and plexus-archiver into the plugin, and Maven wires every component of a plugin's
 * dependencies before running any goal, so {@code check} paid about 0.4 s for a page it never renders.
 */
@Mojo(name = "report", threadSafe = true, requiresProject = false)
public final class ReportMojo extends AbstractSamokoderMojo implements MavenReport {

    /** Where {@code mvn samokoder:report} writes {@code samokoder.html}; the site plugin sets its own folder. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
    File outputDirectory;

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
        } catch (AuditException | IllegalArgumentException e) {
            throw new MojoExecutionException("samokoder: " + e.getMessage(), e);
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
        Audited audited;
        try {
            audited = audit(siteLocale);
        } catch (AuditException | IllegalArgumentException e) {
            throw ReportMojo.<RuntimeException>rethrow(reportException("samokoder: " + e.getMessage(), e));
        }
        Locale pageLocale = audited.options().locale();
        sink.head();
        sink.title();
        sink.text(getName(pageLocale));
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

    private Audited audit(Locale siteLocale) {
        AuditConfig config = toConfig(); // check's parameters and translation: the page shows the gate's own score
        AuditResult result = new Auditor().run(config);
        Locale pageLocale = locale != null && !locale.isBlank() ? config.locale()
                : siteLocale != null && siteLocale.getLanguage().equals("ru") ? config.locale(siteLocale).locale()
                : config.locale();
        return new Audited(result, new AuditReport.Options(pageLocale, config.minScore(), config.failOnSeverity()));
    }

    /**
     * A failed audit as the {@link MavenReportException} the caller of {@link #generate} catches. The plugin jar carries
     * the reporting API, so that Maven resolves no dependency for any goal of the plugin. Maven 3 exports its own
     * {@code MavenReportException} (maven-compat) to every plugin, so the site and the report share that one. Where a
     * Maven does not, the realm maven-reporting-exec sets up imports the site's {@code MavenReport} and {@code Sink}
     * only, and the jar's copy would pass by the site's handler and end the build with an internal error: the class
     * beside the {@code MavenReport} this mojo implements is the caller's in both cases.
     */
    static Exception reportException(String message, Exception cause) {
        try {
            Class<?> type = Class.forName(MavenReportException.class.getName(), false,
                    MavenReport.class.getClassLoader());
            return (Exception) type.getConstructor(String.class, Exception.class).newInstance(message, cause);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return new MavenReportException(message, cause);
        }
    }

    /** Throws a checked exception whose class the compiler cannot name (the site's, see reportException). */
    @SuppressWarnings("unchecked")
    private static <T extends Exception> T rethrow(Exception e) throws T {
        throw (T) e;
    }
}
