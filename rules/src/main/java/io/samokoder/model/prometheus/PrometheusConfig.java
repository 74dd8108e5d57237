package io.samokoder.model.prometheus;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.Location;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Prometheus configuration file: scrape jobs with their static targets, {@code file_sd_configs} files and
 * {@code dns_sd_configs}, the Alertmanagers it sends to, and its {@code rule_files}. Every entry keeps its line.
 * Prometheus does not expand environment variables in its config, so values are taken as written.
 */
public final class PrometheusConfig {

    /** What a target is for. */
    public enum Role { SCRAPE, ALERTMANAGER }

    /**
     * One {@code static_configs} target.
     *
     * @param text            as written ({@code postgres-exporter:9187})
     * @param host            host part, lower-cased, without brackets; empty when the target does not parse
     * @param port            the port when written
     * @param role            scrape target or Alertmanager
     * @param job             the job name (for Alertmanagers: {@code alertmanagers[i]})
     * @param scheme          {@code http} or {@code https} (the job's scheme)
     * @param addressRewritten the job's relabelling replaces {@code __address__} (blackbox-style probing): the target
     *                        is a probed URL or module argument, not the host Prometheus connects to
     */
    public record Target(String text, String host, Optional<Integer> port, Role role, String job, String scheme,
                         boolean addressRewritten, Location location) {

        /** The port Prometheus connects to: the written one or the scheme's default. */
        public int effectivePort() {
            return port.orElse(scheme.equals("https") ? 443 : 80);
        }
    }

    /** A file or glob named by {@code file_sd_configs.files} or {@code rule_files}. */
    public record PathEntry(String pattern, String job, Location location) {
    }

    /** A {@code dns_sd_configs} entry: each name with the record type and port. */
    public record DnsSd(List<String> names, String type, Optional<Integer> port, String job, Role role,
                        Location location) {
    }

    /** A scrape job. */
    public record Job(String name, Location location, String scheme, List<Target> targets, List<PathEntry> fileSd,
                      List<DnsSd> dnsSd, List<String> otherDiscovery) {
    }

    private final String path;
    private final boolean usable;
    private final List<Job> jobs;
    private final List<Target> alertmanagerTargets;
    private final List<DnsSd> alertmanagerDns;
    private final List<PathEntry> alertmanagerFileSd;
    private final List<PathEntry> ruleFiles;

    private PrometheusConfig(String path, boolean usable, List<Job> jobs, List<Target> alertmanagerTargets,
                             List<DnsSd> alertmanagerDns, List<PathEntry> alertmanagerFileSd, List<PathEntry> ruleFiles) {
        this.path = path;
        this.usable = usable;
        this.jobs = List.copyOf(jobs);
        this.alertmanagerTargets = List.copyOf(alertmanagerTargets);
        this.alertmanagerDns = List.copyOf(alertmanagerDns);
        this.alertmanagerFileSd = List.copyOf(alertmanagerFileSd);
        this.ruleFiles = List.copyOf(ruleFiles);
    }

    public String path() {
        return path;
    }

    /** Whether the file is a Prometheus config at all: YAML mapping with {@code scrape_configs}, {@code global},
     * {@code alerting} or {@code rule_files} and no rule-file {@code groups:}. */
    public boolean isUsable() {
        return usable;
    }

    public List<Job> jobs() {
        return jobs;
    }

    /** Static targets of all jobs, in file order. */
    public List<Target> scrapeTargets() {
        List<Target> out = new ArrayList<>();
        jobs.forEach(j -> out.addAll(j.targets()));
        return out;
    }

    /** {@code alerting.alertmanagers[].static_configs} targets. */
    public List<Target> alertmanagerTargets() {
        return alertmanagerTargets;
    }

    /** Scrape and Alertmanager static targets, in file order. */
    public List<Target> allTargets() {
        List<Target> out = new ArrayList<>(scrapeTargets());
        out.addAll(alertmanagerTargets);
        out.sort((a, b) -> Integer.compare(a.location().line(), b.location().line()));
        return out;
    }

    public List<DnsSd> dnsSd() {
        List<DnsSd> out = new ArrayList<>();
        jobs.forEach(j -> out.addAll(j.dnsSd()));
        out.addAll(alertmanagerDns);
        return out;
    }

