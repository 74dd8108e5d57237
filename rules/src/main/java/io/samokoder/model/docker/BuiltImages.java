package io.samokoder.model.docker;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ShellCommands;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which image names the repository's own builds give to which of its Dockerfiles, so that a compose service that runs
 * {@code image: acme/prometheus:v2} without {@code build:} is known to run the image built from
 * {@code prometheus/Dockerfile}. A link is certain when the repository says so: a {@code docker build -t acme/prometheus
 * prometheus} (also {@code docker buildx build}, {@code podman build}, after {@code cd prometheus &&}) in a CI file,
 * shell script or Makefile; a GitHub Actions {@code docker/build-push-action} step with {@code tags:} and
 * {@code context:}; a compose service with both {@code build:} and {@code image:} (compose tags what it builds).
 * Tags are ignored (the repository names the image it pushes; which tag a stack pulls is a release question).
 * Otherwise a link can only be guessed, from a Dockerfile whose folder is named like the image
 * ({@code acme/swarmprom-prometheus} and {@code prometheus/Dockerfile}): {@link #guess}. Shared model:
 * {@link #of(AuditContext)}.
 */
public final class BuiltImages {

    /**
     * A build of the repository that names its image.
     *
     * @param image      the image repository, without tag or digest ({@link KnownImages#repository})
     * @param dockerfile repository path of the Dockerfile
     * @param context    repository path of the build context ({@code ""} for the root)
     * @param target     the stage built, when named
     * @param args       build arguments given on the command line or in compose
     * @param location   where the build is written
     * @param howText    for messages: {@code built as acme/app from app/Dockerfile by build.sh:2}
     */
    public record Recipe(String image, String dockerfile, String context, Optional<String> target,
                         Map<String, String> args, Location location, Text howText) {

        /** {@link #howText} in English. */
        public String how() {
            return howText.english();
        }
    }

    /** A Dockerfile that probably builds an image, by its folder's name only; {@code whyText} says so for messages. */
    public record Guess(String image, String dockerfile, String context, Text whyText) {

        /** {@link #whyText} in English. */
        public String why() {
            return whyText.english();
        }
    }

    private static final int MAX_TEXT = 512 * 1024;
    private static final Set<String> VALUE_OPTIONS = Set.of("--add-host", "--allow", "--annotation", "--attest",
            "--build-context", "--builder", "--cache-from", "--cache-to", "--call", "--cgroup-parent", "--cpu-period",
            "--cpu-quota", "--cpu-shares", "--cpuset-cpus", "--cpuset-mems", "--iidfile", "--isolation", "--label",
            "--memory", "--memory-swap", "--metadata-file", "--network", "--output", "--platform", "--progress",
            "--secret", "--security-opt", "--shm-size", "--ssh", "--ulimit", "--format", "--layers", "--jobs",
            "-m", "-o", "--os", "--arch", "--variant", "--authfile", "--creds", "--sign-by", "--timestamp");

    private final Map<String, Recipe> recipes;
    private final List<String> dockerfiles;
    private final Set<String> inputs;

    private BuiltImages(Map<String, Recipe> recipes, List<String> dockerfiles, Set<String> inputs) {
        this.recipes = Map.copyOf(recipes);
        this.dockerfiles = List.copyOf(dockerfiles);
        this.inputs = Set.copyOf(inputs);
    }

    public static BuiltImages of(AuditContext ctx) {
        return ctx.model(BuiltImages.class, BuiltImages::load);
    }

    private static BuiltImages load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        Map<String, Recipe> out = new LinkedHashMap<>();
        Set<String> inputs = new LinkedHashSet<>();
        List<String> dockerfiles = new ArrayList<>();
        ComposeProject compose = ComposeProject.of(ctx);
        for (ComposeService s : compose.services()) {
            Optional<ComposeService.Build> b = s.build();
            if (b.isEmpty() || s.image().isEmpty() || b.get().context().isEmpty() || b.get().dockerfile().isEmpty()) {
                continue;
            }
            String image = KnownImages.repository(s.image().get().value());
            if (named(image) && ws.file(b.get().dockerfile().get()).isPresent()) {
                out.putIfAbsent(image, new Recipe(image, b.get().dockerfile().get(), b.get().context().get(),
                        b.get().target(), b.get().args(), s.image().get().location(),
                        Text.of("model.build.byService", s.name(), b.get().location())));
            }
        }
        for (SourceFile f : ws.files()) {
            if (Dockerfile.isDockerfileName(f.name())) {
                dockerfiles.add(f.path());
                continue;
            }
            if (!isBuildScript(f) || f.size() > MAX_TEXT) {
                continue;
            }
            Optional<String> text = ws.text(f);
            if (text.isEmpty() || !(text.get().contains(" build") || text.get().contains(" bud")
                    || text.get().contains("build-push-action"))) {
                continue;
            }
            int before = out.size();
            commands(ws, f, text.get(), out);
            if (FileKinds.isGithubWorkflow(f.path()) && text.get().contains("build-push-action")) {
                actions(ctx, f, out);
            }
            if (out.size() > before) {
                inputs.add(f.path());
            }
        }
        return new BuiltImages(out, dockerfiles, inputs);
    }

    private static boolean isBuildScript(SourceFile f) {
        String n = f.name().toLowerCase(Locale.ROOT);
        return FileKinds.isCi(f.path()) || n.endsWith(".sh") || n.endsWith(".bash") || n.equals("makefile")
                || n.equals("gnumakefile") || n.endsWith(".mk") || n.equals("justfile") || n.equals("jenkinsfile")
                || n.startsWith("taskfile.");
    }

    /** An image name a build can give: no variable in its repository part. */
    private static boolean named(String image) {
        return !image.isEmpty() && image.indexOf('$') < 0 && image.indexOf('{') < 0 && image.indexOf('<') < 0;
    }

    /** {@code docker build}/{@code buildx build}/{@code podman build} lines, with the {@code cd}s before them. */
    private static void commands(Workspace ws, SourceFile f, String text, Map<String, Recipe> out) {
        String[] lines = text.split("\n", -1);
        Optional<String> cwd = Optional.of("");
        for (int i = 0; i < lines.length; i++) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines[i]);
            while (logical.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
                String l = logical.toString().stripTrailing();
                logical.setLength(0);
                logical.append(l, 0, l.length() - 1).append(' ').append(lines[++i]);
            }
            // a CI expression (`${{ github.sha }}`) is one word whose value is not known here
            String line = logical.toString().strip().replaceAll("\\$\\{\\{[^}]{0,200}}}", "\\${CI_EXPRESSION}");
            if (line.startsWith("#")) {
                continue;
            }
            // a YAML list item or key holding the command (`- cd x && docker build ...`, `run: docker build ...`)
            line = line.replaceFirst("^-\\s+", "");
            if (line.startsWith("run:")) {
                cwd = Optional.of(""); // each GitHub Actions step starts a shell in the workspace root
            }
            line = line.replaceFirst("^(?:run|script|command|cmd)\\s*:\\s*[|>]?-?\\s*", "");
            for (String command : line.split("&&|\\|\\||;")) {
                List<String> w = ShellCommands.words(command.strip());
                if (w.isEmpty()) {
                    continue;
                }
                if (w.get(0).equals("cd")) {
                    cwd = w.size() < 2 ? Optional.of("") : cd(cwd, w.get(1));
                    continue;
                }
                int at = buildAt(w);
                if (at >= 0) {
                    build(ws, f, first + 1, w.subList(at, w.size()), cwd, out);
                }
            }
        }
    }

    private static Optional<String> cd(Optional<String> cwd, String dir) {
        if (cwd.isEmpty() || dir.startsWith("/") || dir.startsWith("~") || dir.indexOf('$') >= 0
                || dir.equals("-")) {
            return Optional.empty(); // somewhere this model cannot name
        }
        String p = Workspace.normalize(cwd.get().isEmpty() ? dir : cwd.get() + "/" + dir);
        return p.equals("..") || p.startsWith("../") ? Optional.empty() : Optional.of(p.equals(".") ? "" : p);
    }

    /** Index of the first argument after {@code docker build}, {@code docker buildx build}, …; -1 when none. */
    private static int buildAt(List<String> w) {
        for (int i = 0; i + 1 < w.size(); i++) {
            String tool = w.get(i).substring(w.get(i).lastIndexOf('/') + 1);
            String next = w.get(i + 1);
            if ((tool.equals("docker") || tool.equals("podman")) && next.equals("build")) {
                return i + 2;
            }
            if ((tool.equals("docker") || tool.equals("podman")) && i + 2 < w.size()
                    && (next.equals("buildx") || next.equals("image")) && w.get(i + 2).equals("build")) {
                return i + 3;
            }
            if (tool.equals("buildah") && (next.equals("bud") || next.equals("build"))) {
                return i + 2;
            }
        }
        return -1;
    }

    private static void build(Workspace ws, SourceFile f, int line, List<String> args, Optional<String> cwd,
                              Map<String, Recipe> out) {
        List<String> tags = new ArrayList<>();
        Optional<String> file = Optional.empty();
        Optional<String> target = Optional.empty();
        Map<String, String> buildArgs = new LinkedHashMap<>();
        String context = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            if (a.equals("-t") || a.equals("--tag")) {
                tags.add(value);
                i++;
            } else if (a.startsWith("--tag=")) {
                tags.add(a.substring(6));
            } else if (a.startsWith("-t") && a.length() > 2) {
                tags.add(a.substring(2));
            } else if (a.equals("-f") || a.equals("--file")) {
                file = Optional.of(value);
                i++;
            } else if (a.startsWith("--file=")) {
                file = Optional.of(a.substring(7));
            } else if (a.equals("--target")) {
                target = Optional.of(value);
                i++;
            } else if (a.startsWith("--target=")) {
                target = Optional.of(a.substring(9));
            } else if (a.equals("--build-arg")) {
                arg(value, buildArgs);
                i++;
            } else if (a.startsWith("--build-arg=")) {
                arg(a.substring(12), buildArgs);
            } else if (VALUE_OPTIONS.contains(a)) {
                i++;
            } else if (a.startsWith("-")) {
                continue; // a flag, or --name=value
            } else if (a.startsWith(">") || a.startsWith("<") || a.equals("|")) {
                break;
            } else if (context == null) {
                context = a;
            }
        }
        if (context == null || tags.isEmpty() || context.equals("-") || context.contains("://")
                || context.startsWith("git@") || context.indexOf('$') >= 0) {
            return;
        }
        // the build runs where the script is: the tracked folder, else the script's folder, else the root
        List<String> bases = new ArrayList<>();
        cwd.ifPresent(bases::add);
        bases.add(f.folder());
        bases.add("");
        for (String base : new LinkedHashSet<>(bases)) {
            Optional<String> ctxDir = resolve(base, context);
            if (ctxDir.isEmpty() || !(ctxDir.get().isEmpty() || ws.isDirectory(ctxDir.get()))) {
                continue;
            }
            String df = file.map(x -> resolve(base, x).orElse("")).orElse(ctxDir.get().isEmpty() ? "Dockerfile"
                    : ctxDir.get() + "/Dockerfile");
            if (df.isEmpty() || ws.file(df).isEmpty()) {
                continue;
            }
            for (String t : tags) {
                String image = KnownImages.repository(t);
                if (named(image)) {
                    out.putIfAbsent(image, new Recipe(image, df, ctxDir.get(), target, Map.copyOf(buildArgs),
                            new Location(f.path(), line, 1), Text.of("model.build.builtAs", image, df,
                            f.path() + ":" + line)));
                }
            }
            return;
        }
    }

    private static void arg(String kv, Map<String, String> into) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
            into.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
    }

    private static Optional<String> resolve(String base, String rel) {
        if (rel.startsWith("/")) {
            return Optional.empty();
        }
        String p = Workspace.normalize(base.isEmpty() ? rel : base + "/" + rel);
        if (p.equals(".")) {
            p = "";
        }
        return p.equals("..") || p.startsWith("../") ? Optional.empty() : Optional.of(p);
    }

    /** GitHub Actions steps {@code uses: docker/build-push-action@…} with {@code tags:} and {@code context:}. */
    private static void actions(AuditContext ctx, SourceFile f, Map<String, Recipe> out) {
        YamlDocument doc = ctx.yaml(f);
        for (Node job : YamlDocument.mapping(doc.rootMapping().get("jobs")).values()) {
            for (Node step : YamlDocument.sequence(YamlDocument.mapping(job).get("steps"))) {
                Map<String, Node> m = YamlDocument.mapping(step);
                Optional<String> uses = YamlDocument.scalar(m.get("uses"));
                if (uses.isEmpty() || !uses.get().startsWith("docker/build-push-action")) {
                    continue;
                }
                Map<String, Node> with = YamlDocument.mapping(m.get("with"));
                String context = YamlDocument.scalar(with.get("context")).orElse(".");
                Optional<String> file = YamlDocument.scalar(with.get("file"));
                Optional<String> target = YamlDocument.scalar(with.get("target"));
                List<String> tags = new ArrayList<>();
                Node t = with.get("tags");
                for (Node item : YamlDocument.sequence(t)) {
                    YamlDocument.scalar(item).ifPresent(tags::add);
                }
                YamlDocument.scalar(t).ifPresent(s -> {
                    for (String part : s.split("[,\\n]")) {
                        tags.add(part.strip());
                    }
                });
                if (context.contains("${{") || context.contains("://")) {
                    continue;
                }
                Optional<String> ctxDir = resolve("", context);
                if (ctxDir.isEmpty()) {
                    continue;
                }
                String df = file.filter(x -> !x.contains("${{")).flatMap(x -> resolve("", x))
                        .orElse(ctxDir.get().isEmpty() ? "Dockerfile" : ctxDir.get() + "/Dockerfile");
                if (ctx.workspace().file(df).isEmpty()) {
                    continue;
                }
                int line = YamlDocument.line(step);
                for (String tag : tags) {
                    String image = tag.isEmpty() || tag.contains("${{") ? "" : KnownImages.repository(tag);
                    if (named(image)) {
                        out.putIfAbsent(image, new Recipe(image, df, ctxDir.get(), target, Map.of(),
                                new Location(f.path(), line, 1), Text.of("model.build.builtAs", image, df,
                                f.path() + ":" + line)));
                    }
                }
            }
        }
    }

    /** The repository's build of an image ({@code acme/prometheus:v2} → the recipe tagged {@code acme/prometheus}). */
    public Optional<Recipe> recipeFor(String imageReference) {
        return Optional.ofNullable(recipes.get(KnownImages.repository(imageReference)));
    }

    /**
     * A Dockerfile that probably builds the image, by name only: the one Dockerfile of a folder named like the
     * image's last path segment or one of its dash-separated parts ({@code acme/swarmprom-prometheus} →
     * {@code prometheus/Dockerfile}), or named {@code Dockerfile.<part>}. Empty when none or several fit.
     */
    public Optional<Guess> guess(String imageReference, Set<String> excluded) {
        String repo = KnownImages.repository(imageReference);
        if (!named(repo)) {
            return Optional.empty();
        }
        String last = repo.substring(repo.lastIndexOf('/') + 1);
        Set<String> parts = new LinkedHashSet<>();
        parts.add(last);
        for (String p : last.split("[-_.]")) {
            if (p.length() >= 3) {
                parts.add(p);
            }
        }
        List<String> hits = new ArrayList<>();
        for (String df : dockerfiles) {
            if (excluded.contains(df)) {
                continue;
            }
            int slash = df.lastIndexOf('/');
            String folder = slash < 0 ? "" : df.substring(0, slash);
            String folderName = folder.substring(folder.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            String name = df.substring(slash + 1).toLowerCase(Locale.ROOT);
            String suffix = name.startsWith("dockerfile.") ? name.substring(11)
                    : name.endsWith(".dockerfile") ? name.substring(0, name.length() - 11) : "";
            boolean byFolder = name.equals("dockerfile") && parts.contains(folderName);
            if (byFolder || !suffix.isEmpty() && parts.contains(suffix)) {
                hits.add(df);
            }
        }
        if (hits.size() != 1) {
            return Optional.empty();
        }
        String df = hits.get(0);
        int slash = df.lastIndexOf('/');
        return Optional.of(new Guess(repo, df, slash < 0 ? "" : df.substring(0, slash),
                Text.of("model.build.byNameOnly", repo, df)));
    }

    /** Every build recipe, by image. */
    public Map<String, Recipe> recipes() {
        return recipes;
    }

    /** The scripts and CI files the recipes come from. */
    public Set<String> inputs() {
        return inputs;
    }
}
