package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageCatalog;
import io.samokoder.model.compose.PortMapping;
import io.samokoder.model.markdown.MarkdownDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** README and docs promise monitoring components, URLs or ports that no compose service runs or publishes. */
@RuleInfo(id = "monitoring/claimed-but-missing", category = Category.MONITORING, severity = Severity.HIGH,
        summary = "README or docs claim a component, URL or port that no compose service runs or publishes.",
        remediation = "Add the component to docker-compose (publishing the documented port), or correct the"
                + " documentation to say how the component is actually started.",
        description = "Markdown files named README* and files under docs/ are read with flexmark. Claims: a URL on"
                + " localhost (`http://localhost:9090`, also inside code blocks) needs a compose service publishing"
                + " that host port, and so does \"Grafana on port 3000\" in prose; a sentence saying that `docker-compose up` / `docker compose up` starts"
                + " Prometheus, Grafana, Alertmanager, Loki, cAdvisor, exporters or \"monitoring\" needs those in the"
                + " services a plain `up` starts (default compose files, no profile). Text in code blocks counts only"
                + " for localhost URLs. Not findings: mentions of a component without a URL or an `up` claim, URLs on"
                + " other hosts, a port published by any compose file of the repository (also behind a profile).")
public final class ClaimedButMissingRule implements Rule {

    private static final Pattern LOCAL_URL = Pattern.compile(
            "(https?)://(localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?::(\\d{1,5}))?", Pattern.CASE_INSENSITIVE);
    /** "port 3000", "порт 3000", "port: 3000" next to a component name. */
    private static final Pattern PORT_WORD = Pattern.compile("(?<![\\p{L}])(?:port|порт\\p{L}*)\\s*:?\\s*(\\d{2,5})\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UP = Pattern.compile("docker[- ]compose\\b[^\\n]{0,80}?\\bup\\b",
            Pattern.CASE_INSENSITIVE);
    /** Component words: the component id, or "monitoring" for the generic stack. */
    private static final Map<String, Pattern> COMPONENTS = new LinkedHashMap<>();

    static {
        int f = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        COMPONENTS.put("prometheus", Pattern.compile("\\bprometheus\\b", f));
        COMPONENTS.put("grafana", Pattern.compile("\\bgrafana\\b", f));
        COMPONENTS.put("alertmanager", Pattern.compile("\\balert[- ]?manager\\b", f));
        COMPONENTS.put("loki", Pattern.compile("\\bloki\\b", f));
        COMPONENTS.put("cadvisor", Pattern.compile("\\bcadvisor\\b", f));
        COMPONENTS.put("node-exporter", Pattern.compile("\\bnode[-_ ]exporter\\b", f));
        COMPONENTS.put("postgres-exporter", Pattern.compile("\\bpostgres(?:ql)?[-_ ]exporter\\b", f));
        COMPONENTS.put("redis-exporter", Pattern.compile("\\bredis[-_ ]exporter\\b", f));
        COMPONENTS.put("monitoring", Pattern.compile("(?<![\\p{L}/.-])(?:monitoring|мониторинг\\p{L}*)(?![\\p{L}/-]|\\.\\p{L})", f));
    }

    private static final Map<String, String> TITLES = Map.of("prometheus", "Prometheus", "grafana", "Grafana",
            "alertmanager", "Alertmanager", "loki", "Loki", "cadvisor", "cAdvisor", "node-exporter", "node-exporter",
            "postgres-exporter", "postgres-exporter", "redis-exporter", "redis-exporter", "monitoring", "monitoring");

    @Override
    public boolean isApplicable(AuditContext context) {
        return !Monitoring.compose(context).isEmpty() && context.workspace().files().stream().anyMatch(this::inScope);
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        Set<String> in = new LinkedHashSet<>(Monitoring.compose(context).inputs());
        context.workspace().files().stream().filter(this::inScope).forEach(f -> in.add(f.path()));
        return in;
    }

