package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.i18n.Text;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ComposeValue;
import io.samokoder.model.compose.Mount;
import io.samokoder.model.compose.ScriptPrograms;
import io.samokoder.model.compose.ShellCommands;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One container as it is started: a compose service (its {@code image:}, or the image its {@code build:} section
 * builds) or an image built from a Dockerfile that no compose file uses (deployed by other means). It knows which
 * repository files it sees at which paths (bind mounts over the files the image copied), which process it runs
 * ({@code entrypoint:}/{@code command:} over the image's {@code ENTRYPOINT}/{@code CMD}, as Docker combines them), and
 * the shell text that process runs: an inline {@code sh -c} script and the repository scripts reached from it.
 */
public final class Container {

    /**
     * Shell text the container runs.
     *
     * @param text           the script
     * @param repositoryPath the repository file it is, empty for a command line written in compose or a Dockerfile
     * @param location       where it is defined (the script's first line, or the command's place)
     */
    public record Script(String text, Optional<String> repositoryPath, Location location) {
    }

    /**
     * An image built from a Dockerfile of the repository that a compose service probably runs: the link between the
     * service's {@code image:} and the Dockerfile is a guess from names ({@link BuiltImages#guess}).
     *
     * @param build   the image as that Dockerfile builds it
     * @param whyText the guess, for messages
     */
    public record ProbableBuild(ImageBuild build, Text whyText) {

        /** {@link #whyText} in English. */
        public String why() {
            return whyText.english();
        }
    }

    /** A variable the container never reads: its program and the repository file it takes its settings from. */
    public record UnreadVariable(String program, String configFile) {
    }

    private static final int MAX_SCRIPTS = 8;
    /** The PATH of the usual base images. */
    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");
    private static final long MAX_SCRIPT_SIZE = 256 * 1024;

    private final String name;
    private final Location location;
    private final Optional<ComposeStack> stack;
    private final Optional<ComposeService> service;
    private final Optional<ImageBuild> image;
    private final Optional<Text> buildLink;
    private final Optional<ProbableBuild> probable;
    private final Optional<String> imageName;
    private final List<String> argv;
    private final Location commandLocation;
    private final String workdir;

    Container(String name, Location location, Optional<ComposeStack> stack, Optional<ComposeService> service,
              Optional<ImageBuild> image, Optional<Text> buildLink, Optional<ProbableBuild> probable,
              Optional<String> imageName, List<String> argv, Location commandLocation, String workdir) {
        this.name = name;
        this.location = location;
        this.stack = stack;
        this.service = service;
        this.image = image;
        this.buildLink = buildLink;
        this.probable = probable;
        this.imageName = imageName;
        this.argv = List.copyOf(argv);
        this.commandLocation = commandLocation;
        this.workdir = workdir;
    }

    /**
     * For a compose service: its {@code entrypoint:}/{@code command:} over its image's defaults. {@code build} is the
     * image its {@code build:} section builds, or the image of a repository build that names its {@code image:}
     * ({@code link} says which build).
     */
    static Container of(ComposeStack stack, ComposeService s, Optional<ImageBuild> build, Optional<Text> link,
                        Optional<ProbableBuild> probable) {
        // with `build:`, `image:` names the image built, not one pulled: unknown when the build is not followed
        Optional<String> imageName = build.isPresent() ? Optional.of(build.get().baseImage())
                : s.hasBuild() ? Optional.empty() : s.image().map(ComposeValue::value);
        List<String> imageEntrypoint = List.of();
        List<String> imageCmd = List.of();
        String workdir = "/";
        Location commandAt = s.location();
        if (build.isPresent()) {
            imageEntrypoint = build.get().entrypoint().map(ImageBuild.Command::argv).orElse(List.of());
            imageCmd = build.get().cmd().map(ImageBuild.Command::argv).orElse(List.of());
            workdir = build.get().workdir();
            Optional<ImageBuild.Command> shown = build.get().entrypoint().filter(c -> c.line() > 0)
                    .or(() -> build.get().cmd().filter(c -> c.line() > 0));
            if (shown.isPresent()) {
                commandAt = new Location(build.get().dockerfile().path(), shown.get().line(), 1);
            }
        } else if (imageName.isPresent()) {
            Optional<KnownImages.Defaults> d = KnownImages.defaults(imageName.get());
            if (d.isPresent()) {
                imageEntrypoint = d.get().entrypoint();
                imageCmd = d.get().cmd();
                workdir = d.get().workdir();
            }
        }
        String wd = s.scalar("working_dir").map(ComposeValue::value).filter(v -> v.startsWith("/")).orElse(workdir);
        List<String> entrypoint = s.entrypoint().map(Container::values).orElse(imageEntrypoint);
        // compose drops the image's CMD when the service sets its own entrypoint
        List<String> cmd = s.command().map(Container::values)
                .orElse(s.entrypoint().isPresent() ? List.of() : imageCmd);
        List<String> argv = new ArrayList<>(entrypoint);
        argv.addAll(cmd);
        Location at = s.entrypoint().filter(l -> !l.isEmpty()).map(l -> l.get(0).location())
                .or(() -> s.command().filter(l -> !l.isEmpty()).map(l -> l.get(0).location())).orElse(commandAt);
        return new Container(s.name(), s.location(), Optional.of(stack), Optional.of(s), build, link, probable,
                imageName, argv, at, wd);
    }

    /** For an image built from a Dockerfile and run with its own {@code ENTRYPOINT}/{@code CMD}. */
    static Container of(ImageBuild build) {
        List<String> argv = new ArrayList<>(build.entrypoint().map(ImageBuild.Command::argv).orElse(List.of()));
        argv.addAll(build.cmd().map(ImageBuild.Command::argv).orElse(List.of()));
        int line = build.entrypoint().filter(c -> c.line() > 0).or(() -> build.cmd().filter(c -> c.line() > 0))
                .map(ImageBuild.Command::line).orElse(1);
        String path = build.dockerfile().path();
        return new Container(path, new Location(path, 1, 1), Optional.empty(), Optional.empty(), Optional.of(build),
                Optional.empty(), Optional.empty(), Optional.of(build.baseImage()), argv, new Location(path, line, 1),
                build.workdir());
    }

    private static List<String> values(List<ComposeValue> l) {
        return l.stream().map(ComposeValue::value).toList();
    }

    /** The compose service name, or the Dockerfile's path for an image run outside compose. */
    public String name() {
        return name;
    }

    /** Where the container is defined: the service's key, or the Dockerfile. */
    public Location location() {
        return location;
    }

    /** Whether this is a compose service (else an image built from a Dockerfile that no compose file runs). */
    public Optional<ComposeService> service() {
        return service;
    }

    /** The compose project of a compose service. */
    public Optional<ComposeStack> stack() {
        return stack;
    }

    /** The image built for it, when it is built from a Dockerfile of the repository. */
    public Optional<ImageBuild> build() {
        return image;
    }

    /**
     * For a service that runs {@code image:} without {@code build:}, the repository build that makes that image, for
     * messages ({@code built as acme/prometheus from prometheus/Dockerfile by .travis.yml:13}).
     */
    public Optional<Text> buildLink() {
        return buildLink;
    }

    /** A Dockerfile of the repository that probably builds the image the service pulls: a guess by names. */
    public Optional<ProbableBuild> probableBuild() {
        return probable;
    }

    /** {@code image:}, or the external image a built Dockerfile starts from. */
    public Optional<String> imageName() {
        return imageName;
    }

    /** The process: entrypoint then command words. Empty when neither compose nor a known image sets them. */
    public List<String> argv() {
        return argv;
    }

    /** Where the process is set: compose's {@code entrypoint:}/{@code command:}, the Dockerfile's, or the service. */
    public Location commandLocation() {
        return commandLocation;
    }

    public String workdir() {
        return workdir;
    }

    /** {@code ENV} of the built image. */
    public Map<String, String> imageEnv() {
        return image.map(ImageBuild::env).orElse(Map.of());
    }

    /** The repository path visible at {@code containerPath}: a bind mount, else a file the image copied. */
    public Optional<String> repositoryPathAt(String containerPath) {
        if (containerPath == null || containerPath.isEmpty() || containerPath.indexOf('$') >= 0) {
            return Optional.empty();
        }
        String c = ImageBuild.containerPath(workdir, containerPath);
        if (service.isPresent()) {
            Optional<String> mounted = service.get().repositoryPathAt(c);
            if (mounted.isPresent()) {
                return mounted;
            }
            if (service.get().mountAt(c).isPresent()) {
                return Optional.empty();
            }
        }
        return image.flatMap(b -> b.repositoryPathAt(c));
    }

    /** Container paths where the repository file {@code path} is visible (and not hidden by another mount). */
    public List<String> containerPathsOf(String path) {
        Set<String> out = new LinkedHashSet<>();
        if (service.isPresent()) {
            for (Mount m : service.get().volumes()) {
                m.repositoryPath().ifPresent(rp -> candidate(rp, m.target(), path).ifPresent(out::add));
            }
        }
        image.ifPresent(b -> b.files().forEach(p -> candidate(p.repositoryPath(), p.containerPath(), path)
                .ifPresent(out::add)));
        out.removeIf(c -> !repositoryPathAt(c).filter(path::equals).isPresent());
        return List.copyOf(out);
    }

    /**
     * Repository files the container sees at paths {@code containerPaths} matches (bind mounts, {@code configs:} and
     * {@code secrets:} files, files the image copied), looking under the container folder {@code dir}; sorted.
     */
    public List<String> repositoryFilesMatching(java.util.regex.Pattern containerPaths, String dir,
                                                io.samokoder.engine.Workspace ws) {
        String d = ImageBuild.containerPath(workdir, dir);
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        List<String[]> sources = new ArrayList<>();
        if (service.isPresent()) {
            for (Mount m : service.get().volumes()) {
                m.repositoryPath().filter(rp -> !m.target().isEmpty() && (m.isBind() || m.type().equals("config")
                        || m.type().equals("secret"))).ifPresent(rp -> sources.add(new String[] {rp,
                        ImageBuild.containerPath("/", m.target())}));
            }
        }
        image.ifPresent(b -> b.files().forEach(p -> sources.add(new String[] {p.repositoryPath(), p.containerPath()})));
        for (String[] src : sources) {
            String rp = src[0];
            String target = src[1];
            if (!(target.equals(d) || target.startsWith(d.equals("/") ? "/" : d + "/")
                    || d.startsWith(target.equals("/") ? "/" : target + "/"))) {
                continue;
            }
            if (rp.isEmpty() || ws.isDirectory(rp)) {
                for (String f : ws.filePathsUnder(rp)) {
                    String rest = rp.isEmpty() ? f : f.substring(rp.length() + 1);
                    String c = target.equals("/") ? "/" + rest : target + "/" + rest;
                    if (containerPaths.matcher(c).matches() && repositoryPathAt(c).filter(f::equals).isPresent()) {
                        out.add(f);
                    }
                }
            } else if (ws.exists(rp) && containerPaths.matcher(target).matches()
                    && repositoryPathAt(target).filter(rp::equals).isPresent()) {
                out.add(rp);
            }
        }
        return List.copyOf(out);
    }

    private static final java.util.Set<String> CONFIG_EXTENSIONS = java.util.Set.of("yml", "yaml", "json", "toml",
            "conf", "ini", "properties", "env", "cfg", "hcl", "river", "alloy", "xml");
    private static final int MAX_CONFIG_FILES = 200;

    /**
     * Where the container is set to listen on {@code port} beyond what compose declares: a flag or word of its
     * process ({@code --port 8001}, {@code --web.listen-address=:9091}, {@code -b 0.0.0.0:8001}), an environment
     * value ({@code PORT=8001}, {@code LISTEN_ADDR=:8001}), or a listen address or port setting in a config file of
     * the repository it sees, mounted or copied ({@code endpoint: 0.0.0.0:8889}, {@code port: 8889}). Empty when
     * none says so.
     */
    public Optional<String> listenSetting(AuditContext ctx, int port) {
        String p = String.valueOf(port);
        java.util.regex.Pattern address = java.util.regex.Pattern.compile(
                "(?:^|[\\s\"'=,(\\[])(?:0\\.0\\.0\\.0|\\[::]|\\*)?:" + p + "(?![0-9])");
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile(
                "(?i)(?:port|listen|addr|address|bind)[\\w.-]{0,40}[\"']?[ \\t]{0,8}[:= ][ \\t]{0,8}[\"']?"
                        + "(?:[\\w.\\[\\]:-]{0,64}:)?" + p
                        + "(?![0-9])");
        String command = String.join(" ", argv);
        if (address.matcher(command).find() || setting.matcher(command).find()) {
            return Optional.of("its command (" + commandLocation + ")");
        }
        if (service.isPresent()) {
            for (ComposeService.EnvironmentEntry e : service.get().environment().values()) {
                String v = e.value().map(ComposeValue::value).orElse("");
                if (address.matcher(v).find() || setting.matcher(e.name() + "=" + v).find()) {
                    return Optional.of("its environment " + e.name() + " (" + e.location() + ")");
                }
            }
        }
        for (Map.Entry<String, String> e : imageEnv().entrySet()) {
            if (address.matcher(e.getValue()).find() || setting.matcher(e.getKey() + "=" + e.getValue()).find()) {
                return Optional.of("its image's ENV " + e.getKey());
            }
        }
        int scanned = 0;
        for (String f : configFilesSeen(ctx.workspace())) {
            if (scanned++ >= MAX_CONFIG_FILES) {
                break;
            }
            Optional<SourceFile> sf = ctx.workspace().file(f).filter(x -> x.size() < 128 * 1024);
            Optional<String> text = sf.flatMap(x -> ctx.workspace().text(x));
            if (text.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = address.matcher(text.get());
            if (!m.find()) {
                m = setting.matcher(text.get());
                if (!m.find()) {
                    continue;
                }
            }
            return Optional.of(f + ":" + sf.get().lineOf(m.start()));
        }
        return Optional.empty();
    }

    /** Repository config files (by extension) the container sees through mounts or copies, in a stable order. */
    private List<String> configFilesSeen(io.samokoder.engine.Workspace ws) {
        Set<String> out = new LinkedHashSet<>();
        List<String> roots = new ArrayList<>();
        service.ifPresent(s -> s.volumes().forEach(m -> m.repositoryPath().filter(x -> m.isBind()
                || m.type().equals("config")).ifPresent(roots::add)));
        image.ifPresent(b -> b.files().forEach(pl -> roots.add(pl.repositoryPath())));
        for (String r : roots) {
            if (r.isEmpty() || ws.isDirectory(r)) {
                for (String f : ws.filePathsUnder(r)) {
                    if (isConfigName(f)) {
                        out.add(f);
                    }
                    if (out.size() > MAX_CONFIG_FILES) {
                        return List.copyOf(out);
                    }
                }
            } else if (isConfigName(r)) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A config file by its extension; compose files, CI files and the monitoring configs themselves are not the
     * container's own settings (a {@code port: 9100} of a scrape job says nothing about where it listens).
     */
    private static boolean isConfigName(String path) {
        if (io.samokoder.workspace.FileKinds.isCompose(path) || io.samokoder.workspace.FileKinds.isCi(path)
                || io.samokoder.workspace.FileKinds.isPrometheusByName(path)
                || io.samokoder.workspace.FileKinds.isPrometheusRules(path)
                || io.samokoder.workspace.FileKinds.isAlertmanagerByName(path)
                || io.samokoder.workspace.FileKinds.isGrafanaProvisioning(path)) {
            return false;
        }
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && CONFIG_EXTENSIONS.contains(n.substring(dot + 1)) || n.equals(".env");
    }

    /**
     * Why the container never reads the environment variable {@code name}, or empty when it may: its image's program
     * takes its settings only from its config file ({@link KnownImages#fileConfigured}), the service runs that program
     * as the image does (no build, no entrypoint, a command that starts the program without naming the variable), the
     * config file is a repository file mounted into it, and no repository file mounted into it names the variable.
     *
     * @return the program and the repository path of its config file
     */
    public Optional<UnreadVariable> unreadVariable(AuditContext ctx, String name) {
        if (service.isEmpty() || image.isPresent() || probable.isPresent() || service.get().hasBuild()
                || imageName.isEmpty() || service.get().entrypoint().isPresent()) {
            return Optional.empty();
        }
        Optional<KnownImages.FileConfigured> known = KnownImages.fileConfigured(imageName.get());
        if (known.isEmpty() || known.get().ownPrefixes().stream().anyMatch(name::startsWith)) {
            return Optional.empty();
        }
        String config = known.get().config();
        List<String> command = argv;
        if (!command.isEmpty()) {
            if (!ScriptPrograms.basename(command.get(0)).equals(known.get().program())) {
                return Optional.empty();
            }
            for (int i = 0; i < command.size(); i++) {
                String w = command.get(i);
                if (w.indexOf('$') >= 0 || w.contains(name)) {
                    return Optional.empty();
                }
                if (w.equals(known.get().configFlag()) && i + 1 < command.size()) {
                    config = command.get(i + 1);
                } else if (w.startsWith(known.get().configFlag() + "=")) {
                    config = w.substring(known.get().configFlag().length() + 1);
                }
            }
        }
        Optional<String> configFile = repositoryPathAt(config).filter(p -> ctx.workspace().file(p).isPresent());
        if (configFile.isEmpty()) {
            return Optional.empty(); // the config comes from elsewhere: what it names is unknown
        }
        java.util.regex.Pattern word = java.util.regex.Pattern.compile(
                "(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name) + "(?![A-Za-z0-9_])");
        int seen = 0;
        for (Mount m : service.get().volumes()) {
            Optional<String> rp = m.repositoryPath().filter(x -> m.isBind() || m.type().equals("config")
                    || m.type().equals("secret"));
            if (rp.isEmpty()) {
                continue;
            }
            java.util.Collection<String> files = rp.get().isEmpty() || ctx.workspace().isDirectory(rp.get())
                    ? ctx.workspace().filePathsUnder(rp.get()) : List.of(rp.get());
            for (String f : files) {
                Optional<SourceFile> sf = ctx.workspace().file(f);
                if (sf.isEmpty()) {
                    continue;
                }
                // a file too large to read, or too many of them: what they name is unknown
                if (++seen > MAX_CONFIG_FILES || sf.get().size() > MAX_SCRIPT_SIZE) {
                    return Optional.empty();
                }
                Optional<String> text = ctx.workspace().text(sf.get());
                if (text.isEmpty() || word.matcher(text.get()).find()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new UnreadVariable(known.get().program(), configFile.get()));
    }

    /** The compose mount of any type (bind, named volume, tmpfs, config) whose target covers a container path. */
    public Optional<Mount> mountCovering(String containerPath) {
        if (service.isEmpty()) {
            return Optional.empty();
        }
        String c = ImageBuild.containerPath(workdir, containerPath);
        Mount best = null;
        for (Mount m : service.get().volumes()) {
            if (m.target().isEmpty()) {
                continue;
            }
            String t = ImageBuild.containerPath("/", m.target());
            if ((c.equals(t) || t.equals("/") || c.startsWith(t + "/"))
                    && (best == null || t.length() > ImageBuild.containerPath("/", best.target()).length())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The {@code COPY}/{@code ADD} of the image that provides a container path (the file or a folder above it). */
    public Optional<ImageBuild.Placement> copyCovering(String containerPath) {
        if (image.isEmpty()) {
            return Optional.empty();
        }
        String c = ImageBuild.containerPath(workdir, containerPath);
        List<ImageBuild.Placement> files = image.get().files();
        for (int i = files.size() - 1; i >= 0; i--) {
            ImageBuild.Placement p = files.get(i);
            if (p.containerPath().equals(c) || p.directory() && (p.containerPath().equals("/")
                    || c.startsWith(p.containerPath() + "/"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> candidate(String repositoryPath, String target, String path) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String t = ImageBuild.containerPath("/", target);
        if (repositoryPath.equals(path)) {
            return Optional.of(t);
        }
        if (repositoryPath.isEmpty() || path.startsWith(repositoryPath + "/")) {
            String rest = repositoryPath.isEmpty() ? path : path.substring(repositoryPath.length() + 1);
            return Optional.of(t.equals("/") ? "/" + rest : t + "/" + rest);
        }
        return Optional.empty();
    }

    /**
     * The shell text the container runs: the script of an {@code sh -c} process, else the command line itself, then
     * the repository scripts it reaches (a word that names a container path where a repository script is visible),
     * breadth first, at most {@value #MAX_SCRIPTS}.
     */
    public List<Script> scripts(AuditContext ctx) {
        List<Script> out = new ArrayList<>();
        out.add(new Script(commandText(), Optional.empty(), commandLocation));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(commandText());
        while (!queue.isEmpty() && out.size() <= MAX_SCRIPTS) {
            String text = queue.poll();
            List<String> candidates = new ArrayList<>();
            for (String word : ShellCommands.words(text.replace(';', ' ').replace("&&", " ").replace("|", " "))) {
                String w = word.replaceAll("^[<>]+", "");
                if ((w.startsWith("/") || w.startsWith("./")) && w.indexOf('$') < 0) {
                    candidates.add(w);
                }
            }
            for (String name : ScriptPrograms.commandNames(text)) {
                for (String dir : PATH) {
                    candidates.add(dir + "/" + name); // a bare command name is looked up in PATH
                }
            }
            for (String w : candidates) {
                if (out.size() > MAX_SCRIPTS) {
                    break;
                }
                Optional<SourceFile> file = repositoryPathAt(w).flatMap(p -> ctx.workspace().file(p))
                        .filter(f -> f.size() < MAX_SCRIPT_SIZE && seen.add(f.path()));
                if (file.isEmpty()) {
                    continue;
                }
                Optional<String> body = ctx.workspace().text(file.get()).filter(Container::isScript);
                if (body.isPresent()) {
                    out.add(new Script(body.get(), Optional.of(file.get().path()),
                            new Location(file.get().path(), 1, 1)));
                    queue.add(body.get());
                }
            }
        }
        return out;
    }

    private static boolean isScript(String text) {
        if (text.startsWith("#!")) {
            return true;
        }
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        return !head.contains("\0") && (head.contains("envsubst") || head.contains("exec ") || head.contains("sed ")
                || head.contains("gomplate") || head.contains("dockerize"));
    }

    /** The process as one shell text: the {@code sh -c} script when there is one, else the words joined. */
    public String commandText() {
        for (int i = 0; i + 1 < argv.size(); i++) {
            String b = ScriptPrograms.basename(argv.get(i));
            String next = argv.get(i + 1);
            if ((b.equals("sh") || b.equals("bash") || b.equals("ash") || b.equals("dash"))
                    && next.startsWith("-") && next.indexOf('c') > 0 && i + 2 < argv.size()) {
                return argv.get(i + 2);
            }
        }
        List<String> quoted = new ArrayList<>();
        for (String a : argv) {
            quoted.add(a.isEmpty() || a.matches(".*[\\s;&|<>'\"].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return String.join(" ", quoted);
    }

    @Override
    public String toString() {
        return name + " (" + location + ")";
    }
}
