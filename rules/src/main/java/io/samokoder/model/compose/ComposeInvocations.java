package io.samokoder.model.compose;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.i18n.Text;
import io.samokoder.model.dotenv.DotEnv;
import io.samokoder.model.markdown.MarkdownDocument;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the repository runs docker compose and with which variables: compose takes {@code ${VAR}} from the shell that
 * runs it and from the {@code .env} (or {@code --env-file}) it reads, so a variable that no {@code .env} holds may
 * still be set by the script that runs compose. Built once per audit from what runs compose in the repository:
 * <ul>
 *   <li>shell scripts ({@code *.sh}, {@code *.bash}, extension-less scripts with a shell shebang): {@code export},
 *       {@code set -a}, {@code source}d files, {@code VAR=x docker compose …}, {@code cd}, and the scripts they call
 *       (a called script inherits what its caller exported);</li>
 *   <li>Makefiles: {@code export VAR = x}, a bare {@code export} or {@code .EXPORT_ALL_VARIABLES}, {@code include
 *       .env}, and every recipe line;</li>
 *   <li>GitHub Actions workflows: {@code env:} of the workflow, job and step around each {@code run:};</li>
 *   <li>Markdown: shell code blocks and inline code (the documented steps), and prose such as "copy
 *       {@code .env.example} to {@code .env}".</li>
 * </ul>
 * Each {@code docker compose}, {@code docker-compose} or {@code docker stack deploy} becomes an {@link Invocation}
 * with the compose files it reads ({@code -f}, {@code COMPOSE_FILE}, or the defaults of its folder), its
 * {@code --env-file}s and the variables its environment has. A step that writes an env file ({@code cp .env.example
 * .env}, {@code cat > .env <<EOF}, {@code echo X=1 >> .env}) is an {@link EnvFileWrite}. Nothing is executed.
 */
public final class ComposeInvocations {

    /** Where a variable was set, for messages: {@code setup.sh:5 (export)}; {@code how} names the command or kind. */
    public record Origin(String path, int line, Text how) {
        public String where() {
            return path + ":" + line;
        }
    }

    /**
     * One command that runs compose.
     *
     * @param path      the file it is written in
     * @param line      its line there
     * @param files     the compose files it reads, as repository paths; empty when they cannot be resolved
     * @param envFiles  its {@code --env-file}s, as repository paths (they may be missing from the repository)
     * @param variables the variables its environment has, with where each was set
     * @param unseen    sources of its environment that cannot be read (a file outside the repository, a computed
     *                  {@code export $(…)}), for messages
     */
    public record Invocation(String path, int line, List<String> files, List<String> envFiles,
                             Map<String, Origin> variables, List<Text> unseen) {
        public String where() {
            return path + ":" + line;
        }
    }

    /**
     * A step that writes an env file: copied or rendered from a template, or written line by line.
     *
     * @param target   the env file written, as a repository path
     * @param template the file it is made from, as a repository path, or empty when the step writes keys itself
     * @param keys     keys the step writes itself ({@code echo X=1 >> .env}, a here-document)
     * @param origin   where the step is
     */
    public record EnvFileWrite(String target, Optional<String> template, Set<String> keys, Origin origin) {
    }

    private static final int MAX_ROUNDS = 6;
    /** Marks an expanded path as absolute within the repository ({@code $SCRIPT_DIR/x}), unlike a host path. */
    private static final String IN_REPO = "\u0001/";
    private static final int MAX_SOURCE_DEPTH = 4;
    private static final int MAX_FILE = ShellCommands.MAX_TEXT;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern SHEBANG = Pattern.compile("#!\\s*\\S*(?:/|\\s)(?:ba|da|z|k|a)?sh\\b.*");
    /** {@code $(dirname "$0")}, {@code $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}: the script's own folder. */
    private static final String DIRNAME = "\\$\\(dirname\\s+[\"']?(?:\\$0|\\$\\{?BASH_SOURCE(?:\\[0])?}?)[\"']?\\)";
    private static final Pattern SCRIPT_DIR = Pattern.compile("\\$\\((?:cd\\s+(?:--?\\s+)?)?[\"']?" + DIRNAME
            + "[\"']?(?:\\s*(?:&&|;)\\s*pwd(?:\\s+-P)?)?\\)|" + DIRNAME);
    private static final Pattern PWD = Pattern.compile("\\$\\(pwd\\)|\\$\\{PWD}|\\$PWD\\b");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
    /** "Copy .env.example to .env", "rename `env.sample` to `.env`", "cp .env.example .env" in prose. */
    private static final Pattern PROSE_COPY = Pattern.compile("(?i)\\b(?:copy|cp|rename|duplicate|mv)\\b[^\\n]{0,60}?"
            + "`?((?:[\\w.\\-]{1,64}/){0,8}[\\w.\\-]{0,64}(?:\\.env[\\w.\\-]{0,32}"
            + "|env\\.(?:example|sample|template|dist)|example\\.env))`?"
            + "\\s{1,4}(?:file\\s)?(?:to|into|as)\\s{1,4}(?:a\\s)?(?:new\\s)?(?:file\\s)?(?:named\\s|called\\s)?"
            + "`?((?:[\\w.\\-]{1,64}/){0,8}\\.env)`?(?![\\w.\\-])");
    private static final Set<String> SHELL_LANGUAGES = Set.of("", "sh", "bash", "shell", "console", "zsh",
            "shell-session", "terminal", "shellsession", "cmd", "text", "sh-session");
    private static final List<String> DEFAULT_COMPOSE = List.of("compose.yaml", "compose.yml", "docker-compose.yml",
            "docker-compose.yaml");

    private final List<Invocation> invocations;
    private final List<EnvFileWrite> writes;
    private final Map<String, Origin> assigned;
    private final Set<String> inputs;

