package io.samokoder.model.docker;

import io.samokoder.engine.Workspace;
import io.samokoder.model.compose.ShellCommands;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What building one stage of a Dockerfile from a build context produces, as far as the repository is concerned:
 * which repository files and folders {@code COPY}/{@code ADD} put at which container paths (through earlier stages
 * too, {@code COPY --from=stage}), the {@code ENV} the container starts with, the working directory, and the process
 * it runs ({@code ENTRYPOINT}/{@code CMD}, inherited from earlier stages and from the official images
 * {@link KnownImages} knows). {@code ARG}/{@code ENV} references in {@code FROM}, {@code COPY}, {@code ADD},
 * {@code ENV} and {@code WORKDIR} are substituted as the builder does; {@code RUN} is recorded, not interpreted.
 */
public final class ImageBuild {

    /**
     * A repository file or folder the image contains.
     *
     * @param containerPath  absolute path inside the image
     * @param repositoryPath the repository file or folder copied there
     * @param directory      whether a folder's contents were copied (the container path is then a folder)
     * @param line           line of the {@code COPY}/{@code ADD}
     */
    public record Placement(String containerPath, String repositoryPath, boolean directory, int line) {
    }

    /**
     * {@code ENTRYPOINT} or {@code CMD}.
     *
     * @param argv      the words the container runs (a shell form is wrapped in the stage's {@code SHELL},
     *                  {@code /bin/sh -c} by default)
     * @param inherited set by the base image, not by this Dockerfile
     * @param line      line of the instruction (0 when inherited from an external image)
     */
    public record Command(List<String> argv, boolean inherited, int line) {
    }

    private final Dockerfile dockerfile;
    private final Workspace workspace;
    private String baseImage = "";
    private final List<Placement> files = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String workdir = "/";
    private Optional<Command> entrypoint = Optional.empty();
    private Optional<Command> cmd = Optional.empty();
    private final List<Dockerfile.Instruction> runs = new ArrayList<>();
    private final Set<String> addedNames = new HashSet<>();

    private ImageBuild(Dockerfile dockerfile, Workspace workspace) {
        this.dockerfile = dockerfile;
        this.workspace = workspace;
    }

    /**
     * Builds the stage {@code target} (else the last) of {@code dockerfile} with {@code context} as the build context
     * (a repository folder, {@code ""} for the root) and {@code buildArgs} as {@code --build-arg} values.
     */
    public static Optional<ImageBuild> of(Dockerfile dockerfile, String context, Optional<String> target,
                                          Map<String, String> buildArgs, Workspace workspace) {
        Optional<Dockerfile.Stage> stage = dockerfile.stage(target);
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> global = new LinkedHashMap<>();
        for (Dockerfile.Instruction in : dockerfile.preamble()) {
            if (in.keyword().equals("ARG")) {
                arg(in.arguments(), buildArgs, global, global);
            }
        }
        return Optional.of(build(dockerfile, stage.get(), context, buildArgs, global, workspace, 0));
    }

    private static ImageBuild build(Dockerfile df, Dockerfile.Stage stage, String context, Map<String, String> buildArgs,
                                    Map<String, String> global, Workspace ws, int depth) {
        ImageBuild image = new ImageBuild(df, ws);
        String base = substitute(stage.base(), global);
        Optional<Dockerfile.Stage> parent = depth < 16 ? df.stageNamed(base, stage.index()) : Optional.empty();
        if (parent.isPresent()) {
            ImageBuild p = build(df, parent.get(), context, buildArgs, global, ws, depth + 1);
            image.baseImage = p.baseImage;
            image.files.addAll(p.files);
            image.env.putAll(p.env);
            image.workdir = p.workdir;
            image.entrypoint = p.entrypoint.map(c -> new Command(c.argv(), true, c.line()));
            image.cmd = p.cmd.map(c -> new Command(c.argv(), true, c.line()));
            image.runs.addAll(p.runs);
            image.addedNames.addAll(p.addedNames);
        } else {
            image.baseImage = base;
            KnownImages.defaults(base).ifPresent(d -> {
                image.entrypoint = Optional.of(new Command(d.entrypoint(), true, 0));
                image.cmd = Optional.of(new Command(d.cmd(), true, 0));
                image.workdir = d.workdir();
            });
        }
        Map<String, String> args = new LinkedHashMap<>();
        List<String> shell = List.of("/bin/sh", "-c");
        for (Dockerfile.Instruction in : stage.instructions()) {
            Map<String, String> vars = new LinkedHashMap<>(args);
            vars.putAll(image.env);
            switch (in.keyword()) {
                case "ARG" -> arg(in.arguments(), buildArgs, global, args);
                case "ENV" -> image.env.putAll(envPairs(in.arguments(), vars));
                case "WORKDIR" -> image.workdir = containerPath(image.workdir, substitute(in.arguments(), vars));
                case "COPY", "ADD" -> image.copy(df, in, stage, context, buildArgs, global, ws, vars, depth);
                case "RUN" -> image.runs.add(in);
                case "SHELL" -> shell = in.exec().orElse(shell);
                case "ENTRYPOINT" -> {
                    image.entrypoint = Optional.of(new Command(command(in, shell), false, in.line()));
                    if (image.cmd.filter(Command::inherited).isPresent()) {
                        image.cmd = Optional.empty(); // ENTRYPOINT resets a CMD that came from the base image
                    }
                }
                case "CMD" -> image.cmd = Optional.of(new Command(command(in, shell), false, in.line()));
                default -> {
                }
            }
        }
        return image;
    }

