package io.samokoder.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Properties;

/**
 * The tool's version and addresses, from the build: {@code version.properties} is filtered from the POM's
 * {@code <version>}, {@code <url>} and {@code <scm>}, so that the POM is the one place they are written.
 */
public final class Version {

    public static final String NAME = "samokoder";
    private static final Properties BUILD = load();
    /** The project's home page (the POM's {@code <url>}); null when the classes were built without Maven's filtering. */
    public static final String INFORMATION_URI = uri(BUILD.getProperty("url"));
    private static final String SCM_URL = uri(BUILD.getProperty("scm.url"));
    private static final String SCM_TAG = BUILD.getProperty("scm.tag", "");
    private static final String VALUE = BUILD.getProperty("version", "dev");

    private Version() {
    }

    public static String get() {
        return VALUE;
    }

    /**
     * The address of a file of this repository as GitHub shows it, at the POM's {@code <scm><tag>} ({@code HEAD}, the
     * default branch, until a release sets the release tag), e.g. {@code docs/rules.md#anchor}; null when the build
     * gave no {@code <scm><url>}.
     */
    public static String repositoryFile(String pathAndFragment) {
        if (SCM_URL == null) {
            return null;
        }
        String tag = SCM_TAG.isBlank() || SCM_TAG.contains("${") ? "HEAD" : SCM_TAG.trim();
        return SCM_URL.replaceAll("/+$", "") + "/blob/" + tag + "/" + pathAndFragment;
    }

    /** An absolute http(s) URI, or null for a missing, unfiltered ({@code ${...}}) or malformed value. */
    static String uri(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return null;
        }
        try {
            URI u = new URI(value.trim());
            return u.isAbsolute() && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))
                    && u.getHost() != null ? u.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no build information: version "dev", no addresses
        }
        return p;
    }
}
