package io.samokoder.model.compose;

import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.i18n.Text;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.Location;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Turns one compose file's YAML tree into a {@link ComposeFile}. Never throws on bad input. */
final class ComposeFileParser {

    static final Set<String> TOP_LEVEL_KEYS = Set.of("version", "name", "include", "services", "networks", "volumes",
            "secrets", "configs", "models");

    static final Set<String> SERVICE_KEYS = Set.of("annotations", "attach", "blkio_config", "build", "cap_add",
            "cap_drop", "cgroup", "cgroup_parent", "command", "configs", "container_name", "cpu_count", "cpu_percent",
            "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares", "cpus", "cpuset",
            "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns", "dns_opt",
            "dns_search", "domainname", "driver_opts", "entrypoint", "env_file", "environment", "expose", "extends",
            "external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc",
            "isolation", "label_file", "labels", "links", "logging", "mac_address", "mem_limit", "mem_reservation",
            "mem_swappiness", "memswap_limit", "models", "network_mode", "networks", "oom_kill_disable",
            "oom_score_adj", "pid", "pids_limit", "platform", "ports", "post_start", "pre_stop", "privileged",
            "profiles", "provider", "pull_policy", "read_only", "restart", "runtime", "scale", "secrets",
            "security_opt", "shm_size", "stdin_open", "stop_grace_period", "stop_signal", "storage_opt", "sysctls",
            "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts", "volumes", "volumes_from",
            "working_dir");

    private final String path;
    private final String folder;
    private final Function<String, Optional<String>> lookup;
    private final List<ComposeProblem> problems = new ArrayList<>();
    /** Top-level {@code configs:} and {@code secrets:} with a {@code file:}: name to repository path. */
    private final Map<String, Optional<String>> fileObjects = new LinkedHashMap<>();
    /** Top-level {@code secrets:} with a {@code file:}, in file order. */
    private final List<ComposeFile.FileSecret> fileSecrets = new ArrayList<>();

    private ComposeFileParser(String path, String folder, Function<String, Optional<String>> lookup) {
        this.path = path;
        this.folder = folder;
        this.lookup = lookup;
    }

    static ComposeFile parse(String path, YamlDocument doc, Function<String, Optional<String>> lookup,
                             Optional<String> environmentFile) {
        int slash = path.lastIndexOf('/');
        return parse(path, slash < 0 ? "" : path.substring(0, slash), doc, lookup, environmentFile);
    }

    /**
     * @param folder the project folder relative paths start at: the file's own, or the first file's of the
     *               {@code docker compose -f first -f this} that runs it as an overlay (compose resolves every file's
     *               relative paths against the project folder)
     */
    static ComposeFile parse(String path, String folder, YamlDocument doc, Function<String, Optional<String>> lookup,
                             Optional<String> environmentFile) {
        return new ComposeFileParser(path, folder, lookup).run(doc, environmentFile);
    }

