package io.samokoder.maven;

import io.samokoder.report.AuditReport;
import io.samokoder.report.HtmlAuditReport;
import io.samokoder.run.AuditRequest;
import io.samokoder.run.Outputs;
import io.samokoder.run.Settings;
import io.samokoder.run.Verdict;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The audit report as a page of mvn site (samokoder.html, under "Project Reports"): the content of check's HTML
 * report, with the score and the gate check computes from the same settings. Run on its own (mvn samokoder:report) it
 * writes that page to the reporting output folder. Never fails the build; check gates. In a site of several modules
 * only the top-level project has the page, for the whole repository.
 */
// It implements the reporting API itself rather than extending maven-reporting-impl's base class: that library brought
// Doxia's site renderer and plexus-archiver into the plugin, which Maven wires before running any goal of it.
@Mojo(name = "report", threadSafe = true, requiresProject = false)
public final class ReportMojo extends AbstractGateMojo implements MavenReport {

    /** Where mvn samokoder:report writes samokoder.html; the site plugin sets its own folder. */
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

    /** Only where the repository is audited once: the top-level project, never each module of a site. */
    @Override
    public boolean canGenerateReport() {
        return session == null || project == null || session.getProjects().size() <= 1
                || session.getTopLevelProject() == null
                || project.getBasedir().equals(session.getTopLevelProject().getBasedir());
    }

    /** mvn samokoder:report: the standalone HTML page. */
    @Override
    public void execute() throws MojoExecutionException {
        Path page = (outputDirectory != null ? outputDirectory.toPath() : root().resolve("target/site"))
                .resolve(getOutputName() + ".html");
        try {
            Verdict verdict = audit(null, new Outputs(null, null, null, page));
            getLog().info(io.samokoder.i18n.Text.of("report.note.page", verdict.result().score().total(), page)
                    .render(verdict.reportOptions().locale()));
        } catch (MojoFailureException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Inside mvn site: the page's body in the site's skin. */
    @Override
    public void generate(Sink sink, Locale siteLocale) throws MavenReportException {
        Verdict verdict;
        try {
            verdict = audit(siteLocale, Outputs.NONE);
        } catch (MojoFailureException e) {
            throw ReportMojo.<RuntimeException>rethrow(reportException(e.getMessage(), e));
        }
        sink.head();
        sink.title();
        sink.text(getName(verdict.reportOptions().locale()));
        sink.title_();
        sink.head_();
        sink.body();
        sink.rawText(HtmlAuditReport.fragment(verdict.result(), verdict.reportOptions()));
        sink.body_();
        sink.close(); // as the reporting base class did: the page is complete
        getLog().info(io.samokoder.i18n.Text.of("report.note.site", verdict.result().score().total())
                .render(verdict.reportOptions().locale()));
    }

    /** The site's language applies where no setting names one. */
    private Verdict audit(Locale siteLocale, Outputs outputs) throws MojoFailureException {
        warnAboutIgnoredProperties();
        Settings site = siteLocale != null && siteLocale.getLanguage().equals("ru")
                ? Settings.builder().locale(siteLocale).build() : Settings.NONE;
        // the site's folder is the build's reporting output, where the page may go even inside the audited folder
        return run(() -> {
            AuditRequest.Builder request = request(settings().build()).fallback(site).outputs(outputs);
            if (outputDirectory != null) {
                request.buildFolder(outputDirectory.toPath());
            }
            return request.build();
        });
    }

    @Override
    public String getName(Locale locale) {
        return AuditReport.bundle(locale).getString("site.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return AuditReport.bundle(locale).getString("site.description");
    }

    /**
     * A failed audit as the MavenReportException the caller of generate catches. The plugin jar carries the reporting
     * API, so that Maven resolves no dependency for any goal of the plugin. Maven 3 exports its own
     * MavenReportException (maven-compat) to every plugin, so the site and the report share that one. Where a Maven
     * does not, the realm maven-reporting-exec sets up imports the site's MavenReport and Sink only, and the jar's copy
     * would pass by the site's handler and end the build with an internal error: the class beside the MavenReport this
     * mojo implements is the caller's in both cases.
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
