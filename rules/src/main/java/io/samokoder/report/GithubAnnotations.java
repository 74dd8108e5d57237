package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Gate;
import io.samokoder.engine.Finding;
import io.samokoder.workspace.LineEscape;
import io.samokoder.engine.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions workflow commands that annotate the pull request diff: {@code ::error file=…,line=…,col=…,title=…::msg}
 * for critical and high findings, {@code ::warning} for medium, {@code ::notice} for low and info. Only new findings
 * (not baselined, not suppressed) are annotated. Values are escaped as the runner expects: {@code %}, CR and LF in the
 * message; additionally {@code :} and {@code ,} in properties, so that a property never holds the {@code ::} that ends
 * the command's properties; the other control and format characters are made visible ({@link LineEscape#visible}),
 * in paths too. Each annotation stays one line that starts with {@code ::}, whose properties hold no {@code ::}: a
 * path or message from the repository can neither start another command nor stop the runner's processing of
 * commands ({@code ::stop-commands::}; the runner reads a line that is a {@code ::} command as that command only, so
 * an {@code ##[stop-commands]} inside it is none). Paths are made relative to {@code GITHUB_WORKSPACE}
 * when the audited folder lies inside it, so that annotations land on the right file of a monorepo.
 */
public final class GithubAnnotations {

    private GithubAnnotations() {
    }

    /** Whether the environment is a GitHub Actions run. */
    public static boolean enabled(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    }

    public static List<String> lines(AuditResult result, Map<String, String> env) {
        return lines(result, env, Locale.ENGLISH);
    }

    /** The annotations with their titles, messages and remediations in the given language. */
    public static List<String> lines(AuditResult result, Map<String, String> env, Locale locale) {
        Locale lang = locale == null ? Locale.ENGLISH : locale;
        String prefix = prefix(result.root(), env.get("GITHUB_WORKSPACE"));
        List<String> out = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f.status() != Finding.Status.NEW) {
                continue;
            }
            StringBuilder b = new StringBuilder("::").append(command(f.severity())).append(' ');
            b.append("file=").append(property(prefix + (f.path().equals(".") ? "" : f.path())));
            if (f.line() > 0) {
                b.append(",line=").append(f.line());
                if (f.column() > 0) {
                    b.append(",col=").append(f.column());
                }
            }
            b.append(",title=").append(property(ReportTexts.t(lang, "report.annotation.title", f.ruleId(),
                    Gate.severity(f.severity()).render(lang))));
            String remediation = f.remediationIn(lang);
            b.append("::").append(data(f.messageIn(lang) + (f.remediation().isBlank() ? "" : "\n" + remediation)));
            out.add(b.toString());
        }
        return out;
    }

    static String command(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "notice";
        };
    }

    /**
     * Escaping of a command's message: line breaks as GitHub's escapes (they show as breaks), the rest visible, and
     * {@code ##[} broken as in console lines (a line that is a {@code ::} command is read as nothing else, but the
     * message is also what people copy).
     */
    public static String data(String s) {
        return githubEscaped(s).replace("##[", "##\\x5b");
    }

    /** Escaping of a command property value: a path keeps its {@code ##[}, so that the annotation lands on it. */
    public static String property(String s) {
        return githubEscaped(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static String githubEscaped(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int from = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '\r' || s.charAt(i) == '\n') {
                out.append(LineEscape.visible(s.substring(from, i)).replace("%", "%25"));
                if (i < s.length()) {
                    out.append(s.charAt(i) == '\r' ? "%0D" : "%0A");
                }
                from = i + 1;
            }
        }
        return out.toString();
    }

    static String prefix(Path root, String workspace) {
        if (root == null || workspace == null || workspace.isBlank()) {
            return "";
        }
        try {
            Path ws = Path.of(workspace).toRealPath();
            Path r = root.toRealPath();
            if (!r.startsWith(ws) || r.equals(ws)) {
                return "";
            }
            return ws.relativize(r).toString().replace(java.io.File.separatorChar, '/') + "/";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