    private ComposeFile run(YamlDocument doc, Optional<String> environmentFile) {
        Map<String, ComposeService> services = new LinkedHashMap<>();
        Map<String, ComposeFile.Extends> extendsBy = new LinkedHashMap<>();
        List<ComposeFile.Include> includes = new ArrayList<>();
        List<String> networks = new ArrayList<>();
        List<String> external = new ArrayList<>();
        List<String> volumes = new ArrayList<>();
        List<String> extensions = new ArrayList<>();
        Optional<String> name = Optional.empty();
        boolean usable = doc.isUsable() && doc.root().isPresent() && doc.root().get() instanceof MappingNode;
        if (!doc.isUsable()) {
            problems.add(new ComposeProblem(ComposeProblem.Kind.YAML, Location.of(path,
                    doc.problems().isEmpty() ? 1 : doc.problems().get(0).line()),
                            Text.of("model.compose.yamlNotLoaded")));
        } else if (doc.root().isPresent() && !usable) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, doc.root().get(),
                    Text.of("model.compose.topNotMapping")));
        }
        if (usable) {
            Node root = doc.root().get();
            Map<String, Node> top = YamlDocument.mapping(root);
            Map<String, Node> topKeys = YamlDocument.mappingKeys(root);
            for (Map.Entry<String, Node> e : top.entrySet()) {
                String key = e.getKey();
                if (key.startsWith("x-")) {
                    extensions.add(key);
                } else if (!TOP_LEVEL_KEYS.contains(key)) {
                    problems.add(problem(ComposeProblem.Kind.UNKNOWN_KEY, topKeys.getOrDefault(key, e.getValue()),
                            Text.of("model.compose.unknownTopKey", key)));
                }
            }
            name = Optional.ofNullable(top.get("name")).flatMap(YamlDocument::scalar).map(s -> value(top.get("name")).value());
            Node inc = top.get("include");
            if (inc != null && !YamlDocument.isNull(inc)) {
                includes(inc, includes);
            }
            for (String kind : List.of("configs", "secrets")) {
                for (Map.Entry<String, Node> e : YamlDocument.mapping(top.get(kind)).entrySet()) {
                    Node file = YamlDocument.mapping(e.getValue()).get("file");
                    if (file instanceof ScalarNode && !YamlDocument.isNull(file)) {
                        ComposeValue v = value(file);
                        Optional<String> repo = repoPath(v.value());
                        fileObjects.put(kind + ":" + e.getKey(), repo);
                        if (kind.equals("secrets")) {
                            fileSecrets.add(new ComposeFile.FileSecret(e.getKey(), v, repo));
                        }
                    } else {
                        fileObjects.put(kind + ":" + e.getKey(), Optional.empty());
                    }
                }
            }
            networks.addAll(names(top.get("networks")));
            for (Map.Entry<String, Node> e : YamlDocument.mapping(top.get("networks")).entrySet()) {
                Node ext = YamlDocument.mapping(e.getValue()).get("external");
                if (ext instanceof MappingNode || YamlDocument.scalar(ext).filter("true"::equalsIgnoreCase).isPresent()) {
                    external.add(e.getKey());
                }
            }
            volumes.addAll(names(top.get("volumes")));
            Node svcs = top.get("services");
            if (svcs != null && !YamlDocument.isNull(svcs)) {
                if (!(svcs instanceof MappingNode)) {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, svcs,
                            Text.of("model.compose.mustBe", "services", Text.of("model.compose.aMapping"))));
                } else {
                    Map<String, Node> keys = YamlDocument.mappingKeys(svcs);
                    for (Map.Entry<String, Node> e : YamlDocument.mapping(svcs).entrySet()) {
                        if (e.getKey().startsWith("x-")) {
                            continue;
                        }
                        Node keyNode = keys.getOrDefault(e.getKey(), e.getValue());
                        Location loc = loc(keyNode);
                        if (!(e.getValue() instanceof MappingNode)) {
                            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, keyNode,
                                    Text.of("model.compose.serviceNotMapping", e.getKey())));
                            if (!YamlDocument.isNull(e.getValue())) {
                                continue;
                            }
                        }
                        ComposeService s = new ComposeService(e.getKey(), loc);
                        service(s, e.getValue(), extendsBy);
                        services.put(e.getKey(), s);
                    }
                }
            }
        }
        return new ComposeFile(path, folder, usable, name, services, extendsBy, includes, networks, external, volumes, extensions,
                fileSecrets, environmentFile, problems);
    }

    // ---- helpers ----

    private Location loc(Node n) {
        return new Location(path, YamlDocument.line(n), YamlDocument.column(n));
    }

    private ComposeProblem problem(ComposeProblem.Kind kind, Node n, Text message) {
        return new ComposeProblem(kind, loc(n), message);
    }

    /** Interpolates a scalar node; records interpolation errors as problems. */
    ComposeValue value(Node n) {
        String raw = YamlDocument.scalar(n).orElse("");
        Interpolation.Result r = Interpolation.interpolate(raw, lookup);
        for (Text err : r.errorTexts()) {
            ComposeProblem.Kind kind = err.key().startsWith("model.interpolation.required")
                    ? ComposeProblem.Kind.REQUIRED_VARIABLE : ComposeProblem.Kind.INTERPOLATION;
            problems.add(new ComposeProblem(kind, loc(n), err));
        }
        return ComposeValue.of(r, loc(n));
    }

    private Optional<ComposeValue> scalarValue(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return Optional.empty();
        }
        if (!(n instanceof ScalarNode)) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", key, Text.of("model.compose.aString"))));
            return Optional.empty();
        }
        return Optional.of(value(n));
    }

    private List<Node> list(Map<String, Node> m, String key) {
        Node n = m.get(key);
        if (n == null || YamlDocument.isNull(n)) {
            return List.of();
        }
        if (!(n instanceof SequenceNode)) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", key, Text.of("model.compose.aList"))));
            return List.of();
        }
        return YamlDocument.sequence(n);
    }

    private List<String> names(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof MappingNode) {
            out.addAll(YamlDocument.mapping(n).keySet());
        }
        return out;
    }

    private void includes(Node inc, List<ComposeFile.Include> out) {
        if (!(inc instanceof SequenceNode)) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, inc,
                    Text.of("model.compose.mustBe", "include", Text.of("model.compose.aList"))));
            return;
        }
        for (Node item : YamlDocument.sequence(inc)) {
            if (item instanceof ScalarNode) {
                out.add(new ComposeFile.Include(List.of(value(item)), Optional.empty(), List.of(), loc(item)));
            } else if (item instanceof MappingNode) {
                Map<String, Node> m = YamlDocument.mapping(item);
                List<ComposeValue> paths = stringOrList(m.get("path"), "path");
                List<ComposeValue> envFiles = stringOrList(m.get("env_file"), "env_file");
                if (paths.isEmpty()) {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, item,
                            Text.of("model.compose.entryWithout", "include", "path")));
                    continue;
                }
                out.add(new ComposeFile.Include(paths, scalarValue(m, "project_directory"), envFiles, loc(item)));
            } else {
                problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, item, Text.of("model.compose.includeEntryType")));
            }
        }
    }

    private List<ComposeValue> stringOrList(Node n, String key) {
        List<ComposeValue> out = new ArrayList<>();
        if (n == null || YamlDocument.isNull(n)) {
            return out;
        }
        if (n instanceof ScalarNode) {
            out.add(value(n));
        } else if (n instanceof SequenceNode) {
            for (Node i : YamlDocument.sequence(n)) {
                if (i instanceof ScalarNode) {
                    out.add(value(i));
                } else {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, i,
                            Text.of("model.compose.itemsMustBe", key, Text.of("model.compose.strings"))));
                }
            }
        } else {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", key, Text.of("model.compose.aStringOrList"))));
        }
        return out;
    }

    private void service(ComposeService s, Node node, Map<String, ComposeFile.Extends> extendsBy) {
        Map<String, Node> m = YamlDocument.mapping(node);
        Map<String, Node> keys = YamlDocument.mappingKeys(node);
        for (Map.Entry<String, Node> e : m.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith("x-") && !SERVICE_KEYS.contains(key)) {
                problems.add(problem(ComposeProblem.Kind.UNKNOWN_KEY, keys.getOrDefault(key, e.getValue()),
                        Text.of("model.compose.unknownServiceKey", s.name, key)));
            }
        }
        s.image = scalarValue(m, "image");
        s.containerName = scalarValue(m, "container_name");
        s.hostname = scalarValue(m, "hostname");
        s.networkMode = scalarValue(m, "network_mode");
        s.build = m.containsKey("build") && !YamlDocument.isNull(m.get("build"));
        s.buildSpec = s.build ? build(m.get("build")) : Optional.empty();
        for (String k : List.of("restart", "user", "privileged", "working_dir", "pull_policy", "platform", "init",
                "read_only", "stop_signal", "stop_grace_period", "mem_limit", "cpus", "pid", "ipc", "runtime")) {
            Node n = m.get(k);
            if (n instanceof ScalarNode && !YamlDocument.isNull(n)) {
                s.scalars.put(k, value(n));
            }
        }
        networks(s, m.get("networks"));
        for (Node l : list(m, "links")) {
            if (l instanceof ScalarNode) {
                String v = value(l).value().trim();
                int colon = v.indexOf(':');
                String svc = colon < 0 ? v : v.substring(0, colon);
                String alias = colon < 0 ? v : v.substring(colon + 1);
                s.links.add(new ComposeService.Link(svc, alias, loc(l)));
            } else {
                problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, l,
                        Text.of("model.compose.itemsMustBe", "links", Text.of("model.compose.strings"))));
            }
        }
        for (Node p : list(m, "ports")) {
            PortParser.port(this, p).ifPresent(s.ports::add);
        }
        for (Node p : list(m, "expose")) {
            PortParser.expose(this, p).ifPresent(s.expose::add);
        }
        for (Node v : list(m, "volumes")) {
            volume(v).ifPresent(s.volumes::add);
        }
        fileObjects(s, m, "configs");
        fileObjects(s, m, "secrets");
        environment(s, m.get("environment"));
        Node envFile = m.get("env_file");
        if (envFile instanceof SequenceNode) {
            for (Node i : YamlDocument.sequence(envFile)) {
                if (i instanceof ScalarNode) {
                    s.envFiles.add(value(i));
                } else if (i instanceof MappingNode) {
                    Node p = YamlDocument.mapping(i).get("path");
                    if (p instanceof ScalarNode) {
                        s.envFiles.add(value(p));
                    } else {
                        problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, i,
                                Text.of("model.compose.entryWithout", "env_file", "path")));
                    }
                } else {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, i,
                            Text.of("model.compose.itemsMustBe", "env_file", Text.of("model.compose.strings"))));
                }
            }
        } else {
            s.envFiles.addAll(stringOrList(envFile, "env_file"));
        }
        s.entrypoint = commandLike(m.get("entrypoint"), "entrypoint");
        s.command = commandLike(m.get("command"), "command");
        for (ComposeValue p : stringOrList(m.get("profiles"), "profiles")) {
            s.profiles.add(p.value());
        }
        Node deps = m.get("depends_on");
        if (deps instanceof SequenceNode) {
            for (Node d : YamlDocument.sequence(deps)) {
                YamlDocument.scalar(d).ifPresent(s.dependsOn::add);
            }
        } else if (deps instanceof MappingNode) {
            s.dependsOn.addAll(YamlDocument.mapping(deps).keySet());
        }
        Node ext = m.get("extends");
        if (ext instanceof ScalarNode && !YamlDocument.isNull(ext)) {
            extendsBy.put(s.name, new ComposeFile.Extends(value(ext).value(), Optional.empty(), loc(ext)));
        } else if (ext instanceof MappingNode) {
            Map<String, Node> em = YamlDocument.mapping(ext);
            Optional<ComposeValue> svc = scalarValue(em, "service");
            if (svc.isEmpty()) {
                problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, ext,
                        Text.of("model.compose.extendsNeedsService")));
            } else {
                extendsBy.put(s.name, new ComposeFile.Extends(svc.get().value(), scalarValue(em, "file"), loc(ext)));
            }
        } else if (ext != null && !YamlDocument.isNull(ext)) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, ext,
                    Text.of("model.compose.mustBe", "extends", Text.of("model.compose.aStringOrMapping"))));
        }
    }

    /**
     * Swarm-style {@code configs:}/{@code secrets:} of a service, recorded as mounts of type {@code config}/{@code secret}
     * when the top-level object has a {@code file:} (secrets default to {@code /run/secrets/<name>}, configs to
     * {@code /<name>}).
     */
    private void fileObjects(ComposeService s, Map<String, Node> m, String kind) {
        String type = kind.equals("configs") ? "config" : "secret";
        for (Node item : list(m, kind)) {
            String source;
            String target = null;
            ComposeValue at;
            if (item instanceof ScalarNode) {
                at = value(item);
                source = at.value();
            } else if (item instanceof MappingNode) {
                Map<String, Node> im = YamlDocument.mapping(item);
                Optional<ComposeValue> src = scalarValue(im, "source");
                if (src.isEmpty()) {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, item,
                            Text.of("model.compose.entryWithout", kind, "source")));
                    continue;
                }
                at = src.get();
                source = at.value();
                target = scalarValue(im, "target").map(ComposeValue::value).orElse(null);
            } else {
                problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, item,
                        Text.of("model.compose.itemsMustBe", kind, Text.of("model.compose.stringsOrMappings"))));
                continue;
            }
            if (target == null) {
                target = type.equals("secret") ? "/run/secrets/" + source : "/" + source;
            } else if (type.equals("secret") && !target.startsWith("/")) {
                target = "/run/secrets/" + target;
            }
            Optional<String> repo = fileObjects.getOrDefault(kind + ":" + source, Optional.empty());
            s.volumes.add(new Mount(at, type, source, repo, target, true));
        }
    }

    private void networks(ComposeService s, Node n) {
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (n instanceof SequenceNode) {
            for (Node i : YamlDocument.sequence(n)) {
                YamlDocument.scalar(i).ifPresent(s.networks::add);
            }
        } else if (n instanceof MappingNode) {
            for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
                s.networks.add(e.getKey());
                Node cfg = e.getValue();
                if (cfg instanceof MappingNode) {
                    Node aliases = YamlDocument.mapping(cfg).get("aliases");
                    if (aliases instanceof SequenceNode) {
                        for (Node a : YamlDocument.sequence(aliases)) {
                            if (a instanceof ScalarNode) {
                                s.networkAliases.add(value(a));
                            }
                        }
                    } else if (aliases != null && !YamlDocument.isNull(aliases)) {
                        problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, aliases,
                                Text.of("model.compose.mustBe", "aliases", Text.of("model.compose.aList"))));
                    }
                }
            }
        } else {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", "networks", Text.of("model.compose.aListOrMapping"))));
        }
    }

    private void environment(ComposeService s, Node n) {
        if (n == null || YamlDocument.isNull(n)) {
            return;
        }
        if (n instanceof MappingNode) {
            Map<String, Node> keys = YamlDocument.mappingKeys(n);
            for (Map.Entry<String, Node> e : YamlDocument.mapping(n).entrySet()) {
                Node v = e.getValue();
                Location l = loc(keys.getOrDefault(e.getKey(), v));
                if (YamlDocument.isNull(v)) {
                    s.environment.put(e.getKey(), new ComposeService.EnvironmentEntry(e.getKey(), Optional.empty(), l));
                } else if (v instanceof ScalarNode) {
                    s.environment.put(e.getKey(), new ComposeService.EnvironmentEntry(e.getKey(), Optional.of(value(v)), l));
                } else {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, v,
                            Text.of("model.compose.envValueType", e.getKey())));
                }
            }
        } else if (n instanceof SequenceNode) {
            for (Node i : YamlDocument.sequence(n)) {
                if (!(i instanceof ScalarNode)) {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, i,
                            Text.of("model.compose.itemsMustBe", "environment", Text.of("model.compose.strings"))));
                    continue;
                }
                ComposeValue whole = value(i);
                String text = whole.value();
                int eq = text.indexOf('=');
                String key = eq < 0 ? text : text.substring(0, eq);
                Optional<ComposeValue> val = eq < 0 ? Optional.empty() : Optional.of(whole.withValue(text.substring(eq + 1)));
                s.environment.put(key, new ComposeService.EnvironmentEntry(key, val, loc(i)));
            }
        } else {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", "environment", Text.of("model.compose.aMappingOrList"))));
        }
    }

    private Optional<List<ComposeValue>> commandLike(Node n, String key) {
        if (n == null || YamlDocument.isNull(n)) {
            return Optional.empty();
        }
        List<ComposeValue> out = new ArrayList<>();
        if (n instanceof ScalarNode) {
            ComposeValue v = value(n);
            for (String token : ShellCommands.words(v.value())) {
                out.add(v.withValue(token));
            }
        } else if (n instanceof SequenceNode) {
            for (Node i : YamlDocument.sequence(n)) {
                if (i instanceof ScalarNode) {
                    out.add(value(i));
                } else {
                    problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, i,
                            Text.of("model.compose.itemsMustBe", key, Text.of("model.compose.strings"))));
                }
            }
        } else {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.mustBe", key, Text.of("model.compose.aStringOrList"))));
            return Optional.empty();
        }
        return Optional.of(out);
    }

    private Optional<Mount> volume(Node n) {
        if (n instanceof ScalarNode) {
            ComposeValue v = value(n);
            String text = v.value().trim();
            if (text.isEmpty()) {
                problems.add(problem(ComposeProblem.Kind.INVALID_VOLUME, n, Text.of("model.compose.emptyVolume")));
                return Optional.empty();
            }
            List<String> parts = splitVolume(text);
            String source;
            String target;
            String mode = "";
            if (parts.size() == 1) {
                source = "";
                target = parts.get(0);
            } else if (parts.size() == 2) {
                source = parts.get(0);
                target = parts.get(1);
            } else if (parts.size() == 3) {
                source = parts.get(0);
                target = parts.get(1);
                mode = parts.get(2);
            } else {
                problems.add(problem(ComposeProblem.Kind.INVALID_VOLUME, n,
                        Text.of("model.compose.invalidVolume", text)));
                return Optional.empty();
            }
            if (target.isEmpty() || !target.startsWith("/") && !target.matches("^[A-Za-z]:.*")) {
                problems.add(problem(ComposeProblem.Kind.INVALID_VOLUME, n,
                        Text.of("model.compose.volumeNotAbsolute", text)));
                return Optional.empty();
            }
            boolean readOnly = List.of(mode.split(",")).contains("ro");
            if (source.isEmpty()) {
                return Optional.of(new Mount(v, "volume", "", Optional.empty(), target, readOnly));
            }
            if (isPath(source)) {
                return Optional.of(new Mount(v, "bind", source, repoPath(source), target, readOnly));
            }
            return Optional.of(new Mount(v, "volume", source, Optional.empty(), target, readOnly));
        }
        if (n instanceof MappingNode) {
            Map<String, Node> m = YamlDocument.mapping(n);
            Optional<ComposeValue> type = scalarValue(m, "type");
            Optional<ComposeValue> source = scalarValue(m, "source");
            Optional<ComposeValue> target = scalarValue(m, "target");
            if (target.isEmpty()) {
                problems.add(problem(ComposeProblem.Kind.INVALID_VOLUME, n,
                        Text.of("model.compose.volumeWithoutTarget")));
                return Optional.empty();
            }
            String t = type.map(ComposeValue::value).orElse("volume");
            boolean ro = YamlDocument.scalar(m.get("read_only")).map(x -> x.equalsIgnoreCase("true")).orElse(false);
            ComposeValue src = source.orElseGet(() -> target.get());
            String srcText = source.map(ComposeValue::value).orElse("");
            Optional<String> repo = t.equals("bind") ? repoPath(srcText) : Optional.empty();
            return Optional.of(new Mount(src, t, srcText, repo, target.get().value(), ro));
        }
        if (!YamlDocument.isNull(n)) {
            problems.add(problem(ComposeProblem.Kind.WRONG_TYPE, n, Text.of("model.compose.volumeType")));
        }
        return Optional.empty();
    }

    /** Splits {@code src:dst:mode} keeping a Windows drive letter ({@code C:\data}) in one part. */
    private static List<String> splitVolume(String text) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                boolean drive = i - start == 1 && Character.isLetter(text.charAt(start)) && i + 1 < text.length()
                        && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '/');
                if (!drive) {
                    parts.add(text.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                || source.matches("^[A-Za-z]:[\\\\/].*") || source.startsWith("\\\\");
    }

    /**
     * {@code build: ./dir} or {@code build: {context, dockerfile, target, args}}. The context is relative to this
     * file's folder, the Dockerfile to the context (the Compose specification); a context that is a URL or outside the
     * repository leaves both paths empty.
     */
    private Optional<ComposeService.Build> build(Node node) {
        Optional<ComposeValue> context;
        Optional<ComposeValue> dockerfile = Optional.empty();
        Optional<ComposeValue> target = Optional.empty();
        boolean inline = false;
        Map<String, String> args = new LinkedHashMap<>();
        if (node instanceof ScalarNode) {
            context = Optional.of(value(node));
        } else if (node instanceof MappingNode) {
            Map<String, Node> bm = YamlDocument.mapping(node);
            context = scalarValue(bm, "context");
            dockerfile = scalarValue(bm, "dockerfile");
            target = scalarValue(bm, "target");
            inline = bm.containsKey("dockerfile_inline");
            Node a = bm.get("args");
            if (a instanceof MappingNode) {
                for (Map.Entry<String, Node> e : YamlDocument.mapping(a).entrySet()) {
                    if (e.getValue() instanceof ScalarNode && !YamlDocument.isNull(e.getValue())) {
                        args.put(e.getKey(), value(e.getValue()).value());
                    }
                }
            } else if (a instanceof SequenceNode) {
                for (Node i : YamlDocument.sequence(a)) {
                    String v = value(i).value();
                    int eq = v.indexOf('=');
                    if (eq > 0) {
                        args.put(v.substring(0, eq), v.substring(eq + 1));
                    }
                }
            }
        } else {
            return Optional.empty();
        }
        String ctx = context.map(ComposeValue::value).map(String::trim).orElse(".");
        Optional<String> ctxPath = ctx.contains("://") || ctx.startsWith("git@") || ctx.contains(".git#")
                ? Optional.empty() : repoPath(ctx.isEmpty() ? "." : ctx);
        Optional<String> df = Optional.empty();
        if (ctxPath.isPresent() && !inline) {
            String name = dockerfile.map(ComposeValue::value).map(String::trim).orElse("Dockerfile");
            if (!name.startsWith("/") && !name.isEmpty()) {
                String joined = Workspace.normalize(ctxPath.get().isEmpty() ? name : ctxPath.get() + "/" + name);
                df = joined.equals("..") || joined.startsWith("../") ? Optional.empty() : Optional.of(joined);
            }
        }
        return Optional.of(new ComposeService.Build(ctxPath.map(p -> p.equals(".") ? "" : p), df,
                target.map(ComposeValue::value), Map.copyOf(args), loc(node)));
    }

    /** The repository path of a bind mount source relative to this file, if it stays inside the repository. */
    Optional<String> repoPath(String source) {
        if (source.isEmpty() || source.startsWith("/") || source.startsWith("~") || source.matches("^[A-Za-z]:.*")
                || source.startsWith("\\")) {
            return Optional.empty();
        }
        String joined = folder.isEmpty() ? source : folder + "/" + source;
        String norm = Workspace.normalize(joined);
        if (norm.equals("..") || norm.startsWith("../")) {
            return Optional.empty();
        }
        return Optional.of(norm);
    }

    Location locationOf(Node n) {
        return loc(n);
    }

    void report(ComposeProblem.Kind kind, Node n, Text message) {
        problems.add(problem(kind, n, message));
    }
}
