package io.samokoder.model.render;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.i18n.Text;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeValue;
import io.samokoder.model.docker.Container;
import io.samokoder.model.docker.Containers;
import io.samokoder.model.docker.KnownImages;
import io.samokoder.model.dotenv.DotEnv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a program's config reaches the program, following what each container runs: which repository file lands
 * (bind mount or {@code COPY}) at the path the program reads ({@code --config.file}, else the image's default), and
 * whether a step of the container's command or of a script it runs (envsubst, sed, gomplate, cp …) writes that path
 * from a repository template first. A file is then loaded as it is, rendered by steps whose substitutions are known,
 * rendered by something this model does not follow (awk, {@code eval}, a path chosen at run time), or not read at
 * all. Shared model: {@link #of(AuditContext, Program)}.
 */
public final class ConfigRendering {

    /** A program whose config file is followed. */
    public enum Program {
        ALERTMANAGER("alertmanager", "Alertmanager", "/etc/alertmanager/alertmanager.yml"),
        PROMETHEUS("prometheus", "Prometheus", "/etc/prometheus/prometheus.yml");

        private final String binary;
        private final String display;
        private final String defaultConfig;

        Program(String binary, String display, String defaultConfig) {
            this.binary = binary;
            this.display = display;
            this.defaultConfig = defaultConfig;
        }

        public String display() {
            return display;
        }

        /** The official image's {@code --config.file}. */
        public String defaultConfig() {
            return defaultConfig;
        }
    }

    /**
     * One render step that writes the config a container's program reads.
     *
     * @param tool        {@code envsubst}, {@code sed}, {@code gomplate}, …
     * @param source      repository path of the template
     * @param only        variables the steps are limited to (envsubst's SHELL-FORMAT, the names a sed script
     *                    mentions); empty = every {@code $VAR}/{@code ${VAR}}
     * @param service     the compose service (or the Dockerfile, for an image run outside compose) that renders it
     * @param composePath the file that defines it: compose file, Dockerfile, or the script run outside compose
     * @param line        line of the command in that file
     * @param env         what the container's environment provides
     * @param image       the image the step runs in: {@code image:}, or the external base of a built Dockerfile
     * @param toolAdded   whether a built image adds the tool (installs or copies it) over its base image
     * @param fixed       variables the steps replace with text the script writes (a sed replacement with no
     *                    {@code $}), not with the environment's value
     */
    public record Render(String tool, String source, Optional<Set<String>> only, String service, String composePath,
                         int line, ServiceEnv env, Optional<String> image, boolean toolAdded, Set<String> fixed) {

        /** Whether this step replaces a {@code $VAR}/{@code ${VAR}} reference to {@code name}. */
        public boolean substitutes(String name) {
            if (tool.equals("gomplate") || tool.equals("dockerize")) {
                return false; // Go templates: they expand {{ .Env.X }}, never ${X}
            }
            return only.map(s -> s.contains(name)).orElse(true);
        }

        /** Who runs the step, briefly: {@code service `x`}, {@code the image built from docker/Dockerfile}. */
        public String who() {
            if (service.equals(composePath)) {
                String name = composePath.substring(composePath.lastIndexOf('/') + 1);
                return io.samokoder.model.docker.Dockerfile.isDockerfileName(name) ? "the image built from "
                        + composePath : composePath;
            }
            return "service `" + service + "`";
        }

        /** Who runs the step, for messages: {@code service `x` (docker-compose.yml:9)}. */
        /** {@link #who()} for reports in every language. */
        public Text whoText() {
            if (service.equals(composePath)) {
                String name = composePath.substring(composePath.lastIndexOf('/') + 1);
                return io.samokoder.model.docker.Dockerfile.isDockerfileName(name)
                        ? Text.of("model.render.image", composePath)
                        : Text.code(composePath);
            }
            return Text.of("model.render.service", service);
        }

        /** {@link #renderer()} for reports in every language. */
        public Text rendererText() {
            String where = composePath + ":" + line;
            if (service.equals(composePath)) {
                String name = composePath.substring(composePath.lastIndexOf('/') + 1);
                return io.samokoder.model.docker.Dockerfile.isDockerfileName(name)
                        ? Text.of("model.render.image", where)
                        : Text.code(where);
            }
            return Text.of("model.render.serviceAt", service, where);
        }

        public String renderer() {
            String where = composePath + ":" + line;
            if (service.equals(composePath)) {
                String name = composePath.substring(composePath.lastIndexOf('/') + 1);
                return io.samokoder.model.docker.Dockerfile.isDockerfileName(name) ? "the image built from " + where
                        : where;
            }
            return "service `" + service + "` (" + where + ")";
        }
    }

    /** Where a service gets a variable from. */
    public enum Supply {
        /** {@code environment: NAME: value} (the value may itself be compose interpolation), or the image's ENV. */
        ENVIRONMENT,
        /** {@code environment: - NAME} with no value: taken from the shell (or compose's .env) at {@code up}. */
        PASS_THROUGH,
        /** An {@code env_file} committed to the repository sets it. */
        ENV_FILE,
        /** An {@code env_file} that is not in the repository (a git-ignored .env) may set it. */
        MISSING_ENV_FILE,
        /** Rendered by a script or platform whose environment is not known. */
        UNKNOWN,
        /** Nothing sets it. */
        NONE
    }

    /** What a container's environment supplies. */
    public record ServiceEnv(Set<String> environment, Set<String> passThrough, Set<String> envFileKeys,
                             List<String> missingEnvFiles, boolean unknown) {

        /** The environment of a script run outside compose, or of an image a platform runs: anything may be set. */
        public static ServiceEnv unknownEnvironment() {
            return new ServiceEnv(Set.of(), Set.of(), Set.of(), List.of(), true);
        }

        public Supply supply(String name) {
            if (unknown) {
                return Supply.UNKNOWN;
            }
            if (passThrough.contains(name)) {
                return Supply.PASS_THROUGH;
            }
            if (environment.contains(name)) {
                return Supply.ENVIRONMENT;
            }
            if (envFileKeys.contains(name)) {
                return Supply.ENV_FILE;
            }
            return missingEnvFiles.isEmpty() ? Supply.NONE : Supply.MISSING_ENV_FILE;
        }

        public boolean provides(String name) {
            return supply(name) != Supply.NONE;
        }
    }

    /** How the program sees a {@code ${VAR}} of a file. */
    public enum Reading {
        /** The program reads the reference as it is. */
        LITERAL,
        /** A render step replaces it before the program starts. */
        SUBSTITUTED,
        /** The file is a template something renders first (by its name, or by a step of another container). */
        TEMPLATE,
        /** A step this model does not follow renders the file: whether the reference survives is not known. */
        UNFOLLOWED,
        /** The file lands in a container of the program, but not where the program reads its config. */
        NOT_READ
    }

    /** A reading and, for {@code LITERAL} after a render, {@code UNFOLLOWED} and {@code NOT_READ}, why. */
    public record Verdict(Reading reading, String reason, Text reasonText) {

        /** A verdict that needs no reason. */
        Verdict(Reading reading) {
            this(reading, "", Text.verbatim(""));
        }

        Verdict(Reading reading, Text reason) {
            this(reading, reason.english(), reason);
        }
    }

    /** A container that runs the program, and what this model could not follow in it. */
    private record Runner(Container container, Optional<String> readPath, List<Placed> steps,
                          Optional<Text> unfollowedChain, Set<String> sources) {
    }

    private static final Pattern CONFIG_FLAG = Pattern.compile("--?config\\.file(?:=|\\s+)['\"]?([^\\s'\"]+)");

    private final Program program;
    private final List<Render> renders;
    private final Set<String> loadedAsIs;
    private final Set<String> renderedAnywhere;
    private final List<Runner> runners;
    private final Map<String, Verdict> fates = new java.util.concurrent.ConcurrentHashMap<>();

    private ConfigRendering(Program program, List<Render> renders, Set<String> loadedAsIs,
                            Set<String> renderedAnywhere, List<Runner> runners) {
        this.program = program;
        this.renders = List.copyOf(renders);
        this.loadedAsIs = Set.copyOf(loadedAsIs);
        this.renderedAnywhere = Set.copyOf(renderedAnywhere);
        this.runners = List.copyOf(runners);
    }

    /** The rendering model of one program, built once per audit for both programs. */
    public static ConfigRendering of(AuditContext ctx, Program program) {
        return ctx.model(Both.class, Both::load).of.get(program);
    }

    private static final class Both {
        final Map<Program, ConfigRendering> of = new EnumMap<>(Program.class);

        static Both load(AuditContext ctx) {
            Both b = new Both();
            List<Analyzed> analyzed = new ArrayList<>();
            Set<String> anywhere = new LinkedHashSet<>();
            for (Container c : Containers.of(ctx).all()) {
                Analyzed a = analyze(ctx, c);
                analyzed.add(a);
                for (Placed p : a.steps()) {
                    if (p.step().kind() == RenderCommands.Kind.RENDER && p.step().input() != null) {
                        c.repositoryPathAt(p.step().input()).filter(x -> ctx.workspace().file(x).isPresent())
                                .ifPresent(anywhere::add);
                    }
                }
            }
            Map<Render, String> scripts = scriptRenders(ctx);
            for (Program p : Program.values()) {
                b.of.put(p, build(ctx, p, analyzed, anywhere, scripts));
            }
            return b;
        }
    }

    /**
     * A step of a container's scripts with the script it came from; {@code buildTime} for a {@code RUN} of its image's
     * Dockerfile (it runs with the build's arguments, not the container's environment).
     */
    private record Placed(RenderCommands.Step step, Container.Script script, int line, boolean buildTime) {
    }

    /** A container's scripts read once: the steps that write files, and all its shell text. */
    private record Analyzed(Container container, List<Placed> steps, String all) {
    }

    private static Analyzed analyze(AuditContext ctx, Container c) {
        List<Placed> steps = new ArrayList<>();
        StringBuilder all = new StringBuilder(c.commandText());
        // RUN steps of the image's build write files before the container starts (`RUN sed -i ... prometheus.yml`)
        for (io.samokoder.model.docker.Dockerfile.Instruction run : c.build().map(b -> b.runs()).orElse(List.of())) {
            String text = run.exec().map(w -> String.join(" ", w)).orElse(run.arguments());
            if (!run.heredocs().isEmpty()) {
                text = text + "\n" + String.join("\n", run.heredocs());
            }
            Container.Script s = new Container.Script(text, Optional.empty(),
                    new io.samokoder.model.Location(c.build().get().dockerfile().path(), run.line(), 1));
            for (RenderCommands.Step step : RenderCommands.writes(ShellVariables.expand(text))) {
                steps.add(new Placed(step, s, run.line(), true));
            }
        }
        for (Container.Script s : c.scripts(ctx)) {
            String expanded = ShellVariables.expand(s.text());
            all.append('\n').append(expanded);
            for (RenderCommands.Step step : RenderCommands.writes(expanded)) {
                steps.add(new Placed(step, s, lineOf(s, step), false));
            }
        }
        return new Analyzed(c, List.copyOf(steps), all.toString());
    }

    private static ConfigRendering build(AuditContext ctx, Program program, List<Analyzed> analyzed,
                                         Set<String> renderedByContainers, Map<Render, String> scriptRenders) {
        List<Render> renders = new ArrayList<>();
        Set<String> asIs = new LinkedHashSet<>();
        Set<String> anywhere = new LinkedHashSet<>(renderedByContainers);
        List<Runner> runners = new ArrayList<>();
        for (Analyzed a : analyzed) {
            Container c = a.container();
            List<Placed> steps = a.steps();
            if (!runs(c, program, a.all())) {
                continue;
            }
            Optional<String> read = configFile(a.all());
            if (read.isEmpty()) {
                read = Optional.of(program.defaultConfig());
            }
            Set<String> sources = new LinkedHashSet<>();
            if (read.get().indexOf('$') >= 0) {
                runners.add(new Runner(c, Optional.empty(), steps, Optional.of(Text.of("model.render.configAtRunTime",
                        read.get())), sources));
                continue;
            }
            Optional<Text> unfollowed = follow(ctx, c, read.get(), steps, renders, asIs, sources);
            runners.add(new Runner(c, read, steps, unfollowed, sources));
        }
        for (Map.Entry<Render, String> e : scriptRenders.entrySet()) {
            Render r = e.getKey();
            anywhere.add(r.source());
            if (renders.stream().anyMatch(k -> k.source().equals(r.source()))) {
                continue; // a container of the program renders it already
            }
            // a script's render is this program's when its template or its output names the program; a CI step that
            // seds compose.yaml renders no Alertmanager config
            if ((r.source() + " " + e.getValue()).toLowerCase(Locale.ROOT).contains(program.binary)) {
                renders.add(r);
            }
        }
        renders.forEach(r -> anywhere.add(r.source()));
        return new ConfigRendering(program, renders, asIs, anywhere, runners);
    }

    /** Walks back from the path the program reads through the steps that write it, to a repository file. */
    /**
     * Walks back from the path the program reads through the steps that write it, to a repository file; records a
     * render or a file loaded as it is. Returns why the chain cannot be followed, when it cannot.
     */
    private static Optional<Text> follow(AuditContext ctx, Container c, String read, List<Placed> steps,
                                           List<Render> renders, Set<String> asIs, Set<String> sources) {
        // a step writing a path chosen at run time may write the config too
        Optional<Placed> anywhere = steps.stream().filter(p -> p.step().output().indexOf('$') >= 0).findFirst();
        String node = read;
        List<Placed> chain = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        boolean unknownSource = false;
        while (visited.add(norm(node)) && visited.size() < 16) {
            String current = node;
            List<Placed> writers = steps.stream().filter(p -> samePath(p.step().output(), current)).toList();
            if (writers.isEmpty()) {
                break;
            }
            chain.addAll(writers);
            List<Placed> from = writers.stream().filter(p -> !samePath(p.step().input(), current)).toList();
            if (from.isEmpty()) {
                break; // rewritten in place: the file at this path is the source
            }
            String in = from.get(from.size() - 1).step().input();
            if (in == null || in.indexOf('$') >= 0) {
                unknownSource = true;
                break;
            }
            node = in;
        }
        Optional<String> repo = unknownSource ? Optional.empty()
                : c.repositoryPathAt(node).filter(p -> ctx.workspace().file(p).isPresent());
        repo.ifPresent(sources::add);
        Optional<Placed> opaque = chain.stream().filter(p -> p.step().kind() == RenderCommands.Kind.OPAQUE).findFirst();
        if (unknownSource || opaque.isPresent()) {
            Placed p = opaque.orElse(chain.get(chain.size() - 1));
            return Optional.of(Text.of("model.render.runsWriting", runs(p), read));
        }
        List<Placed> renderSteps = chain.stream().filter(p -> p.step().kind() == RenderCommands.Kind.RENDER).toList();
        if (renderSteps.isEmpty()) {
            if (repo.isPresent() && anywhere.isPresent()) {
                return Optional.of(runs(anywhere.get()));
            }
            repo.ifPresent(asIs::add); // read as it is, or copied there unchanged
            return Optional.empty();
        }
        if (repo.isEmpty()) {
            return Optional.empty(); // the template is part of the image, not of the repository
        }
        Optional<Set<String>> only = Optional.of(new LinkedHashSet<>());
        for (Placed p : renderSteps) {
            Optional<Set<String>> o = p.step().only().filter(x -> !x.isEmpty() || p.step().tool().equals("sed")
                    || p.step().tool().equals("gomplate") || p.step().tool().equals("dockerize"));
            if (o.isEmpty()) {
                only = Optional.empty();
                break;
            }
            only.get().addAll(o.get());
        }
        Placed first = renderSteps.get(renderSteps.size() - 1);
        String tool = first.step().tool();
        boolean added = c.build().map(b -> b.adds(tool, tool.equals("envsubst") ? new String[] {"gettext"}
                : new String[0])).orElse(false);
        Set<String> fixed = new LinkedHashSet<>();
        renderSteps.forEach(p -> fixed.addAll(p.step().fixed()));
        boolean atBuild = renderSteps.stream().anyMatch(Placed::buildTime);
        String composePath = atBuild ? first.script().location().path() : c.commandLocation().path();
        int line = atBuild ? first.line() : c.commandLocation().line();
        renders.add(new Render(tool, repo.get(), only.map(Set::copyOf), atBuild ? composePath : c.name(), composePath,
                line, atBuild ? ServiceEnv.unknownEnvironment() : env(ctx, c), c.imageName(), added || atBuild,
                Set.copyOf(fixed)));
        return Optional.empty();
    }

    private static Text runs(Placed p) {
        return Text.of("model.render.runs" + describe(p.step()), p.step().tool(), where(p));
    }

    /** A step that may read the file at one of {@code paths}: input chosen at run time, or a rewrite reading it. */
    private static Optional<Placed> mayRead(List<Placed> steps, List<String> paths) {
        return steps.stream().filter(p -> {
            String in = p.step().input();
            if (in == null) {
                return false;
            }
            if (in.indexOf('$') >= 0) {
                return true;
            }
            return p.step().kind() == RenderCommands.Kind.OPAQUE && paths.stream().anyMatch(x -> samePath(x, in));
        }).findFirst();
    }

    /** The suffix of the {@code model.render.runs} key that says why the step is not followed. */
    private static String describe(RenderCommands.Step s) {
        if (s.kind() == RenderCommands.Kind.OPAQUE) {
            return s.tool().equals("sed") ? ".sedAtRunTime" : ".opaque";
        }
        if (s.input() == null) {
            return ".unnamedInput";
        }
        if (s.input().indexOf('$') >= 0 || s.output().indexOf('$') >= 0) {
            return ".pathsAtRunTime";
        }
        return "";
    }

    private static String where(Placed p) {
        return p.script().repositoryPath().map(r -> r + ":" + p.line())
                .orElse(p.script().location().path() + ":" + p.script().location().line());
    }

    /**
     * The script line of a step: a line that runs the tool and names its input or output, else one that runs the
     * tool with a redirect or {@code -i}, else the first that runs it.
     */
    private static int lineOf(Container.Script s, RenderCommands.Step step) {
        if (s.repositoryPath().isEmpty()) {
            return s.location().line();
        }
        Pattern tool = Pattern.compile("(^|[\\s;&|(`])" + Pattern.quote(step.tool()) + "(\\s|$)");
        String[] lines = s.text().split("\n", -1);
        int best = 0;
        int bestScore = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (!tool.matcher(l).find()) {
                continue;
            }
            int score = 0;
            if (step.input() != null && !step.input().contains("$") && l.contains(step.input())
                    || step.output() != null && !step.output().contains("$") && l.contains(step.output())) {
                score = 2;
            } else if (l.contains(">") || l.contains(" -i")) {
                score = 1;
            }
            if (score > bestScore) {
                best = i + 1;
                bestScore = score;
            }
        }
        return best == 0 ? 1 : best;
    }

    /** Whether the container runs the program: its image, its service name, or the program's binary in its commands. */
    private static boolean runs(Container c, Program program, String text) {
        String image = c.imageName().map(KnownImages::repository).orElse("");
        String last = image.substring(image.lastIndexOf('/') + 1);
        boolean byImage = program == Program.ALERTMANAGER ? image.contains(program.binary) : last.equals(program.binary);
        boolean byName = program == Program.ALERTMANAGER
                ? c.name().toLowerCase(Locale.ROOT).contains(program.binary)
                : c.name().equalsIgnoreCase(program.binary) && c.imageName().isEmpty();
        return byImage || c.service().isPresent() && byName
                || RenderCommands.commandNames(text).contains(program.binary);
    }

    private static Optional<String> configFile(String text) {
        Matcher m = CONFIG_FLAG.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static boolean samePath(String a, String b) {
        return a != null && b != null && norm(a).equals(norm(b));
    }

    private static String norm(String p) {
        return Workspace.normalize(p);
    }

    static ServiceEnv env(AuditContext ctx, Container c) {
        if (c.service().isEmpty()) {
            return ServiceEnv.unknownEnvironment();
        }
        ComposeService s = c.service().get();
        Set<String> environment = new LinkedHashSet<>(c.imageEnv().keySet());
        Set<String> passThrough = new LinkedHashSet<>();
        s.environment().forEach((k, e) -> (e.value().isPresent() ? environment : passThrough).add(k));
        Set<String> keys = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        String folder = folder(s.location().path());
        for (ComposeValue v : s.envFiles()) {
            String path = Workspace.normalize(folder.isEmpty() ? v.value() : folder + "/" + v.value());
            Optional<SourceFile> f = ctx.workspace().file(path);
            if (f.isPresent()) {
                DotEnv.of(ctx, f.get()).entries().forEach(en -> keys.add(en.key()));
            } else {
                missing.add(path);
            }
        }
        return new ServiceEnv(environment, passThrough, keys, missing, false);
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Render steps in repository scripts that run outside containers (deploy scripts, Makefiles, CI workflow steps):
     * {@code envsubst < monitoring/alertmanager/alertmanager.yml > /etc/alertmanager/alertmanager.yml} makes the
     * repository file a template. Paths are resolved against the repository root and the script's folder; the
     * environment of such a script is unknown.
     */
    private static Map<Render, String> scriptRenders(AuditContext ctx) {
        Map<Render, String> out = new LinkedHashMap<>();
        for (SourceFile f : ctx.workspace().files()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            boolean script = n.endsWith(".sh") || n.endsWith(".bash") || n.equals("makefile") || n.endsWith(".mk")
                    || n.equals("justfile") || FileKinds.isCi(f.path());
            if (!script || f.size() > 512 * 1024) {
                continue;
            }
            Optional<String> text = ctx.workspace().text(f);
            if (text.isEmpty() || !(text.get().contains("envsubst") || text.get().contains("sed ")
                    || text.get().contains("gomplate") || text.get().contains("dockerize")
                    || text.get().contains("$ENV{"))) {
                continue;
            }
            for (RenderCommands.Step step : RenderCommands.find(ShellVariables.expand(text.get()))) {
                for (String candidate : List.of(step.input(), f.folder().isEmpty() ? step.input()
                        : f.folder() + "/" + step.input())) {
                    String path = Workspace.normalize(candidate);
                    if (path.startsWith("..") || ctx.workspace().file(path).isEmpty()
                            || out.keySet().stream().anyMatch(r -> r.source().equals(path))) {
                        continue;
                    }
                    int at = text.get().indexOf(step.input());
                    int line = at < 0 ? 0 : f.lineOf(at);
                    out.put(new Render(step.tool(), path, step.only().filter(o -> !o.isEmpty()
                            || step.tool().equals("sed")), f.path(), f.path(), line, ServiceEnv.unknownEnvironment(),
                            Optional.empty(), false, step.fixed()), step.output());
                    break;
                }
            }
        }
        return out;
    }

    public Program program() {
        return program;
    }

    public List<Render> renders() {
        return renders;
    }

    public List<Render> rendersOf(String path) {
        return renders.stream().filter(r -> r.source().equals(path)).toList();
    }

    /**
     * Every repository file some render step reads: templates of this program, and files other containers or
     * repository scripts render before use. Such a file is a template, whatever its name.
     */
    public boolean isRendered(String path) {
        return renderedAnywhere.contains(path);
    }

    /** Repository files a container of the program reads at its config path without rendering them. */
    public Set<String> loadedAsIs() {
        return loadedAsIs;
    }

    /**
     * How the program sees {@code ${variable}} in the repository file {@code path}: read as it is (by a container,
     * or, when no container has the file, when the file is not named like a template), replaced by a render step,
     * rendered by steps this model does not follow, or not read at all.
     */
    public Verdict reading(String path, boolean templateByName, String variable) {
        if (loadedAsIs.contains(path)) {
            return new Verdict(Reading.LITERAL);
        }
        List<Render> rs = rendersOf(path);
        if (!rs.isEmpty()) {
            return rs.stream().anyMatch(r -> r.substitutes(variable)) ? new Verdict(Reading.SUBSTITUTED)
                    : new Verdict(Reading.LITERAL,
                    Text.of("model.render.notSubstituted", rs.get(0).tool()));
        }
        return fates.computeIfAbsent(templateByName + ":" + path, k -> fate(path, templateByName));
    }

    private Verdict fate(String path, boolean templateByName) {
        for (Runner r : runners) {
            List<String> at = r.container().containerPathsOf(path);
            if (at.isEmpty()) {
                continue;
            }
            Optional<Text> why = r.unfollowedChain().or(() -> mayRead(r.steps(), at).map(ConfigRendering::runs));
            if (why.isPresent()) {
                return new Verdict(Reading.UNFOLLOWED, Text.of("model.render.unfollowed",
                        whoText(r), at.get(0), why.get()));
            }
        }
        if (renderedAnywhere.contains(path)) {
            return new Verdict(Reading.TEMPLATE);
        }
        for (Runner r : runners) {
            List<String> at = r.container().containerPathsOf(path);
            if (!at.isEmpty() && r.readPath().isPresent() && !r.sources().contains(path)) {
                return templateByName ? new Verdict(Reading.TEMPLATE)
                        : new Verdict(Reading.NOT_READ, Text.of("model.render.notRead", whoText(r),
                        at.get(0), program.display(), r.readPath().get()));
            }
        }
        return templateByName ? new Verdict(Reading.TEMPLATE) : new Verdict(Reading.LITERAL);
    }

    private static Text whoText(Runner r) {
        Container c = r.container();
        return c.service().isPresent()
                ? Text.of("model.render.serviceAt", c.name(), c.location().path())
                : Text.of("model.render.image", c.name());
    }

    /**
     * A container that runs the program.
     *
     * @param container  the container
     * @param readPath   the config path the program reads; empty when the command chooses it at run time
     * @param config     the repository file that becomes that config: loaded as it is, copied there, or the
     *                   template a step renders to it; empty when none of the repository's files does
     * @param unfollowed why the chain from a repository file to the config cannot be followed, when it cannot
     */
    public record ProgramRun(Container container, Optional<String> readPath, Optional<String> config,
                             Optional<Text> unfollowed) {
    }

    /** Every container that runs the program (compose services, and images run outside compose). */
    public List<ProgramRun> runs() {
        List<ProgramRun> out = new ArrayList<>();
        for (Runner r : runners) {
            out.add(new ProgramRun(r.container(), r.readPath(), r.sources().stream().findFirst(), r.unfollowedChain()));
        }
        return out;
    }

    /** Whether some container of the program has this repository file (mounted or copied), at any path. */
    public boolean isDeployed(String path) {
        return runners.stream().anyMatch(r -> !r.container().containerPathsOf(path).isEmpty());
    }
}
