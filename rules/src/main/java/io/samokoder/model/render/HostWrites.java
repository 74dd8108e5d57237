package io.samokoder.model.render;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.Location;

import java.util.ArrayList;
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
            return tool + " in " + location.path() + ":" + location.line();
        }
    }

    private static final long MAX_SCRIPT = 512 * 1024;

    private final List<Write> writes;

    private HostWrites(List<Write> writes) {
        this.writes = List.copyOf(writes);
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
        return new HostWrites(out);
    }

    private static String join(String base, String rel) {
        return Workspace.normalize(base.isEmpty() ? rel : base + "/" + rel);
    }

    /** The step that writes the repository path {@code output} from another repository file, if a script has one. */
    public Optional<Write> writerOf(String output) {
        return writes.stream().filter(w -> w.output().equals(output)).findFirst();
    }

    public List<Write> all() {
        return writes;
    }
}
