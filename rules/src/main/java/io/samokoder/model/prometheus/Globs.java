package io.samokoder.model.prometheus;

import io.samokoder.engine.Workspace;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The glob syntax of {@code rule_files} and {@code file_sd_configs} (Go's {@code filepath.Match}: {@code *},
 * {@code ?}, {@code [...]}, {@code \} escapes; no wildcard crosses a {@code /}), on repository and container paths.
 */
public final class Globs {

    private Globs() {
    }

    public static boolean hasWildcard(String glob) {
        return glob.matches(".*[*?\\[].*");
    }

    /** The folder part of an absolute pattern before any segment with a glob character ({@code /etc/prometheus/rules}). */
    public static String staticPrefix(String pattern) {
        String[] parts = pattern.split("/");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].matches(".*[*?\\[].*")) {
                break;
            }
            if (!parts[i].isEmpty()) {
                b.append('/').append(parts[i]);
            }
        }
        return b.length() == 0 ? "/" : b.toString();
    }

    /** {@code "rules/app/*.yml"} → {@code "rules/app"}; {@code "*" + "/x.yml"} and {@code "*.yml"} → {@code ""}. */
    public static String literalFolder(String glob) {
        int wildcard = glob.length();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                wildcard = i;
                break;
            }
        }
        int slash = glob.lastIndexOf('/', wildcard);
        return slash < 0 ? "" : glob.substring(0, slash);
    }

    /** The pattern as a regex over whole paths; empty when Go would reject it too. */
    public static Optional<Pattern> compile(String glob) {
        try {
            return Optional.of(Pattern.compile(toRegex(glob)));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    public static String toRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> b.append("[^/]*");
                case '?' -> b.append("[^/]");
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        b.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, close);
                        if (cls.startsWith("^")) {
                            cls = "^" + cls.substring(1);
                        }
                        b.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = close;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    /** Whether a repository glob matches a file of the workspace (a folder never matches). */
    public static boolean matchesAny(Workspace ws, String glob) {
        if (!hasWildcard(glob)) {
            return ws.exists(glob) && !ws.isDirectory(glob);
        }
        Optional<Pattern> p = compile(glob);
        if (p.isEmpty()) {
            return false;
        }
        // filepath.Glob globs each path segment on its own: only files in the literal folder before the first
        // wildcard, with as many segments as the glob, can match
        int segments = segments(glob);
        for (String f : ws.filePathsUnder(literalFolder(glob))) {
            if (segments(f) == segments && p.get().matcher(f).matches()) {
                return true;
            }
        }
        return false;
    }

    static int segments(String path) {
        int n = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }
}
