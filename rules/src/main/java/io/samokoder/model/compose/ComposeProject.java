package io.samokoder.model.compose;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.SourceFile;
import io.samokoder.workspace.Templates;
import io.samokoder.engine.Workspace;
import io.samokoder.model.Location;
import io.samokoder.model.dotenv.DotEnv;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every compose file of the repository and the projects they form. Built once per audit:
 * {@code ComposeProject.of(ctx)}.
 *
 * <p>Files are found by name ({@code compose.yaml}, {@code docker-compose.yml}, {@code *.override.*},
 * {@code docker-compose.prod.yml}, {@code compose.observability.yaml}, ... in any folder), by content (overlays named
 * for what they add, {@code prometheus.yml} with {@code services:}: {@link ComposeDocuments}) plus whatever they
 * {@code include:} or {@code extends:}, except templates ({@link #templates()}: rendered before use, so what runs is
 * not in the repository). Values
 * are interpolated with the variables of the {@code .env} in the file's folder (compose's dotenv rules) and, when the
 * audit is configured with one, the process environment ({@code AuditConfig.environment()}, which wins over
 * {@code .env}). Bad input never throws: it becomes {@link #problems()}.
 *
 * <p>Public API (stable, used by other checks): {@link #of}, {@link #stacks()}, {@link #services()},
 * {@link #files()}, {@link #file(String)}, {@link #stackOf(String)}, {@link #servicesMounting(String)},
 * {@link #problems()}, {@link #inputs()}; per service {@link ComposeService#repositoryPathAt(String)} and
 * {@link ComposeService#configFileArgument()}.
 */
public final class ComposeProject {

    /** A service of a stack with the bind mount through which it sees a repository path. */
    public record MountedBy(ComposeStack stack, ComposeService service, Mount mount) {
    }

    /** The files a plain {@code docker compose up} reads, in compose's order of preference (compose-go's cli). */
    private static final List<String> BASE_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");
    private static final List<String> OVERRIDE_NAMES = List.of("compose.override.yml", "compose.override.yaml",
            "docker-compose.override.yml", "docker-compose.override.yaml");

    private final Map<String, ComposeFile> files;
    private final List<ComposeStack> stacks;
    private final List<ComposeProblem> problems;
    private final Set<String> inputs;
    private final List<String> templates;

    private ComposeProject(Map<String, ComposeFile> files, List<ComposeStack> stacks, List<ComposeProblem> problems,
                           Set<String> inputs, List<String> templates) {
        this.files = Collections.unmodifiableMap(files);
        this.stacks = List.copyOf(stacks);
        this.problems = List.copyOf(problems);
        this.inputs = Collections.unmodifiableSet(inputs);
        this.templates = List.copyOf(templates);
    }

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static ComposeProject of(AuditContext context) {
        return context.model(ComposeProject.class, ComposeProject::load);
    }

    /** Builds the model; use through {@code ComposeProject.of(ctx)}. */
    private static ComposeProject load(AuditContext context) {
        return new Loader(context).load();
    }

    /** The per-file parse (cached per audit) with the variables of the file's folder {@code .env}. */
    public static ComposeFile file(AuditContext context, SourceFile file) {
        return context.parsed(file, ComposeFile.class, f -> Loader.parse(context, f, null));
    }

    /** Every compose file read (by name, included or extended), by path. */
    public Map<String, ComposeFile> files() {
        return files;
    }

    public Optional<ComposeFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The compose projects, one per folder holding compose files (sorted by folder). */
    public List<ComposeStack> stacks() {
        return stacks;
    }

    /** All services of all stacks (merged within each stack), in stack order. */
    public List<ComposeService> services() {
        List<ComposeService> out = new ArrayList<>();
        stacks.forEach(s -> out.addAll(s.services().values()));
        return out;
    }

    public boolean isEmpty() {
        return stacks.isEmpty();
    }

    /** The stack that contains a compose file (by name or included). */
    public Optional<ComposeStack> stackOf(String composePath) {
        return stacks.stream().filter(s -> s.files().contains(composePath)).findFirst();
    }

    /**
     * Services that bind-mount a repository path: the file itself, or a folder that contains it. The same path may be
     * mounted by several services (and stacks).
     */
    public List<MountedBy> servicesMounting(String repositoryPath) {
        String p = Workspace.normalize(repositoryPath);
        List<MountedBy> out = new ArrayList<>();
        for (ComposeStack stack : stacks) {
            for (ComposeService s : stack.services().values()) {
                for (Mount m : s.volumes()) {
                    if (m.repositoryPath().isEmpty()) {
                        continue;
                    }
                    String r = m.repositoryPath().get();
                    if (r.equals(p) || r.isEmpty() || p.startsWith(r + "/")) {
                        out.add(new MountedBy(stack, s, m));
                    }
                }
            }
        }
        return out;
    }

    /** Problems of every file and of the project (missing includes, extends cycles), sorted by place. */
    public List<ComposeProblem> problems() {
        return problems;
    }

    /**
     * Files named as compose files that are templates ({@link io.samokoder.engine.yaml.YamlDocument#template()}): a
     * generator or template engine renders them first, so they are in no stack and none of {@link #files()}.
     */
    public List<String> templates() {
        return templates;
    }

    /**
     * Every file a service reads with {@code env_file:} (short or long form, {@code path:}/{@code required:}) or an
     * {@code include:} passes as {@code env_file}, whatever its name ({@code ./secrets.env},
     * {@code monitoring/grafana.config}), by repository path (resolved against the naming compose file's folder, in
     * path order), with the places that name it. Paths outside the repository are left out.
     */
    public Map<String, List<io.samokoder.model.Location>> envFiles() {
        // asked once per workspace file by the environment models: built once, not once per file
        Map<String, List<io.samokoder.model.Location>> known = envFiles;
        if (known == null) {
            known = java.util.Collections.unmodifiableMap(collectEnvFiles());
            envFiles = known;
        }
        return known;
    }

    private volatile Map<String, List<io.samokoder.model.Location>> envFiles;

    private Map<String, List<io.samokoder.model.Location>> collectEnvFiles() {
        Map<String, List<io.samokoder.model.Location>> out = new TreeMap<>();
        for (ComposeFile f : files.values()) {
            List<ComposeValue> named = new ArrayList<>();
            for (ComposeService s : f.declaredServices().values()) {
                named.addAll(s.envFiles());
            }
            for (ComposeFile.Include inc : f.includes()) {
                named.addAll(inc.envFiles());
            }
            for (ComposeValue v : named) {
                if (v.value().isBlank() || v.value().startsWith("/") || v.value().contains("${")) {
                    continue;
                }
                String path = Workspace.normalize(f.folder().isEmpty() ? v.value() : f.folder() + "/" + v.value());
                if (!path.startsWith("..")) {
                    out.computeIfAbsent(path, k -> new ArrayList<>()).add(v.location());
                }
            }
        }
        return out;
    }

    /** Where a compose file declares a secret backed by a repository file. */
    public record SecretDeclaration(String composeFile, String secret, Location location) {
    }

    /**
     * A repository file a top-level {@code secrets:} entry names with {@code file:}.
     *
     * @param declarations  the compose files and lines that declare it, in path and line order
     * @param fileVariables the variables a service that mounts it points at it with {@code X_FILE=/run/secrets/…}
     *                      (the official images' {@code file_env} idiom), without {@code _FILE}, sorted
     */
    public record SecretFile(String path, List<SecretDeclaration> declarations, List<String> fileVariables) {
    }

    /**
     * Every repository file that a compose file declares as a secret's {@code file:} (resolved like compose against
     * the project folder), by path; paths outside the repository are left out.
     */
    public Map<String, SecretFile> secretFiles() {
        Map<String, SecretFile> known = secretFiles;
        if (known == null) {
            known = java.util.Collections.unmodifiableMap(collectSecretFiles());
            secretFiles = known;
        }
        return known;
    }

    private volatile Map<String, SecretFile> secretFiles;

    private Map<String, SecretFile> collectSecretFiles() {
        Map<String, List<SecretDeclaration>> declared = new TreeMap<>();
        for (ComposeFile f : files.values()) {
            for (ComposeFile.FileSecret s : f.fileSecrets()) {
                s.repositoryPath().ifPresent(p -> declared.computeIfAbsent(p, k -> new ArrayList<>())
                        .add(new SecretDeclaration(f.path(), s.name(), s.location())));
            }
        }
        Map<String, SecretFile> out = new TreeMap<>();
        declared.forEach((path, where) -> {
            List<SecretDeclaration> sorted = new ArrayList<>(where);
            sorted.sort(java.util.Comparator.comparing(SecretDeclaration::composeFile)
                    .thenComparingInt(d -> d.location().line()));
            java.util.TreeSet<String> variables = new java.util.TreeSet<>();
            for (ComposeStack stack : stacks) {
                for (ComposeService s : stack.services().values()) {
                    for (Mount m : s.volumes()) {
                        if (!m.type().equals("secret") || !m.repositoryPath().equals(Optional.of(path))) {
                            continue;
                        }
                        for (ComposeService.EnvironmentEntry e : s.environment().values()) {
                            if (e.name().endsWith("_FILE") && e.name().length() > 5 && e.value()
                                    .filter(v -> v.value().strip().equals(m.target())).isPresent()) {
                                variables.add(e.name().substring(0, e.name().length() - 5));
                            }
                        }
                    }
                }
            }
            out.put(path, new SecretFile(path, List.copyOf(sorted), List.copyOf(variables)));
        });
        return out;
    }

    /** Repository paths this model was built from: compose files and the {@code .env} files used. */
    public Set<String> inputs() {
        return inputs;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final class Loader {
        private final AuditContext ctx;
        private final Workspace ws;
        private final Map<String, ComposeFile> files = new TreeMap<>();
        private final List<ComposeProblem> problems = new ArrayList<>();
        private final Set<String> inputs = new LinkedHashSet<>();
        private final Map<String, Optional<ComposeService>> resolved = new HashMap<>();
        private final Set<String> includedByOthers = new LinkedHashSet<>();
        private final List<String> templates = new ArrayList<>();

        Loader(AuditContext ctx) {
            this.ctx = ctx;
            this.ws = ctx.workspace();
        }

        static ComposeFile parse(AuditContext ctx, SourceFile f, List<String> envFiles) {
            return parse(ctx, f, envFiles, f.folder());
        }

        /** @param folder the project folder: relative paths and the default {@code .env} are read there */
        static ComposeFile parse(AuditContext ctx, SourceFile f, List<String> envFiles, String folder) {
            Map<String, String> env = ctx.config().environment();
            Map<String, String> vars = new LinkedHashMap<>();
            Optional<String> used = Optional.empty();
            List<String> candidates = envFiles != null ? envFiles
                    : List.of(folder.isEmpty() ? ".env" : folder + "/.env");
            for (String p : candidates) {
                Optional<SourceFile> dot = ctx.workspace().file(p);
                if (dot.isPresent()) {
                    vars.putAll(DotEnv.of(ctx, dot.get()).resolve(env));
                    used = Optional.of(p);
                }
            }
            Function<String, Optional<String>> lookup = name -> {
                String e = env.get(name);
                return Optional.ofNullable(e != null ? e : vars.get(name));
            };
            return ComposeFileParser.parse(f.path(), folder, ctx.yaml(f), lookup, used);
        }

        private Optional<ComposeFile> read(String path, List<String> envFiles) {
            Optional<SourceFile> sf = ws.file(path);
            if (sf.isEmpty()) {
                return Optional.empty();
            }
            ComposeFile cf;
            if (envFiles == null) {
                cf = files.containsKey(path) ? files.get(path) : ComposeProject.file(ctx, sf.get());
            } else {
                cf = parse(ctx, sf.get(), envFiles); // an include's env_file replaces the folder's .env
                envFiles.stream().filter(e -> ws.file(e).isPresent()).forEach(inputs::add);
            }
            files.put(path, cf);
            inputs.add(path);
            cf.environmentFile().ifPresent(inputs::add);
            return Optional.of(cf);
        }

        ComposeProject load() {
            // the per-file parses are independent and cached: on both cores first, the walk below then finds them
            List<SourceFile> composeFiles = ws.files().stream().filter(f -> FileKinds.isCompose(f.path())
                    && Templates.templateFolder(f.path()).isEmpty()).toList();
            // overlays named for what they add (prometheus.yml, grafana.yml) are compose files by their content
            List<SourceFile> yaml = ws.files().stream().filter(f -> FileKinds.isYaml(f.path())
                    && !FileKinds.isCompose(f.path()) && Templates.templateFolder(f.path()).isEmpty()).toList();
            Set<String> byContent = new java.util.HashSet<>();
            List<Boolean> isCompose = Parallel.map(yaml, 8, f -> ComposeDocuments.isComposeByContent(ctx, f));
            for (int i = 0; i < yaml.size(); i++) {
                if (Boolean.TRUE.equals(isCompose.get(i))) {
                    byContent.add(yaml.get(i).path());
                }
            }
            Parallel.map(composeFiles, 1, f -> {
                try {
                    return file(ctx, f);
                } catch (RuntimeException e) {
                    return null; // kept in the cache: the walk meets it in path order, as without this first pass
                }
            });
            Map<String, String> projectOf = byContent.isEmpty() ? Map.of() : overlayProjects(byContent);
            List<String> named = new ArrayList<>();
            for (SourceFile f : ws.files()) {
                if (byContent.contains(f.path())) {
                    named.add(f.path());
                    String project = projectOf.get(f.path());
                    if (project == null) {
                        read(f.path(), null);
                    } else {
                        // an overlay of another folder's project: its paths and .env are that project's
                        ComposeFile cf = parse(ctx, f, null, project);
                        files.put(f.path(), cf);
                        inputs.add(f.path());
                        cf.environmentFile().ifPresent(inputs::add);
                    }
                } else if (FileKinds.isCompose(f.path())) {
                    if (ctx.yaml(f).template().isPresent()) {
                        // rendered before use: the compose file that runs is not in the repository
                        templates.add(f.path());
                        inputs.add(f.path());
                        continue;
                    }
                    named.add(f.path());
                    read(f.path(), null);
                }
            }
            // expand includes first so that included files are known before stacks form
            Map<String, List<String>> includeOrder = new HashMap<>();
            for (String p : named) {
                includeOrder.put(p, expand(p, new ArrayDeque<>()));
            }
            // a file found by content that others only extend from is a library of service definitions, no project
            Set<String> extended = new java.util.HashSet<>();
            for (String p : named) {
                ComposeFile f = files.get(p);
                if (f != null) {
                    f.extendsByService().values().forEach(e -> e.file()
                            .map(v -> join(f.folder(), v.value())).filter(x -> !x.equals(p)).ifPresent(extended::add));
                }
            }
            named.removeIf(p -> byContent.contains(p) && extended.contains(p));
            Map<String, List<String>> byFolder = new TreeMap<>();
            for (String p : named) {
                if (includedByOthers.contains(p)) {
                    continue;
                }
                byFolder.computeIfAbsent(projectFolder(p, projectOf), k -> new ArrayList<>()).add(p);
            }
            List<ComposeStack> stacks = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
                stacks.add(stack(e.getKey(), e.getValue(), includeOrder));
            }
            // files included only inside an include cycle belong to no stack yet: give them their folder's
            Map<String, List<String>> orphans = new TreeMap<>();
            for (String p : named) {
                if (stacks.stream().noneMatch(st -> st.files().contains(p))) {
                    orphans.computeIfAbsent(projectFolder(p, projectOf), k -> new ArrayList<>()).add(p);
                }
            }
            for (Map.Entry<String, List<String>> e : orphans.entrySet()) {
                stacks.add(stack(e.getKey(), e.getValue(), includeOrder));
            }
            stacks.sort((a, b) -> a.directory().compareTo(b.directory()));
            List<ComposeProblem> all = new ArrayList<>(problems);
            for (ComposeFile f : files.values()) {
                all.addAll(f.problems());
            }
            List<ComposeProblem> dedup = new ArrayList<>(new LinkedHashSet<>(all));
            dedup.sort((a, b) -> {
                int c = a.location().path().compareTo(b.location().path());
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.location().line(), b.location().line());
                if (c != 0) {
                    return c;
                }
                c = Integer.compare(a.location().column(), b.location().column());
                return c != 0 ? c : a.message().compareTo(b.message());
            });
            return new ComposeProject(files, stacks, dedup, inputs, templates);
        }

        private static String projectFolder(String path, Map<String, String> projectOf) {
            String own = projectOf.get(path);
            if (own != null) {
                return own;
            }
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }

        /**
         * The project folder of each compose file found by content that a command of the repository passes after a
         * first file of another folder ({@code docker compose -f docker-compose.yml -f monitoring/loki.yml}): the
         * first file's folder, which compose makes the project's. The first such command in file and line order
         * decides; an overlay no command passes that way stays in its own folder's project.
         */
        private Map<String, String> overlayProjects(Set<String> byContent) {
            Map<String, String> out = new HashMap<>();
            for (ComposeInvocations.Invocation inv : ComposeInvocations.of(ctx).invocations()) {
                List<String> run = inv.files();
                if (run.size() < 2) {
                    continue;
                }
                String first = run.get(0);
                String project = first.contains("/") ? first.substring(0, first.lastIndexOf('/')) : "";
                for (String p : run.subList(1, run.size())) {
                    String own = p.contains("/") ? p.substring(0, p.lastIndexOf('/')) : "";
                    if (byContent.contains(p) && !own.equals(project)) {
                        out.putIfAbsent(p, project);
                    }
                }
            }
            return out;
        }

        /** The file and everything it includes, in merge order (included files first). */
        private List<String> expand(String path, Deque<String> chain) {
            List<String> out = new ArrayList<>();
            ComposeFile f = files.get(path);
            if (f == null) {
                return out;
            }
            chain.push(path);
            for (ComposeFile.Include inc : f.includes()) {
                List<String> envFiles = null;
                if (!inc.envFiles().isEmpty()) {
                    envFiles = new ArrayList<>();
                    for (ComposeValue v : inc.envFiles()) {
                        envFiles.add(join(f.folder(), v.value()));
                    }
                }
                for (ComposeValue p : inc.paths()) {
                    String target = join(f.folder(), p.value());
                    if (chain.contains(target)) {
                        problems.add(new ComposeProblem(ComposeProblem.Kind.CYCLE, inc.location(),

                                        Text.of("model.compose.includeCycle",
                                        String.join(" -> ", reversed(chain)) + " -> " + target)));
                        continue;
                    }
                    if (read(target, envFiles).isEmpty()) {
                        problems.add(new ComposeProblem(ComposeProblem.Kind.MISSING_FILE, p.location(),
                                Text.of("model.compose.includedMissing", p.value())));
                        continue;
                    }
                    includedByOthers.add(target);
                    for (String sub : expand(target, chain)) {
                        if (!out.contains(sub)) {
                            out.add(sub);
                        }
                    }
                }
            }
            chain.pop();
            out.add(path);
            return out;
        }

        private static List<String> reversed(Deque<String> chain) {
            List<String> l = new ArrayList<>(chain);
            Collections.reverse(l);
            return l;
        }

        private static String join(String folder, String rel) {
            if (rel.startsWith("/")) {
                return Workspace.normalize(rel);
            }
            return Workspace.normalize(folder.isEmpty() ? rel : folder + "/" + rel);
        }

        private ComposeStack stack(String folder, List<String> named, Map<String, List<String>> includeOrder) {
            List<String> ordered = new ArrayList<>();
            List<String> defaults = new ArrayList<>();
            String base = null;
            for (String b : BASE_NAMES) {
                String p = folder.isEmpty() ? b : folder + "/" + b;
                if (named.contains(p)) {
                    base = p;
                    break;
                }
            }
            if (base != null) {
                defaults.add(base);
                // compose looks for its override by these names whatever the base file is called
                for (String cand : OVERRIDE_NAMES) {
                    String p = folder.isEmpty() ? cand : folder + "/" + cand;
                    if (named.contains(p)) {
                        defaults.add(p);
                        break;
                    }
                }
            }
            ordered.addAll(defaults);
            named.stream().filter(p -> !defaults.contains(p)).sorted().forEach(ordered::add);

            List<String> allFiles = new ArrayList<>();
            List<String> defaultFiles = new ArrayList<>();
            for (String p : ordered) {
                for (String x : includeOrder.getOrDefault(p, List.of(p))) {
                    if (!allFiles.contains(x)) {
                        allFiles.add(x);
                    }
                    if (defaults.contains(p) && !defaultFiles.contains(x)) {
                        defaultFiles.add(x);
                    }
                }
            }
            Map<String, ComposeService> services = merged(allFiles);
            java.util.Set<String> declared = new java.util.HashSet<>();
            java.util.Set<String> external = new java.util.TreeSet<>();
            declared.add("default");
            for (String p : allFiles) {
                ComposeFile f = files.get(p);
                if (f != null) {
                    declared.addAll(f.networks());
                    external.addAll(f.externalNetworks());
                }
            }
            for (ComposeService s : services.values()) {
                for (String n : s.networks()) {
                    if (!declared.contains(n)) {
                        problems.add(new ComposeProblem(ComposeProblem.Kind.UNDEFINED_NETWORK, s.location(),
                                Text.of("model.compose.undefinedNetwork", s.name(), n)));
                    }
                }
            }
            Map<String, ComposeService> defaultServices = new LinkedHashMap<>();
            merged(defaultFiles).forEach((k, v) -> {
                if (v.isEnabledByDefault()) {
                    defaultServices.put(k, v);
                }
            });
            return new ComposeStack(folder, allFiles, defaultFiles, services, defaultServices, external);
        }

        private Map<String, ComposeService> merged(List<String> paths) {
            Map<String, ComposeService> out = new LinkedHashMap<>();
            for (String p : paths) {
                ComposeFile f = files.get(p);
                if (f == null) {
                    continue;
                }
                for (String name : f.declaredServices().keySet()) {
                    Optional<ComposeService> s = resolve(f, name, new ArrayDeque<>());
                    if (s.isEmpty()) {
                        continue;
                    }
                    ComposeService prev = out.get(name);
                    out.put(name, prev == null ? s.get() : ComposeService.merge(prev, s.get(), true));
                }
            }
            return out;
        }

        /** A declared service with its {@code extends:} chain applied. */
        private Optional<ComposeService> resolve(ComposeFile f, String name, Deque<String> chain) {
            String key = f.path() + "#" + name;
            Optional<ComposeService> done = resolved.get(key);
            if (done != null) {
                return done;
            }
            ComposeService declared = f.declaredServices().get(name);
            if (declared == null) {
                return Optional.empty();
            }
            ComposeFile.Extends ext = f.extendsByService().get(name);
            Optional<ComposeService> result = Optional.of(declared);
            if (ext != null) {
                chain.push(key);
                String basePath = ext.file().map(v -> join(f.folder(), v.value())).orElse(f.path());
                String baseKey = basePath + "#" + ext.service();
                if (chain.contains(baseKey)) {
                    problems.add(new ComposeProblem(ComposeProblem.Kind.CYCLE, ext.location(),

                                    Text.of("model.compose.extendsCycle",
                                    String.join(" -> ", reversed(chain)) + " -> " + baseKey)));
                } else {
                    Optional<ComposeFile> baseFile = basePath.equals(f.path()) ? Optional.of(f) : read(basePath, null);
                    if (baseFile.isEmpty()) {
                        problems.add(new ComposeProblem(ComposeProblem.Kind.MISSING_FILE, ext.location(),

                                        Text.of("model.compose.extendsFileMissing",
                                        ext.file().map(ComposeValue::value).orElse(""))));
                    } else if (!baseFile.get().declaredServices().containsKey(ext.service())) {
                        problems.add(new ComposeProblem(ComposeProblem.Kind.MISSING_SERVICE, ext.location(),
                                Text.of("model.compose.extendsServiceMissing", ext.service(), basePath)));
                    } else {
                        Optional<ComposeService> base = resolve(baseFile.get(), ext.service(), chain);
                        if (base.isPresent()) {
                            result = Optional.of(ComposeService.merge(base.get(), declared, true));
                        }
                    }
                }
                chain.pop();
            }
            resolved.put(key, result);
            return result;
        }
    }
}
