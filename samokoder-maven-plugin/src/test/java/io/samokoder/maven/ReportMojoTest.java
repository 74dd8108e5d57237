package io.samokoder.maven;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The report page shows the score the {@code check} gate computes from the same parameters. */
class ReportMojoTest {

    @TempDir
    Path root;

    @BeforeEach
    void repository() throws IOException {
        Files.writeString(root.resolve("docker-compose.yml"), """
                services:
                  db:
                    image: postgres:16
                    environment:
                      POSTGRES_PASSWORD: postgres
                """);
        Files.writeString(root.resolve("README.md"), "# App\n\nSee [the guide](docs/guide.md) and [setup](docs/setup.md).\n");
        Files.writeString(root.resolve("suppressions.yml"), """
                suppressions:
                  - rule: docs/broken-link
                    path: README.md
                    reason: the guide is being written
                """);
        // output the settings leave out (excludes): check leaves it out, so must the page
        Files.createDirectories(root.resolve("out"));
        Files.writeString(root.resolve("out/.env.production"), "SECRET_KEY=short\nDB_PASSWORD=admin\n");
    }

    @Test
    void thePageShowsTheGatesScoreForTheSameParameters() throws Exception {
        RecordingLog checkLog = new RecordingLog();
        CheckMojo check = new CheckMojo();
        check.dir = root.toFile();
        check.excludes = List.of("/out/");
        check.failOnViolation = false;
        check.weights = "secrets=5";
        check.suppressions = root.resolve("suppressions.yml").toFile();
        check.setLog(checkLog);
        check.execute();
        int gate = score(String.join("\n", checkLog.lines), "samokoder readiness score: (\\d+)/100");

        int page = reportScore(root.resolve("site"), "secrets=5");
        assertThat(page).isEqualTo(gate);
        assertThat(Files.readString(root.resolve("site/samokoder.html"))).contains("<span class=\"value\">" + gate + "</span>");
        // the parameters matter: without the weights the page's score differs, so the equality above is not luck
        assertThat(reportScore(root.resolve("site-unweighted"), null)).isNotEqualTo(gate);
    }

    private int reportScore(Path out, String weights) throws Exception {
        RecordingLog log = new RecordingLog();
        ReportMojo report = new ReportMojo();
        report.dir = root.toFile();
        report.outputDirectory = out.toFile();
        report.excludes = List.of("/out/");
        report.weights = weights;
        report.suppressions = root.resolve("suppressions.yml").toFile();
        report.setLog(log);
        report.execute();
        return score(String.join("\n", log.lines), "samokoder: readiness (\\d+)/100 written to");
    }

    private static int score(String log, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * The realms of {@code mvn site}, as maven-reporting-exec sets them up, under a Maven whose core does not export
     * {@code MavenReportException} (Maven 3's does: the invoker IT report-site-fails runs that case): the report's
     * realm imports the site's {@code MavenReport} and {@code Sink} and finds everything else in itself first, where
     * the shaded plugin jar holds its own copy of the reporting API. A failed audit must reach the site as the site's
     * own {@code MavenReportException}, which its renderer catches and reports; the jar's copy would pass by it.
     */
    @Test
    void aFailedAuditReachesTheSiteAsTheSitesOwnReportException() throws Exception {
        URL api = MavenReport.class.getProtectionDomain().getCodeSource().getLocation();
        URL sinkApi = Sink.class.getProtectionDomain().getCodeSource().getLocation();
        URL plugin = ReportMojo.class.getProtectionDomain().getCodeSource().getLocation();
        ClassWorld world = new ClassWorld();
        // Maven's realms: the platform class loader underneath; the parent asked after imports and self
        ClassRealm site = world.newRealm("site", ClassLoader.getPlatformClassLoader());
        site.addURL(api);
        site.addURL(sinkApi);
        ClassRealm report = world.newRealm("report", ClassLoader.getPlatformClassLoader());
        report.setParentClassLoader(getClass().getClassLoader());
        report.addURL(plugin);
        report.addURL(api);
        report.addURL(sinkApi);
        for (String imported : List.of(MavenReport.class.getName(), Sink.class.getName())) {
            report.importFrom(site, imported);
        }
        Class<?> sitesException = site.loadClass(MavenReportException.class.getName());
        Class<?> jarsException = report.loadClass(MavenReportException.class.getName());
        assertThat(jarsException).as("the realm holds its own copy, as the shaded jar does").isNotSameAs(sitesException);
        assertThat(report.loadClass(MavenReport.class.getName())).isSameAs(site.loadClass(MavenReport.class.getName()));

        Class<?> mojoClass = report.loadClass(ReportMojo.class.getName());
        assertThat(mojoClass).isNotSameAs(ReportMojo.class);
        Object mojo = mojoClass.getConstructor().newInstance();
        // AbstractSamokoderMojo's, in that realm
        Field dir = mojoClass.getSuperclass().getSuperclass().getDeclaredField("dir");
        dir.setAccessible(true);
        dir.set(mojo, root.resolve("no-such-folder").toFile());
        Method generate = mojoClass.getMethod("generate", site.loadClass(Sink.class.getName()), Locale.class);

        assertThatThrownBy(() -> invoke(generate, mojo))
                .isExactlyInstanceOf(sitesException)
                .hasMessageStartingWith("samokoder: not a directory:");
    }

    @Test
    void outsideTheSiteTheReportExceptionIsTheJarsOwn() {
        Exception e = ReportMojo.reportException("samokoder: broken", new IllegalStateException("cause"));
        assertThat(e).isExactlyInstanceOf(MavenReportException.class).hasMessage("samokoder: broken")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    private static void invoke(Method method, Object target) throws Throwable {
        try {
            method.invoke(target, null, Locale.ENGLISH);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