    private boolean inScope(SourceFile f) {
        if (!FileKinds.isMarkdown(f.path())) {
            return false;
        }
        String p = "/" + f.path().toLowerCase(Locale.ROOT);
        return f.name().toLowerCase(Locale.ROOT).startsWith("readme") || p.contains("/docs/") || p.contains("/doc/");
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        ComposeProject compose = Monitoring.compose(context);
        for (SourceFile f : context.workspace().files()) {
            if (!inScope(f)) {
                continue;
            }
            String text = context.workspace().text(f).orElse(null);
            if (text == null) {
                continue;
            }
            // the docs model's parse: code, links and prose are where flexmark says, and the file is parsed once
            MarkdownDocument doc = MarkdownDocument.of(context, f);
            Set<String> seen = new LinkedHashSet<>();
            for (MarkdownDocument.Span span : doc.spans()) {
                String chars = text.substring(span.start(), Math.min(span.end(), text.length()));
                switch (span.kind()) {
                    case TEXT -> {
                        urls(f, chars, span.start(), compose, seen, sink);
                        ports(f, chars, span.start(), compose, seen, sink);
                    }
                    case CODE, CODE_BLOCK, HTML_BLOCK, LINK, AUTOLINK -> urls(f, chars, span.start(), compose, seen,
                            sink);
                    case BLOCK -> upClaim(f, chars, span.start(), compose, sink);
                    default -> {
                    }
                }
            }
        }
    }

    private void urls(SourceFile f, String chars, int base, ComposeProject compose, Set<String> seen,
                      FindingSink sink) {
        Matcher m = LOCAL_URL.matcher(chars);
        while (m.find()) {
            int port = m.group(3) != null ? Integer.parseInt(m.group(3))
                    : m.group(1).equalsIgnoreCase("https") ? 443 : 80;
            int line = f.lineOf(base + m.start());
            if (!seen.add(line + ":" + port) || port < 1 || port > 65535) {
                continue;
            }
            if (published(compose, port)) {
                continue;
            }
            String lineText = f.line(line);
            List<String> named = componentsIn(lineText);
            named.remove("monitoring");
            StringBuilder msg = new StringBuilder();
            String url = m.group();
            msg.append(named.isEmpty() ? "" : TITLES.get(named.get(0)) + " at ").append(url)
                    .append(" is claimed, but no compose service publishes host port ").append(port);
            if (!named.isEmpty() && !runs(compose.services(), named.get(0))) {
                msg.append(" and no compose service runs ").append(TITLES.get(named.get(0)));
            }
            msg.append(" (compose files: ").append(Monitoring.files(compose.stacks())).append(")");
            sink.report(Finding.of(this).at(f.path(), line, f.columnOf(base + m.start()))
                    .message(msg.toString())
                    .key("url|" + (named.isEmpty() ? "" : named.get(0)) + "|" + port).build());
        }
    }

    /** "Grafana on port 3000": a port named in prose next to a component. */
    private void ports(SourceFile f, String chars, int base, ComposeProject compose, Set<String> seen,
                       FindingSink sink) {
        Matcher m = PORT_WORD.matcher(chars);
        while (m.find()) {
            int port = Integer.parseInt(m.group(1));
            int line = f.lineOf(base + m.start());
            String lineText = f.line(line);
            int portColumn = f.columnOf(base + m.start()) - 1;
            String component = componentBefore(lineText, portColumn);
            if (component == null || port < 1 || port > 65535 || !seen.add(line + ":" + port)) {
                continue;
            }
            if (published(compose, port)) {
                continue;
            }
            List<String> named = List.of(component);
            String title = TITLES.get(named.get(0));
            sink.report(Finding.of(this).at(f.path(), line, f.columnOf(base + m.start()))
                    .message(title + " on port " + port + " is claimed, but no compose service publishes host port "
                            + port + (runs(compose.services(), named.get(0)) ? "" : " and no compose service runs "
                            + title) + " (compose files: " + Monitoring.files(compose.stacks()) + ")")
                    .key("port|" + named.get(0) + "|" + port).build());
        }
    }

    /** The component named in the same clause right before {@code column} ("Grafana listens on port 3000"). */
    private static String componentBefore(String line, int column) {
        String best = null;
        int bestEnd = -1;
        for (Map.Entry<String, Pattern> e : COMPONENTS.entrySet()) {
            if (e.getKey().equals("monitoring")) {
                continue;
            }
            Matcher m = e.getValue().matcher(line);
            while (m.find()) {
                if (m.end() <= column && m.end() > bestEnd) {
                    String between = line.substring(m.end(), Math.max(m.end(), Math.min(column, line.length())));
                    if (between.length() <= 40 && between.chars().noneMatch(c -> c == ',' || c == ';' || c == '.')) {
                        best = e.getKey();
                        bestEnd = m.end();
                    }
                }
            }
        }
        return best;
    }