    private static List<String> command(Dockerfile.Instruction in, List<String> shell) {
        if (in.exec().isPresent()) {
            return in.exec().get();
        }
        List<String> argv = new ArrayList<>(shell);
        argv.add(in.arguments());
        return List.copyOf(argv);
    }

    /** {@code ARG NAME[=default]}: the build argument's value, else the default, else the global ARG's value. */
    private static void arg(String arguments, Map<String, String> buildArgs, Map<String, String> global,
                            Map<String, String> into) {
        for (String word : ShellCommands.words(arguments)) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            String value = buildArgs.containsKey(name) ? buildArgs.get(name)
                    : eq >= 0 ? substitute(word.substring(eq + 1), into) : global.getOrDefault(name, "");
            into.put(name, value);
        }
    }

    /** {@code ENV a=1 b="two words"}, or the legacy {@code ENV name value with spaces}. */
    static Map<String, String> envPairs(String arguments, Map<String, String> vars) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> words = ShellCommands.words(arguments);
        if (words.isEmpty()) {
            return out;
        }
        if (words.get(0).indexOf('=') <= 0) {
            String name = words.get(0);
            String value = arguments.strip().substring(Math.min(arguments.strip().length(), name.length())).strip();
            out.put(name, substitute(value, vars));
            return out;
        }
        for (String w : words) {
            int eq = w.indexOf('=');
            if (eq > 0) {
                Map<String, String> scope = new LinkedHashMap<>(vars);
                scope.putAll(out);
                out.put(w.substring(0, eq), substitute(w.substring(eq + 1), scope));
            }
        }
        return out;
    }

    private void copy(Dockerfile df, Dockerfile.Instruction in, Dockerfile.Stage stage, String context,
                      Map<String, String> buildArgs, Map<String, String> global, Workspace ws,
                      Map<String, String> vars, int depth) {
        List<String> words = in.exec().orElseGet(() -> List.of(in.arguments().split("\\s+")));
        words = words.stream().filter(w -> !w.isEmpty()).map(w -> substitute(w, vars)).toList();
        if (words.size() < 2) {
            return;
        }
        List<String> sources = words.subList(0, words.size() - 1);
        String dest = words.get(words.size() - 1);
        boolean destIsDir = dest.endsWith("/") || dest.equals(".") || dest.endsWith("/.") || sources.size() > 1;
        String destPath = containerPath(workdir, dest);
        for (String s : sources) {
            addedNames.add(basename(s));
        }
        addedNames.add(basename(destPath));
        Optional<String> from = in.flag("from").map(f -> substitute(f, vars));
        if (from.isPresent()) {
            Optional<Dockerfile.Stage> other = depth < 16 ? df.stageNamed(from.get(), stage.index()) : Optional.empty();
            if (other.isEmpty()) {
                return; // another image's files: not the repository's
            }
            ImageBuild o = build(df, other.get(), context, buildArgs, global, ws, depth + 1);
            for (String s : sources) {
                String src = containerPath(o.workdir, s);
                String target = destIsDir ? join(destPath, basename(src)) : destPath;
                for (Placement p : o.files) {
                    if (p.containerPath().equals(src)) {
                        files.add(new Placement(p.directory() ? destPath : target, p.repositoryPath(), p.directory(),
                                in.line()));
                    } else if (p.directory() && src.startsWith(p.containerPath() + "/")) {
                        String rest = src.substring(p.containerPath().length() + 1);
                        files.add(new Placement(target, p.repositoryPath() + "/" + rest, ws.isDirectory(
                                p.repositoryPath() + "/" + rest), in.line()));
                    } else if (p.containerPath().startsWith(src + "/")) {
                        files.add(new Placement(join(destPath, p.containerPath().substring(src.length() + 1)),
                                p.repositoryPath(), p.directory(), in.line()));
                    }
                }
            }
            return;
        }
        for (String s : sources) {
            if (s.contains("://") || s.startsWith("git@") || s.startsWith("<<")) {
                continue; // a download or a here-document: not a repository file
            }
            String rel = Workspace.normalize(context.isEmpty() ? s : context + "/" + s);
            if (rel.equals("..") || rel.startsWith("../") || !(rel.equals(context) || context.isEmpty()
                    || rel.startsWith(context + "/"))) {
                continue; // outside the build context
            }
            if (s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0) {
                Pattern glob;
                try {
                    glob = glob(rel);
                } catch (java.util.regex.PatternSyntaxException e) {
                    continue; // a pattern the builder would reject too
                }
                for (String p : ws.filePathsUnder(context)) {
                    if (glob.matcher(p).matches()) {
                        files.add(new Placement(join(destPath, basename(p)), p, false, in.line()));
                    }
                }
                for (String d : ws.allDirectoryPaths()) {
                    if (glob.matcher(d).matches()) {
                        files.add(new Placement(join(destPath, basename(d)), d, true, in.line()));
                    }
                }
            } else if (ws.isDirectory(rel)) {
                files.add(new Placement(destPath, rel, true, in.line()));
            } else if (ws.exists(rel)) {
                files.add(new Placement(destIsDir ? join(destPath, basename(rel)) : destPath, rel, false, in.line()));
            }
        }
    }

    private static Pattern glob(String path) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int close = path.indexOf(']', i + 1);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        String cls = path.substring(i + 1, close).replace("\\", "\\\\");
                        re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** A container path: {@code path} resolved against {@code workdir}, normalised, starting with {@code /}. */
    public static String containerPath(String workdir, String path) {
        String p = path.startsWith("/") ? path : workdir + "/" + path;
        return "/" + Workspace.normalize(p.replaceFirst("^/+", ""));
    }

    private static String join(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    private static String basename(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * The builder's substitution: {@code $name}, {@code ${name}}, {@code ${name:-word}}, {@code ${name:+word}};
     * {@code \$} is a literal dollar; an unset name is empty.
     */
    static String substitute(String text, Map<String, String> vars) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(text.substring(i));
                    break;
                }
                String inner = text.substring(i + 2, close);
                int op = inner.indexOf(':');
                String name = op < 0 ? inner : inner.substring(0, op);
                String value = vars.get(name);
                if (op >= 0 && op + 1 < inner.length() && inner.charAt(op + 1) == '-') {
                    out.append(value == null || value.isEmpty() ? inner.substring(op + 2) : value);
                } else if (op >= 0 && op + 1 < inner.length() && inner.charAt(op + 1) == '+') {
                    out.append(value == null || value.isEmpty() ? "" : inner.substring(op + 2));
                } else {
                    out.append(value == null ? "" : value);
                }
                i = close;
            } else if (c == '$' && i + 1 < text.length()
                    && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                out.append(vars.getOrDefault(text.substring(i + 1, end), ""));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public Dockerfile dockerfile() {
        return dockerfile;
    }

    /** The external image the built stage starts from ({@code FROM} after following earlier stages). */
    public String baseImage() {
        return baseImage;
    }

    /** Repository files and folders in the image, in the order they were copied (later ones win). */
    public List<Placement> files() {
        return List.copyOf(files);
    }

    /** {@code ENV} of the image (after substitution). */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public String workdir() {
        return workdir;
    }

    public Optional<Command> entrypoint() {
        return entrypoint;
    }

    public Optional<Command> cmd() {
        return cmd;
    }

    /** {@code RUN} instructions of the built stage and the stages it starts from. */
    public List<Dockerfile.Instruction> runs() {
        return List.copyOf(runs);
    }

    /**
     * Whether the image gets a command-line tool beyond its base: a {@code RUN} that names the tool or its package
     * ({@code apk add gettext}, {@code apt-get install gettext-base}, a download of the binary), or a
     * {@code COPY}/{@code ADD} of a file of that name (also {@code COPY --from=alpine /usr/bin/envsubst}).
     */
    public boolean adds(String tool, String... packages) {
        if (addedNames.contains(tool)) {
            return true;
        }
        for (Dockerfile.Instruction r : runs) {
            String text = (r.arguments() + " " + String.join("\n", r.heredocs())).toLowerCase(Locale.ROOT);
            if (text.contains(tool)) {
                return true;
            }
            for (String p : packages) {
                if (text.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The repository path visible at {@code containerPath} in the image (the last copy that covers it wins). */
    public Optional<String> repositoryPathAt(String containerPath) {
        String c = containerPath(workdir, containerPath);
        for (int i = files.size() - 1; i >= 0; i--) {
            Placement p = files.get(i);
            if (p.containerPath().equals(c)) {
                return Optional.of(p.repositoryPath());
            }
            if (p.directory() && (c.startsWith(p.containerPath() + "/") || p.containerPath().equals("/"))) {
                String rest = c.substring(p.containerPath().equals("/") ? 1 : p.containerPath().length() + 1);
                String candidate = p.repositoryPath().isEmpty() ? rest : p.repositoryPath() + "/" + rest;
                if (workspace.exists(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
