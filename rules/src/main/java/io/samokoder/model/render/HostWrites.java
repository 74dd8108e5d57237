package io.samokoder.model.render;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.Location;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Repository files that the repository's own scripts write from other repository files before a deployment reads
 * them: {@code cp configs/prometheus.default.yml configs/prometheus.yml} in a Makefile's {@code configs} target,
 * {@code envsubst < prometheus.tmpl.yml > prometheus.yml} in a deploy script. Such a file is usually git-ignored (it
 * is not in the tree); the file it is made from is the one deployed. Paths are resolved against the repository root
 * and the script's folder. Shared model: {@link #of(AuditContext)}.
 */
public final class HostWrites {

    /**
     * A script step that writes a repository file from another.
     *
     * @param tool     {@code cp}, {@code envsubst}, {@code sed} …
     * @param source   the repository file read
     * @param output   the repository path written
     * @param location the script and line
     * @param rendered whether the step renders a template (else it copies)
     */
    public record Write(String tool, String source, String output, Location location, boolean rendered) {

        /** For messages: {@code cp in Makefile:12}. */
        public String where() {
            return whereText().english();
        }

        /** {@link #where()} for reports in every language. */
        public io.samokoder.i18n.Text whereText() {
            return io.samokoder.i18n.Text.of("model.render.writer", tool, location.path(), location.line());
        }
    }

    private static final long MAX_SCRIPT = 512 * 1024;

    private final List<Write> writes;

    /**
     * A script step that rewrites one setting of a repository path in place
     * ({@code sed -i -e 's/^system.secret-key:.*$/…/' $CONFIG_YML}, an install step writing a random key).
     */
    public record Rewrite(String path, String key, Location location) {
    }

    /** {@code sed -i … 's/^KEY:…/' FILE} on one line: the key a line-anchored substitution replaces, and the file. */
    private static final Pattern SED_REPLACE = Pattern.compile(
            "(?m)^[^\\n#]*\\bsed[ \\t]+(?:-[A-Za-z]+[ \\t]+)*-i\\b[^\\n]*?(['\"])s([/|#])\\^([A-Za-z0-9_.\\\\-]+)[^\\n]*[ \\t]\"?([^\\s\"'|;&]+)\"?[ \\t]*$");

    private final List<Rewrite> rewrites;

    private HostWrites(List<Write> writes, List<Rewrite> rewrites) {
        this.writes = List.copyOf(writes);
        this.rewrites = List.copyOf(rewrites);
    }

    /** The script step that rewrites setting {@code key} of the repository path {@code path} in place, if any. */
    public Optional<Rewrite> rewriteOf(String path, String key) {
        return rewrites.stream().filter(r -> r.path().equals(path) && r.key().equals(key)).findFirst();
    }

    public static HostWrites of(AuditContext ctx) {
        return ctx.model(HostWrites.class, HostWrites::load);
    }