    private void upClaim(SourceFile f, String chars, int base, ComposeProject compose, FindingSink sink) {
        Matcher up = UP.matcher(chars);
        if (!up.find()) {
            return;
        }
        List<String> named = componentsIn(chars);
        if (named.isEmpty()) {
            return;
        }
        List<ComposeService> defaults = servicesStartedBy(compose, f, up.group());
        List<String> missing = new ArrayList<>();
        for (String c : named) {
            boolean ok = c.equals("monitoring") ? runs(defaults, "prometheus") || runs(defaults, "grafana")
                    : runs(defaults, c);
            if (!ok) {
                missing.add(TITLES.get(c));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        defaults.forEach(s -> names.add(s.name()));
        int line = f.lineOf(base + up.start());
        sink.report(Finding.of(this).at(f.path(), line)
                .message("claims that `" + up.group() + "` starts " + String.join(", ", missing)
                        + ", but the services a plain `up` starts are " + Monitoring.list(names) + " (compose files: "
                        + Monitoring.files(compose.stacks()) + ")")
                .key("up|" + String.join(",", missing)).build());
    }

    /**
     * The services the documented command starts: with {@code -f}/{@code --file}, the services those files define
     * (merged in their project); with {@code --profile}, also the services of those profiles; otherwise the default
     * services.
     */
    private static List<ComposeService> servicesStartedBy(ComposeProject compose, SourceFile md, String command) {
        List<String> words = List.of(command.trim().split("\\s+"));
        List<String> files = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).replaceAll("[`'\"]", "");
            String next = i + 1 < words.size() ? words.get(i + 1).replaceAll("[`'\"]", "") : "";
            if (w.equals("-f") || w.equals("--file")) {
                files.add(next);
            } else if (w.startsWith("--file=")) {
                files.add(w.substring(7));
            } else if (w.equals("--profile")) {
                profiles.add(next);
            } else if (w.startsWith("--profile=")) {
                profiles.add(w.substring(10));
            }
        }
        List<ComposeService> out = new ArrayList<>();
        if (!files.isEmpty()) {
            for (String file : files) {
                String name = file.contains("/") ? file.substring(file.lastIndexOf('/') + 1) : file;
                for (ComposeStack s : compose.stacks()) {
                    for (ComposeService svc : s.services().values()) {
                        boolean fromFile = svc.sourceFiles().stream().anyMatch(p -> p.equals(file) || p.endsWith("/" + name)
                                || p.equals(name));
                        if (fromFile && !out.contains(svc)) {
                            out.add(svc);
                        }
                    }
                }
            }
        } else {
            out.addAll(defaultServices(compose, md));
        }
        if (!profiles.isEmpty()) {
            for (ComposeStack s : compose.stacks()) {
                for (ComposeService svc : s.services().values()) {
                    if (svc.profiles().stream().anyMatch(profiles::contains) && !out.contains(svc)) {
                        out.add(svc);
                    }
                }
            }
        }
        return out;
    }

    /** Default services of the stack in the Markdown file's folder or above, else of every stack. */
    private static List<ComposeService> defaultServices(ComposeProject compose, SourceFile f) {
        String folder = f.folder();
        while (true) {
            for (ComposeStack s : compose.stacks()) {
                if (s.directory().equals(folder) && !s.defaultFiles().isEmpty()) {
                    return new ArrayList<>(s.defaultServices().values());
                }
            }
            if (folder.isEmpty()) {
                break;
            }
            folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
        }
        List<ComposeService> all = new ArrayList<>();
        compose.stacks().forEach(s -> all.addAll(s.defaultServices().values()));
        return all;
    }

    private static List<String> componentsIn(String text) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : COMPONENTS.entrySet()) {
            if (e.getValue().matcher(text).find()) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static boolean runs(List<ComposeService> services, String component) {
        for (ComposeService s : services) {
            if (ImageCatalog.component(s).filter(component::equals).isPresent()
                    || s.image().isEmpty() && s.name().equalsIgnoreCase(component)) {
                return true;
            }
        }
        return false;
    }

    private static boolean published(ComposeProject compose, int port) {
        for (ComposeService s : compose.services()) {
            if (s.usesHostNetwork() && s.declaresContainerPort(port)) {
                return true;
            }
            if (s.usesHostNetwork()) {
                var known = s.imageReference().flatMap(ImageCatalog::lookup);
                if (known.isPresent() && known.get().ports().contains(port)) {
                    return true;
                }
            }
            for (PortMapping p : s.ports()) {
                if (p.publishes(port) && p.reachableOnLocalhost()) {
                    return true;
                }
            }
        }
        return false;
    }
}