    /** {@code file_sd_configs} files of jobs and Alertmanagers. */
    public List<PathEntry> fileSdFiles() {
        List<PathEntry> out = new ArrayList<>();
        jobs.forEach(j -> out.addAll(j.fileSd()));
        out.addAll(alertmanagerFileSd);
        return out;
    }

    public List<PathEntry> ruleFiles() {
        return ruleFiles;
    }

    /** Whether a parsed YAML document looks like a Prometheus server config. */
    public static boolean looksLikePrometheus(YamlDocument doc) {
        Map<String, Node> root = doc.rootMapping();
        if (root.containsKey("groups") || root.containsKey("route") || root.containsKey("receivers")) {
            return false;
        }
        return root.containsKey("scrape_configs") || root.containsKey("rule_files")
                || root.containsKey("alerting") && root.containsKey("global")
                || root.containsKey("global") && YamlDocument.mapping(root.get("global")).containsKey("scrape_interval");
    }

    /** Parses a loaded YAML file; never throws. */
    public static PrometheusConfig parse(String path, YamlDocument doc) {
        List<Job> jobs = new ArrayList<>();
        List<Target> am = new ArrayList<>();
        List<DnsSd> amDns = new ArrayList<>();
        List<PathEntry> amFiles = new ArrayList<>();
        List<PathEntry> rules = new ArrayList<>();
        boolean usable = doc.isUsable() && doc.root().orElse(null) instanceof MappingNode && looksLikePrometheus(doc);
        if (!usable) {
            return new PrometheusConfig(path, false, jobs, am, amDns, amFiles, rules);
        }
        Map<String, Node> root = doc.rootMapping();
        for (Node r : YamlDocument.sequence(root.get("rule_files"))) {
            YamlDocument.scalar(r).filter(s -> !s.isBlank())
                    .ifPresent(s -> rules.add(new PathEntry(s.trim(), "", loc(path, r))));
        }
        Map<String, Node> alerting = YamlDocument.mapping(root.get("alerting"));
        int i = 0;
        for (Node a : YamlDocument.sequence(alerting.get("alertmanagers"))) {
            Map<String, Node> m = YamlDocument.mapping(a);
            String scheme = scheme(m);
            String job = "alertmanagers[" + i++ + "]";
            targets(path, m, Role.ALERTMANAGER, job, scheme, false, am);
            dns(path, m, Role.ALERTMANAGER, job, amDns);
            fileSd(path, m, job, amFiles);
        }
        for (Node j : YamlDocument.sequence(root.get("scrape_configs"))) {
            Map<String, Node> m = YamlDocument.mapping(j);
            if (m.isEmpty()) {
                continue;
            }
            String name = YamlDocument.scalar(m.get("job_name")).orElse("");
            String scheme = scheme(m);
            boolean rewritten = rewritesAddress(m);
            List<Target> targets = new ArrayList<>();
            targets(path, m, Role.SCRAPE, name, scheme, rewritten, targets);
            replacementAddress(path, m, name, scheme).ifPresent(targets::add);
            List<DnsSd> dns = new ArrayList<>();
            dns(path, m, Role.SCRAPE, name, dns);
            List<PathEntry> files = new ArrayList<>();
            fileSd(path, m, name, files);
            List<String> other = new ArrayList<>();
            for (String k : m.keySet()) {
                if (k.endsWith("_sd_configs") && !k.equals("dns_sd_configs") && !k.equals("file_sd_configs")) {
                    other.add(k);
                }
            }
            jobs.add(new Job(name, loc(path, m.getOrDefault("job_name", j)), scheme, targets, files, dns, other));
        }
        return new PrometheusConfig(path, true, jobs, am, amDns, amFiles, rules);
    }

    private static Location loc(String path, Node n) {
        return new Location(path, YamlDocument.line(n), YamlDocument.column(n));
    }

    private static String scheme(Map<String, Node> m) {
        return YamlDocument.scalar(m.get("scheme")).map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("http");
    }

