package io.samokoder.model.migrations;

import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether one module of a multi-module build declares another as a direct dependency, read from the build files as
 * written: Gradle {@code project(':name')} / {@code project(path: ':a:name')} in the module's {@code *.gradle} or
 * {@code *.gradle.kts} files, or Maven {@code <artifactId>} of the other module's POM among the module's POM's
 * dependencies. A dependency that only a third module brings in (transitively) is not seen: a "no" means "not declared
 * here", not "not on the classpath".
 */
final class ModuleDependencies {

    private static final Pattern GRADLE_PROJECT = Pattern.compile(
            "project\\s*\\(\\s*(?:path\\s*[:=]\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");
    private static final long MAX_BUILD_FILE = 1024 * 1024;

    private ModuleDependencies() {
    }

    /**
     * Whether {@code module}'s build declares {@code other}; both are module folders ("" for the root, else ending in
     * "/").
     */
    static boolean declares(Workspace ws, String module, String other) {
        if (module.equals(other)) {
            return true;
        }
        String otherName = lastSegment(other);
        if (otherName.isEmpty()) {
            return false; // the root project is not a dependency of its own modules
        }
        for (SourceFile f : ws.files()) {
            String p = f.path();
            if (!p.startsWith(module) || p.indexOf('/', module.length()) >= 0 || f.size() > MAX_BUILD_FILE) {
                continue;
            }
            String name = p.substring(module.length());
            if (name.endsWith(".gradle") || name.endsWith(".gradle.kts")) {
                Matcher m = GRADLE_PROJECT.matcher(text(ws, f));
                while (m.find()) {
                    String path = m.group(1);
                    String last = path.substring(path.lastIndexOf(':') + 1);
                    if (last.equals(otherName)) {
                        return true;
                    }
                }
            } else if (name.equals("pom.xml")) {
                Optional<String> artifact = artifactId(ws, other);
                if (artifact.isPresent() && dependenciesOf(text(ws, f)).contains(
                        "<artifactId>" + artifact.get() + "</artifactId>")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> artifactId(Workspace ws, String module) {
        Optional<SourceFile> pom = ws.file(module + "pom.xml");
        if (pom.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ARTIFACT.matcher(PARENT.matcher(text(ws, pom.get())).replaceFirst(""));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The POM's {@code <dependencies>} text, whitespace inside artifactId tags removed. */
    private static String dependenciesOf(String pom) {
        int start = pom.indexOf("<dependencies>");
        if (start < 0) {
            return "";
        }
        return ARTIFACT.matcher(pom.substring(start)).replaceAll("<artifactId>$1</artifactId>");
    }

    private static String text(Workspace ws, SourceFile f) {
        return ws.text(f).orElse("");
    }

    private static String lastSegment(String module) {
        String m = module.endsWith("/") ? module.substring(0, module.length() - 1) : module;
        return m.substring(m.lastIndexOf('/') + 1);
    }
}