    private static HostWrites load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        List<Write> out = new ArrayList<>();
        for (SourceFile f : ws.files()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            boolean script = n.endsWith(".sh") || n.endsWith(".bash") || n.equals("makefile") || n.equals("gnumakefile")
                    || n.endsWith(".mk") || n.equals("justfile") || n.startsWith("taskfile.") || FileKinds.isCi(f.path());
            if (!script || f.size() > MAX_SCRIPT) {
                continue;
            }
            Optional<String> text = ws.text(f);
            if (text.isEmpty()) {
                continue;
            }
            for (RenderCommands.Step step : RenderCommands.writes(ShellVariables.expand(text.get()))) {
                if (step.kind() == RenderCommands.Kind.OPAQUE || step.input() == null || step.output() == null
                        || step.input().indexOf('$') >= 0 || step.output().indexOf('$') >= 0
                        || step.input().startsWith("/") || step.output().startsWith("/")) {
                    continue;
                }
                for (String base : List.of("", f.folder())) {
                    String in = join(base, step.input());
                    if (in.startsWith("..") || ws.file(in).isEmpty()) {
                        continue;
                    }
                    String output = join(base, step.output());
                    if (output.startsWith("..") || output.equals(in)) {
                        continue;
                    }
                    int at = text.get().indexOf(step.input());
                    out.add(new Write(step.tool(), in, output, new Location(f.path(), at < 0 ? 1 : f.lineOf(at), 1),
                            step.kind() == RenderCommands.Kind.RENDER));
                    break;
                }
            }
        }
        List<Rewrite> rewrites = new ArrayList<>();
        exampleCopies(ws, out, rewrites);
        return new HostWrites(out, rewrites);
    }

    /** A shell function definition (function NAME, NAME ()): its name and its body, up to a closing brace line. */
    private static final Pattern FUNCTION = Pattern.compile(
            "(?m)^[ \\t]*(?:function[ \\t]+([A-Za-z_][A-Za-z0-9_-]*)(?:[ \\t]*\\(\\))?|([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*\\(\\))"
                    + "[ \\t]*\\{[ \\t]*$((?s:.*?))^\\}");
    /** The name part a function inserts to find the example of its argument ({@code sed 's/\\.[^.]*$/.example&/'}). */
    private static final Pattern INFIX = Pattern.compile("\\.(example|sample|dist|template|tmpl)\\b");
    private static final Pattern PLAIN_ASSIGNMENT = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)=([A-Za-z0-9_./-]+)[ \\t]*$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

    /**
     * Install scripts that create a missing config from its example through a helper function
     * ({@code ensure_file_from_example "$SENTRY_CONFIG_YML"}, the function deriving {@code sentry/config.example.yml}
     * from its argument and copying it): the example is what gets deployed. A function counts when its body copies
     * ({@code cp}) and names the example infix; its calls' arguments are literal paths or variables some repository
     * script assigns a literal path.
     */
    private static void exampleCopies(Workspace ws, List<Write> out, List<Rewrite> rewrites) {
        Map<String, String> infixOf = new HashMap<>();
        Map<String, String> assigned = new HashMap<>();
        List<SourceFile> scripts = new ArrayList<>();
        for (SourceFile f : ws.files()) {
            String n = f.name().toLowerCase(Locale.ROOT);
            if (!(n.endsWith(".sh") || n.endsWith(".bash")) || f.size() > MAX_SCRIPT) {
                continue;
            }
            Optional<String> text = ws.text(f);
            if (text.isEmpty()) {
                continue;
            }
            scripts.add(f);
            Matcher fn = FUNCTION.matcher(text.get());
            while (fn.find()) {
                String body = fn.group(3);
                Matcher infix = INFIX.matcher(body);
                if (Pattern.compile("(?m)(?:^|[;&|]\\s*|\\s)cp\\s").matcher(body).find() && infix.find()) {
                    infixOf.put(fn.group(1) != null ? fn.group(1) : fn.group(2), infix.group(1));
                }
            }
            Matcher a = PLAIN_ASSIGNMENT.matcher(text.get());
            while (a.find()) {
                assigned.putIfAbsent(a.group(1), a.group(2));
            }
        }
        for (SourceFile f : scripts) {
            String text = ws.text(f).orElse("");
            Matcher sed = SED_REPLACE.matcher(text);
            while (sed.find()) {
                String file = sed.group(4);
                Matcher v = VARIABLE.matcher(file);
                if (v.matches()) {
                    file = assigned.get(v.group(1));
                }
                if (file != null && file.indexOf('$') < 0 && !file.startsWith("/")) {
                    rewrites.add(new Rewrite(Workspace.normalize(file), sed.group(3).replace("\\", ""),
                            new Location(f.path(), f.lineOf(sed.start()), 1)));
                }
            }
        }
        if (infixOf.isEmpty()) {
            return;
        }
        for (SourceFile f : scripts) {
            String text = ws.text(f).orElse("");
            for (Map.Entry<String, String> e : infixOf.entrySet()) {
                Matcher call = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(e.getKey())
                        + "[ \\t]+\"?([^\"\\s;&|]+)\"?[ \\t]*$").matcher(text);
                while (call.find()) {
                    String arg = call.group(1);
                    Matcher v = VARIABLE.matcher(arg);
                    if (v.matches()) {
                        arg = assigned.get(v.group(1));
                    }
                    if (arg == null || arg.indexOf('$') >= 0 || arg.startsWith("/")) {
                        continue;
                    }
                    String target = Workspace.normalize(arg);
                    int slash = target.lastIndexOf('/');
                    int dot = target.lastIndexOf('.');
                    String example = dot > slash + 1
                            ? target.substring(0, dot) + "." + e.getValue() + target.substring(dot)
                            : target + "." + e.getValue();
                    if (!target.startsWith("..") && ws.file(example).isPresent()) {
                        out.add(new Write("cp", example, target,
                                new Location(f.path(), f.lineOf(call.start(1)), 1), false));
                    }
                }
            }
        }
    }

    private static String join(String base, String rel) {
        return Workspace.normalize(base.isEmpty() ? rel : base + "/" + rel);
    }

    /** The step that writes the repository path {@code output} from another repository file, if a script has one. */
    public Optional<Write> writerOf(String output) {
        return writes.stream().filter(w -> w.output().equals(output)).findFirst();
    }

    /** The plain copies a script makes of the repository file {@code source}. */
    public List<Write> copiesOf(String source) {
        return writes.stream().filter(w -> w.source().equals(source) && !w.rendered()).toList();
    }

    public List<Write> all() {
        return writes;
    }
}