    private ComposeInvocations(List<Invocation> invocations, List<EnvFileWrite> writes, Map<String, Origin> assigned,
                               Set<String> inputs) {
        this.invocations = List.copyOf(invocations);
        this.writes = List.copyOf(writes);
        this.assigned = Collections.unmodifiableMap(assigned);
        this.inputs = Collections.unmodifiableSet(inputs);
    }

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static ComposeInvocations of(AuditContext ctx) {
        return ctx.model(ComposeInvocations.class, ComposeInvocations::load);
    }

    /** Builds the model; use through {@code ComposeInvocations.of(ctx)}. */
    private static ComposeInvocations load(AuditContext ctx) {
        return new Scanner(ctx).scan();
    }

    /** Every command that runs compose, in file and line order. */
    public List<Invocation> invocations() {
        return invocations;
    }

    /** Every step that writes an env file. */
    public List<EnvFileWrite> writes() {
        return writes;
    }

    /** Steps that write the env file at {@code path}. */
    public List<EnvFileWrite> writesOf(String path) {
        return writes.stream().filter(w -> w.target().equals(path)).toList();
    }

    /**
     * Where a variable is given a value anywhere in the repository's scripts, Makefiles, workflows and documented
     * commands (not env files: those are read through {@link DotEnv}).
     */
    public Optional<Origin> assignedAnywhere(String name) {
        return Optional.ofNullable(assigned.get(name));
    }

    /** Scripts, Makefiles, workflows and documents the model read. */
    public Set<String> inputs() {
        return inputs;
    }

    /**
     * The invocations that read {@code composePath}: named with {@code -f} (or a default of the folder), or reached
     * from such a file through {@code extends: file:} or {@code include:}.
     */
    public List<Invocation> running(String composePath, ComposeProject project) {
        List<Invocation> out = new ArrayList<>();
        for (Invocation inv : invocations) {
            if (closure(inv.files(), project).contains(composePath)) {
                out.add(inv);
            }
        }
        return out;
    }

    /** How a variable that no {@code .env} beside a compose file holds gets its value, as far as can be seen. */
    public enum Verdict {
        /** A command that runs compose on the file has it: exported, passed, or in an env file it reads. */
        SET,
        /** Whether it reaches compose cannot be seen: it is set elsewhere, or compose runs with unreadable sources. */
        UNSEEN,
        /** Nothing in the repository gives it a value. */
        NOT_SET
    }

    /** A {@link Verdict} with what it rests on, for messages. */
    public record Source(Verdict verdict, Text reasonText) {

        /** The reason in English. */
        public String reason() {
            return reasonText.english();
        }
    }

    /**
     * Where {@code name} gets a value when compose reads {@code file}, beyond the {@code .env} beside it (which the
     * compose model has applied already): the environment and {@code --env-file}s of the commands that run the file,
     * the {@code .env} of their project folder, and an {@code .env} that a setup step writes (copied from a template
     * that lists the variable, or written with it).
     */
    public Source sourceOf(AuditContext ctx, ComposeProject project, ComposeFile file, String name) {
        List<Invocation> runs = running(file.path(), project);
        for (Invocation inv : runs) {
            Origin o = inv.variables().get(name);
            if (o != null) {
                return new Source(Verdict.SET, Text.of("model.invocation.setsFor", o.where(), o.how(), inv.where()));
            }
            List<String> envFiles = new ArrayList<>(inv.envFiles());
            if (!inv.files().isEmpty()) {
                String first = inv.files().get(0);
                envFiles.add(join(first.contains("/") ? first.substring(0, first.lastIndexOf('/')) : "", ".env"));
            }
            for (String e : envFiles) {
                Optional<Text> from = envFileSets(ctx, e, name);
                if (from.isPresent()) {
                    return new Source(Verdict.SET, Text.of("model.invocation.envFileRead", from.get(), inv.where()));
                }
            }
        }
        Optional<Text> dotenv = envFileSets(ctx, join(file.folder(), ".env"), name);
        if (dotenv.isPresent()) {
            return new Source(Verdict.SET, dotenv.get());
        }
        for (Invocation inv : runs) {
            if (!inv.unseen().isEmpty()) {
                return new Source(Verdict.UNSEEN, Text.of("model.invocation.unseenBefore", inv.unseen().get(0),
                        inv.where()));
            }
        }
        Optional<Origin> anywhere = assignedAnywhere(name);
        if (anywhere.isPresent()) {
            Origin o = anywhere.get();
            return new Source(Verdict.UNSEEN, Text.of("model.invocation.setElsewhere", o.where(), o.how(), name));
        }
        return new Source(Verdict.NOT_SET, Text.verbatim(""));
    }

    /** Whether the env file at {@code path} holds {@code name}: as committed, or as a setup step writes it. */
    private Optional<Text> envFileSets(AuditContext ctx, String path, String name) {
        Optional<SourceFile> f = ctx.workspace().file(path);
        if (f.isPresent() && DotEnv.of(ctx, f.get()).entry(name).isPresent()) {
            return Optional.of(Text.of("model.invocation.fileSets", path));
        }
        for (EnvFileWrite w : writesOf(path)) {
            if (w.keys().contains(name)) {
                return Optional.of(Text.of("model.invocation.writesInto", w.origin().where(), path));
            }
            Optional<SourceFile> t = w.template().flatMap(ctx.workspace()::file);
            if (t.isPresent() && DotEnv.of(ctx, t.get()).entry(name).isPresent()) {
                return Optional.of(Text.of("model.invocation.makesFrom", w.origin().where(), path,
                        w.template().get()));
            }
        }
        return Optional.empty();
    }