    private static boolean rewritesAddress(Map<String, Node> job) {
        for (Node r : YamlDocument.sequence(job.get("relabel_configs"))) {
            Map<String, Node> m = YamlDocument.mapping(r);
            if (YamlDocument.scalar(m.get("target_label")).map(String::trim).filter("__address__"::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The fixed {@code replacement} a relabel rule writes to {@code __address__} (the exporter probing the targets). */
    private static Optional<Target> replacementAddress(String path, Map<String, Node> job, String name, String scheme) {
        Target found = null;
        for (Node r : YamlDocument.sequence(job.get("relabel_configs"))) {
            Map<String, Node> m = YamlDocument.mapping(r);
            boolean address = YamlDocument.scalar(m.get("target_label")).map(String::trim)
                    .filter("__address__"::equals).isPresent();
            String action = YamlDocument.scalar(m.get("action")).orElse("replace").trim();
            Node rep = m.get("replacement");
            Optional<String> text = YamlDocument.scalar(rep).map(String::trim);
            if (address && action.equals("replace") && text.isPresent() && !text.get().contains("$")
                    && !text.get().isEmpty()) {
                found = target(text.get(), Role.SCRAPE, name, scheme, false, loc(path, rep));
            }
        }
        return Optional.ofNullable(found);
    }

    private static void targets(String path, Map<String, Node> m, Role role, String job, String scheme,
                                boolean rewritten, List<Target> out) {
        for (Node sc : YamlDocument.sequence(m.get("static_configs"))) {
            for (Node t : YamlDocument.sequence(YamlDocument.mapping(sc).get("targets"))) {
                if (t instanceof ScalarNode s && !YamlDocument.isNull(t)) {
                    out.add(target(s.getValue(), role, job, scheme, rewritten, loc(path, t)));
                }
            }
        }
    }

    /** A target read from a {@code file_sd_configs} file (JSON or YAML), at its place in that file. */
    public static Target fileSdTarget(String text, String job, String path, int line, int column) {
        return target(text, Role.SCRAPE, job, "http", false, new Location(path, line, column));
    }

    static Target target(String text, Role role, String job, String scheme, boolean rewritten, Location location) {
        String s = text.trim();
        int sep = s.indexOf("://");
        String sch = scheme;
        if (sep >= 0) {
            sch = s.substring(0, sep).toLowerCase(Locale.ROOT);
            s = s.substring(sep + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        String host = s;
        Optional<Integer> port = Optional.empty();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            host = close < 0 ? s.substring(1) : s.substring(1, close);
            if (close >= 0 && close + 1 < s.length() && s.charAt(close + 1) == ':') {
                port = parsePort(s.substring(close + 2));
            }
        } else {
            int colon = s.lastIndexOf(':');
            if (colon >= 0 && s.indexOf(':') == colon) {
                host = s.substring(0, colon);
                port = parsePort(s.substring(colon + 1));
            }
        }
        return new Target(text, host.toLowerCase(Locale.ROOT), port, role, job, sch, rewritten, location);
    }

    private static Optional<Integer> parsePort(String p) {
        try {
            int v = Integer.parseInt(p.trim());
            return v > 0 && v <= 65535 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void dns(String path, Map<String, Node> m, Role role, String job, List<DnsSd> out) {
        for (Node d : YamlDocument.sequence(m.get("dns_sd_configs"))) {
            Map<String, Node> dm = YamlDocument.mapping(d);
            List<String> names = new ArrayList<>();
            for (Node n : YamlDocument.sequence(dm.get("names"))) {
                YamlDocument.scalar(n).ifPresent(names::add);
            }
            String type = YamlDocument.scalar(dm.get("type")).orElse("SRV").toUpperCase(Locale.ROOT);
            Optional<Integer> port = YamlDocument.scalar(dm.get("port")).flatMap(PrometheusConfig::parsePort);
            out.add(new DnsSd(names, type, port, job, role, loc(path, d)));
        }
    }

    private static void fileSd(String path, Map<String, Node> m, String job, List<PathEntry> out) {
        for (Node f : YamlDocument.sequence(m.get("file_sd_configs"))) {
            for (Node n : YamlDocument.sequence(YamlDocument.mapping(f).get("files"))) {
                YamlDocument.scalar(n).filter(s -> !s.isBlank())
                        .ifPresent(s -> out.add(new PathEntry(s.trim(), job, loc(path, n))));
            }
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
