package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.Workspace;
import io.samokoder.model.compose.Mount;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfigs;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A {@code rule_files} or {@code file_sd_configs} entry that matches no file Prometheus can see. */
@RuleInfo(id = "monitoring/rule-file-missing", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "A Prometheus rule_files or file_sd_configs entry matches no file.",
        remediation = "Fix the path or glob, or mount the folder holding the files into the Prometheus container at"
                + " the path the config names.",
        description = "Container paths (`/etc/prometheus/rules/*.yml`) are resolved back to repository paths through"
                + " the bind mounts of the compose service that runs the config (`./monitoring/prometheus:"
                + "/etc/prometheus`). When no compose service runs the config, the image's layout is assumed: the"
                + " config's folder is `/etc/prometheus`. Relative entries are relative to the config file, as"
                + " Prometheus reads them. Globs follow Go's filepath.Match (`*`, `?`, `[...]`, one path segment)."
                + " Not findings: container paths no bind mount covers when the service builds its own image (the"
                + " files may be copied in), and absolute paths outside `/etc/prometheus` when nothing runs the"
                + " config.")
public final class RuleFileMissingRule implements Rule {

    @Override
    public boolean isApplicable(AuditContext context) {
        return Monitoring.prometheus(context).configs().stream()
                .anyMatch(c -> !c.ruleFiles().isEmpty() || !c.fileSdFiles().isEmpty());
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return Set.of("**");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        PrometheusConfigs prom = Monitoring.prometheus(context);
        for (PrometheusConfig cfg : prom.configs()) {
            List<PrometheusConfigs.Runner> runners = prom.runnersOf(cfg.path());
            for (PrometheusConfig.PathEntry e : cfg.ruleFiles()) {
                check(context, cfg, runners, e, "rule_files entry", sink);
            }
            for (PrometheusConfig.PathEntry e : cfg.fileSdFiles()) {
                check(context, cfg, runners, e, "file_sd_configs file (job " + e.job() + ")", sink);
            }
        }
    }

    private void check(AuditContext ctx, PrometheusConfig cfg, List<PrometheusConfigs.Runner> runners,
                       PrometheusConfig.PathEntry e, String what, FindingSink sink) {
        String pattern = e.pattern();
        String folder = cfg.path().contains("/") ? cfg.path().substring(0, cfg.path().lastIndexOf('/')) : "";
        if (!pattern.startsWith("/")) {
            String repo = Workspace.normalize(folder.isEmpty() ? pattern : folder + "/" + pattern);
            if (!matchesAny(ctx, repo)) {
                report(cfg, e, what, "no file of the repository matches " + repo, sink);
            }
            return;
        }
        String dir = staticPrefix(pattern);
        String rest = dir.equals("/") ? pattern.substring(1) : pattern.substring(dir.length()).replaceFirst("^/+", "");
        if (runners.isEmpty()) {
            if (dir.equals("/etc/prometheus") || dir.startsWith("/etc/prometheus/")) {
                String mapped = folder + dir.substring("/etc/prometheus".length());
                String repo = Workspace.normalize(rest.isEmpty() ? mapped : mapped + "/" + rest);
                if (!matchesAny(ctx, repo)) {
                    report(cfg, e, what, "no compose service runs this config; with the config's folder as"
                            + " /etc/prometheus it maps to " + repo + ", which matches no file", sink);
                }
            }
            return;
        }
        for (PrometheusConfigs.Runner r : runners) {
            if (fileMountMatches(ctx, r, pattern)) {
                continue;
            }
            Optional<Mount> mount = r.service().mountAt(dir);
            Optional<String> repoDir = r.service().repositoryPathAt(dir);
            if (mount.isEmpty() || repoDir.isEmpty()) {
                if (!r.service().hasBuild()) {
                    report(cfg, e, what, "no bind mount of service '" + r.service().name() + "' ("
                            + r.service().location() + ") provides " + (dir.equals(pattern) ? pattern : dir)
                            + " inside the container", sink);
                }
                continue;
            }
            String repo = Workspace.normalize(rest.isEmpty() ? repoDir.get() : repoDir.get() + "/" + rest);
            if (!matchesAny(ctx, repo)) {
                report(cfg, e, what, "it maps to " + repo + " through the mount '" + mount.get().source().value()
                        + "' of service '" + r.service().name() + "' (" + mount.get().location()
                        + "), which matches no file", sink);
            }
        }
    }

    /** A single file mounted into the container at a path the pattern matches (bind of a file, swarm config). */
    private static boolean fileMountMatches(AuditContext ctx, PrometheusConfigs.Runner r, String pattern) {
        Pattern p;
        try {
            p = Pattern.compile(toRegex(pattern));
        } catch (java.util.regex.PatternSyntaxException ex) {
            return false;
        }
        for (Mount m : r.service().volumes()) {
            if (m.repositoryPath().isPresent() && p.matcher(m.target()).matches()
                    && ctx.workspace().exists(m.repositoryPath().get())
                    && !ctx.workspace().isDirectory(m.repositoryPath().get())) {
                return true;
            }
        }
        return false;
    }

    private void report(PrometheusConfig cfg, PrometheusConfig.PathEntry e, String what, String why, FindingSink sink) {
        sink.report(Finding.of(this).at(cfg.path(), e.location().line(), e.location().column())
                .message(what + " '" + e.pattern() + "' matches nothing: " + why)
                .key(e.pattern()).build());
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

    /** Whether a repository glob (Go filepath.Match syntax) matches a file. */
    static boolean matchesAny(AuditContext ctx, String glob) {
        if (!glob.matches(".*[*?\\[].*")) {
            return ctx.workspace().exists(glob) && !ctx.workspace().isDirectory(glob);
        }
        Pattern p;
        try {
            p = Pattern.compile(toRegex(glob));
        } catch (java.util.regex.PatternSyntaxException ex) {
            return false; // Prometheus rejects the pattern too
        }
        // Prometheus globs each path segment on its own (filepath.Glob): no wildcard crosses '/', so only files in
        // the literal folder before the first wildcard, with as many segments as the glob, can match
        int segments = segments(glob);
        for (String f : ctx.workspace().filePathsUnder(literalFolder(glob))) {
            if (segments(f) == segments && p.matcher(f).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int segments(String path) {
        int n = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    // "rules/app/*.yml" -> "rules/app"; "*" + "/x.yml" and "*.yml" -> ""
    static String literalFolder(String glob) {
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
}