    private static Set<String> closure(List<String> files, ComposeProject project) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(files);
        while (!todo.isEmpty()) {
            String p = todo.pop();
            if (!seen.add(p)) {
                continue;
            }
            Optional<ComposeFile> f = project.file(p);
            if (f.isEmpty()) {
                continue;
            }
            for (ComposeFile.Extends e : f.get().extendsByService().values()) {
                e.file().ifPresent(v -> todo.add(join(f.get().folder(), v.value())));
            }
            for (ComposeFile.Include inc : f.get().includes()) {
                inc.paths().forEach(v -> todo.add(join(f.get().folder(), v.value())));
            }
        }
        return seen;
    }

    static String join(String folder, String rel) {
        if (rel.startsWith("/")) {
            return Workspace.normalize(rel);
        }
        return Workspace.normalize(folder.isEmpty() ? rel : folder + "/" + rel);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A file of commands and how it runs: its working folders (first preferred) and what it inherits. */
    private record Script(String path, int firstLine, String text, List<String> dirs, String scriptFolder,
                          Map<String, Origin> env, List<Text> unseen) {
        Script(String path, int firstLine, String text, List<String> dirs, String scriptFolder,
               Map<String, Origin> env) {
            this(path, firstLine, text, dirs, scriptFolder, env, List.of());
        }
    }

    /** What one walk over a script knows at a given point. */
    private static final class State {
        final Script script;
        /** The file being read: the script, or a file it sources. */
        String file;
        List<String> dirs;
        final Map<String, Origin> exported = new LinkedHashMap<>();
        final Map<String, String> values = new LinkedHashMap<>();
        final List<Text> unseen = new ArrayList<>();
        boolean allexport;
        int depth;

        State(Script script) {
            this.script = script;
            this.file = script.path();
            this.dirs = new ArrayList<>(script.dirs());
            exported.putAll(script.env());
            unseen.addAll(script.unseen());
        }
    }

    private record Call(String target, Map<String, Origin> env) {
    }

    private static final class Scanner {
        private final AuditContext ctx;
        private final Workspace ws;
        private final List<Invocation> invocations = new ArrayList<>();
        private final List<EnvFileWrite> writes = new ArrayList<>();
        private final Map<String, Origin> assigned = new TreeMap<>();
        private final Set<String> inputs = new LinkedHashSet<>();
        private final List<Call> calls = new ArrayList<>();
        private boolean recording;

        Scanner(AuditContext ctx) {
            this.ctx = ctx;
            this.ws = ctx.workspace();
        }

        ComposeInvocations scan() {
            List<Script> scripts = new ArrayList<>();
            Map<String, Script> shellScripts = new LinkedHashMap<>();
            for (SourceFile f : ws.files()) {
                if (f.size() > MAX_FILE || ws.isBinary(f)) {
                    continue;
                }
                String n = f.name();
                String lower = n.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".sh") || lower.endsWith(".bash") || !n.contains(".") && isShellScript(f)) {
                    Script s = new Script(f.path(), 1, text(f), scriptDirs(f.folder()), f.folder(), Map.of());
                    shellScripts.put(f.path(), s);
                    inputs.add(f.path());
                } else if (lower.equals("makefile") || lower.equals("gnumakefile") || lower.endsWith(".mk")) {
                    scripts.addAll(makefile(f));
                    inputs.add(f.path());
                } else if (FileKinds.isGithubWorkflow(f.path())) {
                    scripts.addAll(workflow(f));
                } else if (FileKinds.isMarkdown(f.path())) {
                    String t = text(f);
                    if (t.contains("compose") || t.contains(".env") || t.contains("export ")) {
                        scripts.addAll(markdown(f, t));
                        inputs.add(f.path());
                    }
                }
            }
            // a called script inherits its caller's exports: walk until what each script inherits settles
            Map<String, Map<String, Origin>> inherited = new LinkedHashMap<>();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                calls.clear();
                for (Script s : scripts) {
                    run(s);
                }
                for (Script s : shellScripts.values()) {
                    run(withEnv(s, inherited.getOrDefault(s.path(), Map.of())));
                }
                boolean changed = false;
                for (Call c : calls) {
                    Map<String, Origin> env = inherited.computeIfAbsent(c.target(), k -> new LinkedHashMap<>());
                    for (Map.Entry<String, Origin> e : c.env().entrySet()) {
                        changed |= env.putIfAbsent(e.getKey(), e.getValue()) == null;
                    }
                }
                if (!changed) {
                    break;
                }
            }
            // the settled pass, recorded
            recording = true;
            calls.clear();
            for (Script s : scripts) {
                run(s);
            }
            for (Script s : shellScripts.values()) {
                run(withEnv(s, inherited.getOrDefault(s.path(), Map.of())));
            }
            // env files anywhere: a value for the variable exists in the repository, wherever compose gets it
            for (SourceFile f : ws.files()) {
                if (isEnvLike(f.name()) && f.size() <= MAX_FILE && !ws.isBinary(f)) {
                    for (DotEnv.Entry e : DotEnv.of(ctx, f).entries()) {
                        if (!e.inherited()) {
                            assign(e.key(), new Origin(f.path(), e.line(), Text.of("model.invocation.how.envFile")));
                        }
                    }
                }
            }
            invocations.sort((a, b) -> a.path().equals(b.path()) ? Integer.compare(a.line(), b.line())
                    : a.path().compareTo(b.path()));
            return new ComposeInvocations(dedupe(invocations), dedupeWrites(writes), assigned, inputs);
        }

        private static List<Invocation> dedupe(List<Invocation> list) {
            return new ArrayList<>(new LinkedHashSet<>(list));
        }

        private static List<EnvFileWrite> dedupeWrites(List<EnvFileWrite> list) {
            return new ArrayList<>(new LinkedHashSet<>(list));
        }

        private static Script withEnv(Script s, Map<String, Origin> env) {
            return new Script(s.path(), s.firstLine(), s.text(), s.dirs(), s.scriptFolder(), env, s.unseen());
        }

        private String text(SourceFile f) {
            return ws.text(f).orElse("");
        }

        private boolean isShellScript(SourceFile f) {
            String folder = f.folder();
            String top = folder.contains("/") ? folder.substring(folder.lastIndexOf('/') + 1) : folder;
            // extension-less scripts live at the root or in bin/ or scripts/; reading every such file costs a read
            if (!(folder.isEmpty() || top.equals("bin") || top.equals("scripts") || top.equals("script")
                    || top.equals("tools"))) {
                return false;
            }
            String t = text(f);
            int eol = t.indexOf('\n');
            return t.startsWith("#!") && SHEBANG.matcher(eol < 0 ? t : t.substring(0, eol)).matches();
        }

        /** A script is run from the repository's root or its own folder: both are tried, its own first. */
        private static List<String> scriptDirs(String folder) {
            return folder.isEmpty() ? List.of("") : List.of(folder, "");
        }

        // ---- sources of scripts ----

        private List<Script> makefile(SourceFile f) {
            List<Script> out = new ArrayList<>();
            String text = text(f);
            String[] lines = text.split("\n", -1);
            Map<String, Origin> makeVars = new LinkedHashMap<>();
            Set<String> exportedNames = new LinkedHashSet<>();
            boolean exportAll = false;
            List<Text> unseenIncludes = new ArrayList<>();
            List<int[]> recipes = new ArrayList<>(); // {line index}
            Pattern assignment = Pattern.compile(
                    "^(export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*(?::{1,3}=|\\?=|\\+=|!=|=)(.*)$");
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i];
                while (l.endsWith("\\") && i + 1 < lines.length && !l.startsWith("\t")) {
                    l = l.substring(0, l.length() - 1) + " " + lines[++i];
                }
                if (l.startsWith("\t")) {
                    recipes.add(new int[] {i});
                    continue;
                }
                String t = l.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                Matcher m = assignment.matcher(t);
                if (m.matches()) {
                    Origin o = new Origin(f.path(), i + 1,
                            Text.of(m.group(1) != null ? "model.invocation.how.makeExport"
                                    : "model.invocation.how.makeVariable"));
                    makeVars.putIfAbsent(m.group(2), o);
                    assign(m.group(2), o);
                    if (m.group(1) != null) {
                        exportedNames.add(m.group(2));
                    }
                } else if (t.equals("export") || t.startsWith(".EXPORT_ALL_VARIABLES")) {
                    exportAll = true;
                } else if (t.startsWith("export ")) {
                    for (String w : t.substring(7).trim().split("\\s+")) {
                        if (NAME.matcher(w).matches()) {
                            exportedNames.add(w);
                        }
                    }
                } else if (t.matches("-?s?include\\s+.*")) {
                    for (String w : t.substring(t.indexOf("include") + 7).trim().split("\\s+")) {
                        String p = join(f.folder(), w);
                        Optional<SourceFile> inc = ws.file(p);
                        if (inc.isPresent() && isEnvLike(inc.get().name())) {
                            for (DotEnv.Entry e : DotEnv.of(ctx, inc.get()).entries()) {
                                makeVars.putIfAbsent(e.key(), new Origin(p, e.line(),
                                        Text.of("model.invocation.how.includedBy", f.path())));
                            }
                            inputs.add(p);
                        } else if (inc.isEmpty() && isEnvLike(w)) {
                            unseenIncludes.add(Text.of("model.invocation.includesMissing", f.path(), w));
                        }
                    }
                }
            }
            Map<String, Origin> env = new LinkedHashMap<>();
            for (Map.Entry<String, Origin> e : makeVars.entrySet()) {
                if (exportAll || exportedNames.contains(e.getKey())) {
                    env.put(e.getKey(), e.getValue());
                }
            }
            List<String> dirs = List.of(f.folder());
            // the included file's variables reach every recipe, but the file is not here to read
            List<Text> unseen = exportAll ? unseenIncludes : List.of();
            for (int k = 0; k < recipes.size(); k++) {
                int first = recipes.get(k)[0];
                StringBuilder line = new StringBuilder(lines[first].substring(1));
                int last = first;
                while (line.toString().stripTrailing().endsWith("\\") && last + 1 < lines.length
                        && lines[last + 1].startsWith("\t")) {
                    last++;
                    line.append('\n').append(lines[last].substring(1));
                    k++;
                }
                String recipe = line.toString().replace("$$", "$").replaceFirst("^[@+\\-\\s]+", "");
                out.add(new Script(f.path(), first + 1, recipe, dirs, f.folder(), env, unseen));
            }
            return out;
        }

        private List<Script> workflow(SourceFile f) {
            List<Script> out = new ArrayList<>();
            YamlDocument doc = ctx.yaml(f);
            if (!doc.isUsable()) {
                return out;
            }
            Map<String, Node> top = doc.rootMapping();
            Map<String, Origin> workflowEnv = env(f.path(), top.get("env"));
            for (Node job : YamlDocument.mapping(top.get("jobs")).values()) {
                Map<String, Node> j = YamlDocument.mapping(job);
                Map<String, Origin> jobEnv = new LinkedHashMap<>(workflowEnv);
                jobEnv.putAll(env(f.path(), j.get("env")));
                String jobDir = YamlDocument.scalar(YamlDocument.mapping(YamlDocument.mapping(j.get("defaults"))
                        .get("run")).get("working-directory")).orElse("");
                for (Node step : YamlDocument.sequence(j.get("steps"))) {
                    Map<String, Node> st = YamlDocument.mapping(step);
                    Node run = st.get("run");
                    if (!(run instanceof ScalarNode rs)) {
                        continue;
                    }
                    Map<String, Origin> stepEnv = new LinkedHashMap<>(jobEnv);
                    stepEnv.putAll(env(f.path(), st.get("env")));
                    String dir = YamlDocument.scalar(st.get("working-directory")).orElse(jobDir);
                    int first = YamlDocument.line(run) + (rs.getScalarStyle().getChar() != null
                            && (rs.getScalarStyle().getChar() == '|' || rs.getScalarStyle().getChar() == '>') ? 1 : 0);
                    out.add(new Script(f.path(), first, rs.getValue(), List.of(Workspace.normalize(dir)), "",
                            stepEnv));
                }
            }
            if (!out.isEmpty()) {
                inputs.add(f.path());
            }
            return out;
        }

        private Map<String, Origin> env(String path, Node node) {
            Map<String, Origin> out = new LinkedHashMap<>();
            Map<String, Node> keys = YamlDocument.mappingKeys(node);
            for (String k : YamlDocument.mapping(node).keySet()) {
                Origin o = new Origin(path, YamlDocument.line(keys.get(k)),
                        Text.of("model.invocation.how.workflowEnv"));
                out.put(k, o);
                assign(k, o);
            }
            return out;
        }

        private List<Script> markdown(SourceFile f, String text) {
            List<Script> out = new ArrayList<>();
            MarkdownDocument doc = MarkdownDocument.of(ctx, f);
            List<String> dirs = scriptDirs(f.folder());
            for (MarkdownDocument.Span span : doc.spans()) {
                if (span.kind() == MarkdownDocument.SpanKind.CODE_BLOCK) {
                    String block = text.substring(span.start(), Math.min(span.end(), text.length()));
                    int first = f.lineOf(span.start());
                    String body = block;
                    String trimmed = block.stripLeading();
                    if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                        int eol = block.indexOf('\n');
                        String info = (eol < 0 ? trimmed : block.substring(0, eol)).strip().replaceFirst("^[`~]+", "")
                                .strip().toLowerCase(Locale.ROOT);
                        String lang = info.split("[\\s{,]", 2)[0];
                        if (!SHELL_LANGUAGES.contains(lang)) {
                            continue;
                        }
                        body = eol < 0 ? "" : block.substring(eol + 1);
                        int close = Math.max(body.lastIndexOf("```"), body.lastIndexOf("~~~"));
                        if (close >= 0 && body.substring(close).strip().matches("[`~]+")) {
                            body = body.substring(0, close);
                        }
                        first++;
                    }
                    // prompts: "$ docker compose up"
                    body = body.replaceAll("(?m)^(\\s*)\\$ ", "$1");
                    out.add(new Script(f.path(), first, body, dirs, f.folder(), Map.of()));
                } else if (span.kind() == MarkdownDocument.SpanKind.CODE) {
                    String code = text.substring(span.start(), Math.min(span.end(), text.length()))
                            .replaceAll("^`+|`+$", "").strip();
                    if (code.contains("compose") || code.contains(".env") || code.startsWith("export ")) {
                        out.add(new Script(f.path(), f.lineOf(span.start()), code.replaceFirst("^\\$ ", ""), dirs,
                                f.folder(), Map.of()));
                    }
                }
            }
            Matcher m = PROSE_COPY.matcher(text);
            while (m.find()) {
                String target = m.group(2);
                String template = m.group(1);
                if (template.equals(target)) {
                    continue;
                }
                out.add(new Script(f.path(), f.lineOf(m.start()), "cp " + template + " " + target, dirs, f.folder(),
                        Map.of()));
            }
            return out;
        }

        // ---- walking one script ----

        private void run(Script script) {
            State st = new State(script);
            walk(st, script.text(), script.firstLine());
        }

        private void walk(State st, String text, int firstLine) {
            for (ShellCommands.Command c : ShellCommands.parse(text, firstLine)) {
                command(st, c);
            }
        }

        private void command(State st, ShellCommands.Command c) {
            List<String> w = new ArrayList<>(c.words());
            Origin here = new Origin(st.file, c.line(), Text.verbatim(""));
            // keywords and wrappers that leave the command itself to the next word
            boolean keepEnv = true;
            while (!w.isEmpty()) {
                String first = w.get(0);
                if (Set.of("if", "then", "do", "else", "elif", "while", "until", "!", "{", "(", "time", "nohup",
                        "command", "exec").contains(first)) {
                    w.remove(0);
                } else if (first.equals("sudo")) {
                    w.remove(0);
                    boolean preserve = false;
                    while (!w.isEmpty() && w.get(0).startsWith("-")) {
                        preserve |= w.get(0).equals("-E") || w.get(0).startsWith("--preserve-env");
                        w.remove(0);
                    }
                    keepEnv &= preserve; // sudo resets the environment unless told to keep it
                } else {
                    break;
                }
            }
            Map<String, Origin> prefix = new LinkedHashMap<>();
            while (!w.isEmpty() && ASSIGNMENT.matcher(w.get(0)).matches() && !w.get(0).startsWith("=")) {
                Matcher m = ASSIGNMENT.matcher(w.remove(0));
                m.matches();
                Origin o = new Origin(st.file, c.line(), Text.of("model.invocation.how.assignment"));
                prefix.put(m.group(1), o);
                assign(m.group(1), o);
                if (w.isEmpty()) {
                    st.values.put(m.group(1), literal(st, m.group(2)));
                    if (st.allexport) {
                        st.exported.put(m.group(1), new Origin(o.path(), o.line(), Text.code("set -a")));
                    }
                }
            }
            if (w.isEmpty()) {
                return;
            }
            if (w.get(0).equals("env")) {
                w.remove(0);
                while (!w.isEmpty() && (w.get(0).startsWith("-") || ASSIGNMENT.matcher(w.get(0)).matches())) {
                    String a = w.remove(0);
                    if (a.equals("-i") || a.equals("--ignore-environment")) {
                        keepEnv = false;
                    } else if (!a.startsWith("-")) {
                        Matcher m = ASSIGNMENT.matcher(a);
                        m.matches();
                        prefix.put(m.group(1), new Origin(st.file, c.line(), Text.code("env")));
                        assign(m.group(1), prefix.get(m.group(1)));
                    }
                }
                if (w.isEmpty()) {
                    return;
                }
            }
            Redirected r = redirects(w);
            List<String> args = r.args;
            if (args.isEmpty()) {
                return;
            }
            if (args.get(0).startsWith("$")) {
                // dc="docker compose --env-file .env.prod"; $dc up -d
                String v = expand(st, args.get(0));
                if (v != null && !v.isBlank() && !v.startsWith(IN_REPO)) {
                    List<String> expanded = new ArrayList<>(ShellCommands.words(v));
                    expanded.addAll(args.subList(1, args.size()));
                    args = expanded;
                }
            }
            String cmd = args.get(0);
            String base = cmd.substring(cmd.lastIndexOf('/') + 1);
            switch (base) {
                case "export", "declare", "typeset", "readonly", "local" -> export(st, args, c.line());
                case "set" -> {
                    for (String a : args.subList(1, args.size())) {
                        if (a.matches("-[a-zA-Z]*a[a-zA-Z]*") || a.equals("allexport")) {
                            st.allexport = true;
                        } else if (a.matches("\\+[a-zA-Z]*a[a-zA-Z]*")) {
                            st.allexport = false;
                        }
                    }
                }
                case "source", "." -> {
                    if (args.size() > 1) {
                        source(st, args.get(1), c.line());
                    }
                }
                case "cd" -> cd(st, args.size() > 1 ? args.get(1) : null);
                case "docker", "docker-compose" -> compose(st, args, c.line(), keepEnv ? env(st, prefix) : prefix);
                case "cp", "mv", "install", "rsync" -> copy(st, args, here);
                case "sh", "bash", "zsh", "dash", "ksh", "ash" -> {
                    int i = 1;
                    boolean inline = false;
                    while (i < args.size() && args.get(i).startsWith("-")) {
                        inline |= args.get(i).contains("c");
                        i++;
                    }
                    if (i < args.size() && inline) {
                        if (st.depth < MAX_SOURCE_DEPTH) {
                            st.depth++;
                            walk(st, args.get(i), c.line()); // sh -c '…': the same shell's commands
                            st.depth--;
                        }
                    } else if (i < args.size()) {
                        call(st, args.get(i), keepEnv ? env(st, prefix) : prefix);
                    }
                }
                default -> {
                    if (cmd.contains("/") || cmd.endsWith(".sh")) {
                        call(st, cmd, keepEnv ? env(st, prefix) : prefix);
                    }
                }
            }
            if (r.out != null) {
                written(st, r, args, c, here);
            }
        }

        private Map<String, Origin> env(State st, Map<String, Origin> prefix) {
            Map<String, Origin> env = new LinkedHashMap<>(st.exported);
            env.putAll(prefix);
            return env;
        }

        private void export(State st, List<String> args, int line) {
            String base = args.get(0);
            boolean exports = base.equals("export") || args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*x[a-zA-Z]*"));
            for (String a : args.subList(1, args.size())) {
                if (a.startsWith("-")) {
                    continue;
                }
                if (a.contains("$(") || a.contains("`")) {
                    Matcher m = ASSIGNMENT.matcher(a);
                    if (m.matches() && NAME.matcher(m.group(1)).matches()) {
                        // NAME=$(command): set, to a value computed at run time
                        Origin o = new Origin(st.file, line, Text.code(base));
                        assign(m.group(1), o);
                        if (exports || st.allexport) {
                            st.exported.put(m.group(1), o);
                        }
                        continue;
                    }
                    // export $(grep -v '^#' .env | xargs): the variables of a file, or of a command
                    boolean read = false;
                    for (String token : ShellCommands.words(a.replaceAll("^\\$\\(|\\)$|`", " "))) {
                        Optional<String> p = resolveFile(st, token);
                        if (p.isPresent() && isEnvLike(p.get())) {
                            importEnvFile(st, p.get(), true);
                            read = true;
                        }
                    }
                    if (!read) {
                        st.unseen.add(Text.of("model.invocation.exportsComputed", st.file + ":" + line));
                    }
                    continue;
                }
                Matcher m = ASSIGNMENT.matcher(a);
                Origin o = new Origin(st.file, line, Text.code(base));
                if (m.matches()) {
                    st.values.put(m.group(1), literal(st, m.group(2)));
                    assign(m.group(1), o);
                    if (exports || st.allexport) {
                        st.exported.put(m.group(1), o);
                    }
                } else if (NAME.matcher(a).matches() && exports && st.values.containsKey(a)) {
                    st.exported.putIfAbsent(a, o);
                }
            }
        }

        private void source(State st, String target, int line) {
            Optional<String> p = resolveFile(st, target);
            if (p.isEmpty()) {
                String shown = target.length() > 60 ? target.substring(0, 59) + "…" : target;
                st.unseen.add(Text.of("model.invocation.sourcesMissing", st.file + ":" + line, shown));
                return;
            }
            if (st.depth >= MAX_SOURCE_DEPTH) {
                return;
            }
            inputs.add(p.get());
            Optional<SourceFile> f = ws.file(p.get());
            if (f.isEmpty() || f.get().size() > MAX_FILE) {
                return;
            }
            st.depth++;
            String outer = st.file;
            st.file = p.get();
            walk(st, text(f.get()).replace("\r\n", "\n"), 1);
            st.file = outer;
            st.depth--;
        }

        private void importEnvFile(State st, String path, boolean export) {
            Optional<SourceFile> f = ws.file(path);
            if (f.isEmpty()) {
                return;
            }
            inputs.add(path);
            for (DotEnv.Entry e : DotEnv.of(ctx, f.get()).entries()) {
                Origin o = new Origin(path, e.line(), Text.of("model.invocation.how.readBy", st.file));
                if (export) {
                    st.exported.putIfAbsent(e.key(), o);
                }
                if (e.value() != null) {
                    st.values.putIfAbsent(e.key(), e.value());
                }
            }
        }

        private void cd(State st, String target) {
            if (target == null || target.equals("~") || target.equals("-")) {
                return;
            }
            String t = expand(st, target);
            if (t == null) {
                return;
            }
            List<String> next = resolveDirs(st, target);
            if (!next.isEmpty()) {
                st.dirs = new ArrayList<>(next);
            }
        }

        private void call(State st, String target, Map<String, Origin> env) {
            Optional<String> p = resolveFile(st, target);
            if (p.isPresent() && !p.get().equals(st.script.path())) {
                calls.add(new Call(p.get(), env));
            }
        }

        private void compose(State st, List<String> args, int line, Map<String, Origin> env) {
            int i = 1;
            boolean stack = false;
            if (args.get(0).endsWith("docker")) {
                // docker [global options] compose|stack deploy …
                while (i < args.size() && args.get(i).startsWith("-")) {
                    String a = args.get(i);
                    i += !a.contains("=") && Set.of("--context", "-c", "--host", "-H", "--config", "--log-level", "-l")
                            .contains(a) ? 2 : 1;
                }
                if (i < args.size() && args.get(i).equals("compose")) {
                    i++;
                } else if (i + 1 < args.size() && args.get(i).equals("stack") && args.get(i + 1).equals("deploy")) {
                    i += 2;
                    stack = true;
                } else {
                    return;
                }
            }
            List<String> named = new ArrayList<>();
            List<String> envFiles = new ArrayList<>();
            String projectDir = null;
            boolean unresolved = false;
            for (; i < args.size(); i++) {
                String a = args.get(i);
                String value = null;
                String flag = a;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    flag = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (a.startsWith("-f") && a.length() > 2 && !a.startsWith("--")) {
                    flag = "-f";
                    value = a.substring(2);
                }
                boolean file = stack ? flag.equals("-c") || flag.equals("--compose-file")
                        : flag.equals("-f") || flag.equals("--file");
                if (file || flag.equals("--env-file") || flag.equals("--project-directory")) {
                    if (value == null && i + 1 < args.size()) {
                        value = args.get(++i);
                    }
                    String v = value == null ? null : expand(st, value);
                    if (v == null || v.equals("-")) {
                        unresolved |= file;
                        continue;
                    }
                    if (file) {
                        named.add(v);
                    } else if (flag.equals("--env-file")) {
                        envFiles.add(v);
                    } else {
                        projectDir = v;
                    }
                } else if (a.startsWith("-")) {
                    if (!a.contains("=") && Set.of("-p", "--project-name", "--profile", "--ansi", "--parallel",
                            "--progress").contains(a)) {
                        i++;
                    }
                } else {
                    break; // the subcommand: what follows is its own
                }
            }
            if (named.isEmpty() && !unresolved) {
                Origin composeFile = env.get("COMPOSE_FILE");
                String listed = st.values.get("COMPOSE_FILE");
                if (composeFile != null && listed != null) {
                    for (String part : listed.split("[:;]")) {
                        if (!part.isBlank()) {
                            named.add(part.strip());
                        }
                    }
                }
            }
            List<String> files = new ArrayList<>();
            if (unresolved) {
                files.clear();
            } else if (!named.isEmpty()) {
                for (String n : named) {
                    resolveFile(st, n).ifPresent(files::add);
                }
            } else {
                List<String> dirs = projectDir != null ? resolveDirs(st, projectDir) : st.dirs;
                for (String d : dirs) {
                    List<String> defaults = defaults(d);
                    if (!defaults.isEmpty()) {
                        files.addAll(defaults);
                        break;
                    }
                }
            }
            List<String> envPaths = new ArrayList<>();
            for (String e : envFiles) {
                Optional<String> p = resolveFile(st, e).or(() -> Optional.ofNullable(outputPath(st, e)));
                p.ifPresent(envPaths::add);
            }
            if (recording) {
                invocations.add(new Invocation(st.file, line, files, envPaths, new LinkedHashMap<>(env),
                        List.copyOf(st.unseen)));
            }
        }

        private List<String> defaults(String dir) {
            List<String> out = new ArrayList<>();
            for (String name : DEFAULT_COMPOSE) {
                String p = join(dir, name);
                if (ws.file(p).isPresent()) {
                    out.add(p);
                    String stem = p.substring(0, p.lastIndexOf('.'));
                    for (String ext : List.of(".yml", ".yaml")) {
                        if (ws.file(stem + ".override" + ext).isPresent()) {
                            out.add(stem + ".override" + ext);
                            break;
                        }
                    }
                    break;
                }
            }
            return out;
        }

        private void copy(State st, List<String> args, Origin here) {
            List<String> operands = new ArrayList<>();
            for (String a : args.subList(1, args.size())) {
                if (!a.startsWith("-")) {
                    operands.add(a);
                }
            }
            if (operands.size() != 2) {
                return;
            }
            String target = expand(st, operands.get(1));
            String source = expand(st, operands.get(0));
            if (target == null || source == null) {
                return;
            }
            String targetName = target.substring(target.lastIndexOf('/') + 1);
            if (!isEnvLike(targetName)) {
                return;
            }
            Optional<String> template = resolveFile(st, source);
            if (template.isEmpty()) {
                return;
            }
            // the command works in the folder where its input is: `cd my-app/ && cp env-example .env` in a document
            // under docs/ copies the repository root's template to the root's .env
            String dir = st.dirs.get(0);
            for (String d : st.dirs) {
                if (join(d, source).equals(template.get())) {
                    dir = d;
                    break;
                }
            }
            String path = outputPath(st, dir, target);
            if (recording && path != null) {
                writes.add(new EnvFileWrite(path, template, Set.of(),
                        new Origin(here.path(), here.line(), Text.code(args.get(0)))));
            }
        }

        private void written(State st, Redirected r, List<String> args, ShellCommands.Command c, Origin here) {
            String target = expand(st, r.out);
            if (target == null || !isEnvLike(target.substring(target.lastIndexOf('/') + 1))) {
                return;
            }
            String path = outputPath(st, target);
            if (path == null) {
                return;
            }
            String cmd = args.get(0);
            Optional<String> template = Optional.empty();
            Set<String> keys = new LinkedHashSet<>();
            if (c.heredoc() != null) {
                for (DotEnv.Entry e : DotEnv.parse(path, c.heredoc()).entries()) {
                    keys.add(e.key());
                }
            } else if (cmd.equals("echo") || cmd.equals("printf")) {
                for (String a : args.subList(1, args.size())) {
                    for (String part : a.split("\\\\n|\n")) {
                        Matcher m = ASSIGNMENT.matcher(part.strip());
                        if (m.matches()) {
                            keys.add(m.group(1));
                        }
                    }
                }
            } else {
                String input = r.in;
                if (input == null && (cmd.equals("cat") || cmd.endsWith("envsubst") || cmd.equals("sed"))
                        && args.size() > 1) {
                    input = args.get(args.size() - 1);
                }
                if (input != null) {
                    String in = expand(st, input);
                    template = in == null ? Optional.empty() : resolveFile(st, in);
                }
            }
            if (recording && (template.isPresent() || !keys.isEmpty())) {
                writes.add(new EnvFileWrite(path, template, Set.copyOf(keys),
                        new Origin(here.path(), here.line(), Text.code(cmd))));
            }
            for (String k : keys) {
                assign(k, new Origin(here.path(), here.line(), Text.of("model.invocation.how.writtenTo", target)));
            }
        }

        /** The repository path an output path names (relative ones from the first working folder); null outside. */
        private String outputPath(State st, String target) {
            return outputPath(st, st.dirs.get(0), target);
        }

        /** The repository path a command working in {@code dir} writes as {@code target}; null outside it. */
        private String outputPath(State st, String dir, String target) {
            if (target.startsWith(IN_REPO)) {
                String p = Workspace.normalize(target.substring(IN_REPO.length()));
                return p.startsWith("..") ? null : p;
            }
            if (target.startsWith("/")) {
                return null;
            }
            String p = join(dir, target);
            return p.startsWith("..") ? null : p;
        }

        private void assign(String name, Origin o) {
            assigned.putIfAbsent(name, o);
        }

        // ---- words to paths ----

        /** A word with the script's folder, the working folder and known literal variables put in; null if unknown. */
        private String expand(State st, String word) {
            String w = SCRIPT_DIR.matcher(word)
                    .replaceAll(Matcher.quoteReplacement(IN_REPO + st.script.scriptFolder()));
            w = PWD.matcher(w).replaceAll(Matcher.quoteReplacement(IN_REPO + st.dirs.get(0)));
            if (w.contains("$(") || w.contains("`")) {
                return null;
            }
            Matcher m = REFERENCE.matcher(w);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2);
                String v = name.equals("0") ? st.script.path() : st.values.get(name);
                if (v == null) {
                    return null;
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            String out = sb.toString();
            if (out.startsWith("~")) {
                return null;
            }
            return out;
        }

        /** The repository file a word names, looked up from each working folder, then the script's, then the root. */
        private Optional<String> resolveFile(State st, String word) {
            String w = expand(st, word);
            if (w == null || w.isEmpty()) {
                return Optional.empty();
            }
            if (w.startsWith(IN_REPO)) {
                // an absolute path made from the script's folder ("$SCRIPT_DIR/x")
                String p = Workspace.normalize(w.substring(IN_REPO.length()));
                return !p.startsWith("..") && ws.file(p).isPresent() ? Optional.of(p) : Optional.empty();
            }
            if (w.startsWith("/")) {
                return Optional.empty(); // a path on the host, outside the repository
            }
            List<String> dirs = new ArrayList<>(st.dirs);
            if (!dirs.contains(st.script.scriptFolder())) {
                dirs.add(st.script.scriptFolder());
            }
            if (!dirs.contains("")) {
                dirs.add("");
            }
            for (String d : dirs) {
                String p = join(d, w);
                if (!p.startsWith("..") && ws.file(p).isPresent()) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        private List<String> resolveDirs(State st, String word) {
            String w = expand(st, word);
            if (w == null) {
                return st.dirs;
            }
            List<String> out = new ArrayList<>();
            for (String d : st.dirs) {
                String p = w.startsWith(IN_REPO) ? Workspace.normalize(w.substring(IN_REPO.length()))
                        : w.startsWith("/") ? ".." : join(d, w);
                if (!p.startsWith("..") && ws.isDirectory(p) && !out.contains(p)) {
                    out.add(p);
                }
            }
            return out.isEmpty() ? st.dirs : out;
        }

        private String literal(State st, String value) {
            String v = expand(st, value);
            return v == null ? null : v;
        }
    }

    /** An env file by name: {@code .env}, {@code .env.prod}, {@code prod.env}, {@code env.example}. */
    static boolean isEnvLike(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.startsWith(".env") || n.endsWith(".env") || n.startsWith("env.") || n.equals("env");
    }

    private static final class Redirected {
        String in;
        String out;
        final List<String> args = new ArrayList<>();
    }

    private static Redirected redirects(List<String> words) {
        Redirected r = new Redirected();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("<<")) {
                continue; // a here-document's delimiter
            }
            if (w.equals("<") && i + 1 < words.size()) {
                r.in = words.get(++i);
            } else if ((w.equals(">") || w.equals(">>") || w.equals("1>") || w.equals(">|")) && i + 1 < words.size()) {
                r.out = words.get(++i);
            } else if (w.matches("\\d?>&\\d") || w.equals("&>") || w.matches("\\d>>?")) {
                if (!w.contains("&") || w.equals("&>")) {
                    i++;
                }
            } else if (w.startsWith("<") && w.length() > 1) {
                r.in = w.substring(1);
            } else if (w.startsWith(">>") && w.length() > 2) {
                r.out = w.substring(2);
            } else if (w.startsWith(">") && w.length() > 1 && w.charAt(1) != '&') {
                r.out = w.substring(1);
            } else if (w.matches("\\d>.*")) {
                continue;
            } else {
                r.args.add(w);
            }
        }
        return r;
    }
}
