package io.samokoder.model.migrations;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.i18n.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every Alembic migration environment of the repository: one per section of an {@code alembic.ini} that names a
 * {@code script_location} (multi-database setups have several), plus {@code alembic/versions} and
 * {@code migrations/versions} folders that no ini file names. Each environment's revision modules are parsed (never
 * executed) and joined into the revision graph exactly as Alembic's {@code RevisionMap} builds it.
 */
public final class AlembicProject {

    /** A file in a version location that Alembic could not load, or that could not be analysed. */
    public record Problem(String path, int line, String message, boolean blocking, Text text) {

        Problem(String path, int line, Text text, boolean blocking) {
            this(path, line, text.english(), blocking, text);
        }
    }

    /** A revision id referenced but not defined. */
    public record Dangling(AlembicModule module, String missing, boolean dependency) {
    }

    /**
     * One migration environment.
     *
     * @param ini            the ini file, or null for a folder found by convention
     * @param iniLine        the line of {@code script_location} in the ini file
     * @param scriptLocation repo-relative script folder
     * @param versionDirs    repo-relative version folders
     * @param modules        parsed revision modules, sorted by path
     * @param problems       files that could not be loaded
     */
    public record Environment(String ini, int iniLine, String section, String scriptLocation, List<String> versionDirs,
                              List<AlembicModule> modules, List<Problem> problems, Graph graph) {

        /** Where environment-wide findings go: the ini's script_location line, else the versions folder. */
        public String anchorPath() {
            return ini != null ? ini : versionDirs.isEmpty() ? scriptLocation : versionDirs.get(0);
        }

        public String label() {
            return ini != null ? ini + (section.equals("alembic") ? "" : " [" + section + "]") : scriptLocation;
        }
    }

    /** The revision graph of one environment. */
    public static final class Graph {
        private final Map<String, AlembicModule> byId = new LinkedHashMap<>();
        private final Map<String, List<AlembicModule>> duplicates = new TreeMap<>();
        private final List<Dangling> dangling = new ArrayList<>();
        private final List<AlembicModule> heads = new ArrayList<>();
        private final List<AlembicModule> bases = new ArrayList<>();
        private final List<List<AlembicModule>> cycles = new ArrayList<>();
        private final Map<String, String> branchOf = new HashMap<>();

        Graph(List<AlembicModule> modules) {
            Map<String, List<AlembicModule>> all = new LinkedHashMap<>();
            Set<String> labels = new TreeSet<>();
            for (AlembicModule m : modules) {
                String id = m.revisionId();
                if (id == null || !m.downRevision().isLiteral() || m.downRevision().type() == AlembicModule.Value.Type.ABSENT) {
                    continue;
                }
                all.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
                byId.put(id, m); // the last one loaded wins, as in Alembic
                labels.addAll(m.branchLabels().ids());
            }
            all.forEach((id, list) -> {
                if (list.size() > 1) {
                    duplicates.put(id, List.copyOf(list));
                }
            });
            Set<String> referenced = new LinkedHashSet<>();
            for (AlembicModule m : byId.values()) {
                for (String down : m.downRevision().ids()) {
                    referenced.add(down);
                    if (!byId.containsKey(down)) {
                        dangling.add(new Dangling(m, down, false));
                    }
                }
                for (String dep : m.dependsOn().ids()) {
                    if (!byId.containsKey(dep) && !labels.contains(dep) && !uniquePrefix(dep)) {
                        dangling.add(new Dangling(m, dep, true));
                    }
                }
                if (m.downRevision().isBase()) {
                    bases.add(m);
                }
            }
            for (AlembicModule m : byId.values()) {
                if (!referenced.contains(m.revisionId())) {
                    heads.add(m);
                }
            }
            heads.sort((a, b) -> a.path().compareTo(b.path()));
            bases.sort((a, b) -> a.path().compareTo(b.path()));
            findCycles();
            for (AlembicModule m : byId.values()) {
                branch(m);
            }
        }

        private boolean uniquePrefix(String dep) {
            if (dep.length() < 4) {
                return false;
            }
            return byId.keySet().stream().filter(k -> k.startsWith(dep)).count() == 1;
        }

        /**
         * The nearest branch label at or below a revision along first parents, or "" for the unlabelled trunk.
         * Memoised along the walked path, so a whole history costs linear time.
         */
        private String branch(AlembicModule start) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            AlembicModule m = start;
            String label = "";
            while (m != null && seen.add(m.revisionId())) {
                String known = branchOf.get(m.revisionId());
                if (known != null) {
                    label = known;
                    break;
                }
                path.add(m.revisionId());
                if (!m.branchLabels().ids().isEmpty()) {
                    label = m.branchLabels().ids().get(0);
                    break;
                }
                List<String> downs = m.downRevision().ids();
                if (downs.size() != 1) {
                    break;
                }
                m = byId.get(downs.get(0));
            }
            for (String id : path) {
                branchOf.put(id, label);
            }
            return label;
        }

        /** Strongly connected components of the down_revision graph with more than one revision, or self loops. */
        private void findCycles() {
            Map<String, Integer> index = new HashMap<>();
            Map<String, Integer> low = new HashMap<>();
            Deque<String> stack = new ArrayDeque<>();
            Set<String> onStack = new java.util.HashSet<>();
            int[] counter = {0};
            for (String root : new TreeSet<>(byId.keySet())) {
                if (index.containsKey(root)) {
                    continue;
                }
                // iterative Tarjan: frames of (node, next child position)
                Deque<Object[]> frames = new ArrayDeque<>();
                frames.push(new Object[]{root, 0});
                index.put(root, counter[0]);
                low.put(root, counter[0]++);
                stack.push(root);
                onStack.add(root);
                while (!frames.isEmpty()) {
                    Object[] f = frames.peek();
                    String v = (String) f[0];
                    List<String> children = byId.get(v).downRevision().ids();
                    int i = (Integer) f[1];
                    if (i < children.size()) {
                        f[1] = i + 1;
                        String w = children.get(i);
                        if (!byId.containsKey(w)) {
                            continue;
                        }
                        if (!index.containsKey(w)) {
                            index.put(w, counter[0]);
                            low.put(w, counter[0]++);
                            stack.push(w);
                            onStack.add(w);
                            frames.push(new Object[]{w, 0});
                        } else if (onStack.contains(w)) {
                            low.put(v, Math.min(low.get(v), index.get(w)));
                        }
                        continue;
                    }
                    frames.pop();
                    if (!frames.isEmpty()) {
                        String parent = (String) frames.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        List<String> comp = new ArrayList<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            comp.add(w);
                        } while (!w.equals(v));
                        boolean selfLoop = comp.size() == 1 && byId.get(v).downRevision().ids().contains(v);
                        if (comp.size() > 1 || selfLoop) {
                            List<AlembicModule> mods = new ArrayList<>();
                            new TreeSet<>(comp).forEach(id -> mods.add(byId.get(id)));
                            cycles.add(mods);
                        }
                    }
                }
            }
            cycles.sort((a, b) -> a.get(0).revisionId().compareTo(b.get(0).revisionId()));
        }

        public Map<String, AlembicModule> byId() {
            return byId;
        }

        public Map<String, List<AlembicModule>> duplicates() {
            return duplicates;
        }

        public List<Dangling> dangling() {
            return dangling;
        }

        /** Revisions no other revision names as down_revision (Alembic's {@code heads}), sorted by path. */
        public List<AlembicModule> heads() {
            return heads;
        }

        /** Revisions whose down_revision is None (Alembic's {@code bases}), sorted by path. */
        public List<AlembicModule> bases() {
            return bases;
        }

        public List<List<AlembicModule>> cycles() {
            return cycles;
        }

        /** Branch label a revision belongs to ("" for the unlabelled trunk). */
        public String branchOf(AlembicModule m) {
            return branchOf.getOrDefault(m.revisionId(), "");
        }

        /**
         * How many revisions lie below a revision on its longest path to a base (0 for a base; revisions named but
         * missing count as bases; cycles are cut). Orders a history from old to new.
         */
        public int depth(AlembicModule m) {
            Integer known = depths.get(m.revisionId());
            if (known != null) {
                return known;
            }
            // iterative post-order: histories with thousands of revisions must not overflow the stack
            Deque<AlembicModule> stack = new ArrayDeque<>();
            Set<String> onStack = new java.util.HashSet<>();
            stack.push(m);
            onStack.add(m.revisionId());
            while (!stack.isEmpty()) {
                AlembicModule top = stack.peek();
                boolean pending = false;
                int best = -1;
                for (String down : top.downRevision().ids()) {
                    AlembicModule d = byId.get(down);
                    if (d == null) {
                        best = Math.max(best, 0);
                        continue;
                    }
                    Integer dd = depths.get(down);
                    if (dd != null) {
                        best = Math.max(best, dd + 1);
                    } else if (onStack.contains(down)) {
                        best = Math.max(best, 0); // a cycle: cut here
                    } else {
                        stack.push(d);
                        onStack.add(down);
                        pending = true;
                        break;
                    }
                }
                if (!pending) {
                    stack.pop();
                    onStack.remove(top.revisionId());
                    depths.put(top.revisionId(), Math.max(0, best));
                }
            }
            return depths.getOrDefault(m.revisionId(), 0);
        }

        private final Map<String, Integer> depths = new HashMap<>();
    }

    private final List<Environment> environments;
    private final NamingConvention naming;

    private AlembicProject(List<Environment> environments, NamingConvention naming) {
        this.environments = List.copyOf(environments);
        this.naming = naming;
    }

    /** The naming convention the project's metadata declares, which Alembic applies to operation names. */
    public NamingConvention naming() {
        return naming;
    }

    /** What a module's downgrade leaves undone, with the project's naming convention; computed once per module. */
    public DowngradeAnalysis.Result analysis(AlembicModule m) {
        return m.analysis(naming);
    }

    public List<Environment> environments() {
        return environments;
    }

    public boolean isEmpty() {
        return environments.isEmpty();
    }

    /** Every file the model read: ini files and revision modules. */
    public Set<String> inputs() {
        Set<String> out = new TreeSet<>();
        for (Environment e : environments) {
            if (e.ini() != null) {
                out.add(e.ini());
            }
            e.modules().forEach(m -> out.add(m.path()));
            e.problems().forEach(p -> out.add(p.path()));
        }
        out.addAll(naming.sources());
        return out;
    }

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static AlembicProject of(AuditContext ctx) {
        return ctx.model(AlembicProject.class, AlembicProject::load);
    }

    private static AlembicProject load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        List<Environment> envs = new ArrayList<>();
        Set<String> covered = new java.util.HashSet<>();
        for (SourceFile f : ws.files()) {
            if (!f.name().equals("alembic.ini")) {
                continue;
            }
            String text = ws.text(f).orElse("");
            IniFile ini = IniFile.parse(text);
            String here = f.folder();
            String hereAbs = ws.root().toAbsolutePath().normalize().toString().replace('\\', '/') + (here.isEmpty() ? "" : "/" + here);
            for (Map.Entry<String, Map<String, IniFile.Entry>> sec : ini.sections().entrySet()) {
                IniFile.Entry loc = sec.getValue().get("script_location");
                if (loc == null) {
                    continue;
                }
                String location = resolve(ws, here, ini.interpolate(sec.getKey(), loc.value(), hereAbs));
                List<Problem> problems = new ArrayList<>();
                if (!ws.isDirectory(location) && ws.exists(join(here, "env.py"))
                        && ws.isDirectory(join(here, "versions"))) {
                    // the ini lives in the environment it describes: a runner that passes script_location itself
                    // (programmatic setups do) uses this folder
                    problems.add(new Problem(f.path(), loc.line(), Text.of("model.alembic.locationBeside", location), false));
                    location = here;
                }
                List<String> versionDirs = new ArrayList<>();
                IniFile.Entry vl = sec.getValue().get("version_locations");
                if (vl != null && !vl.value().isBlank()) {
                    String sep = sec.getValue().containsKey("version_path_separator")
                            ? sec.getValue().get("version_path_separator").value().strip().toLowerCase(Locale.ROOT)
                            : "";
                    String regex = switch (sep) {
                        case "space" -> " ";
                        case "os", ":" -> ":";
                        case ";" -> ";";
                        case "newline" -> "\n";
                        default -> "[ ,]";
                    };
                    for (String part : ini.interpolate(sec.getKey(), vl.value(), hereAbs).split(regex)) {
                        if (!part.isBlank()) {
                            versionDirs.add(resolve(ws, here, part.strip()));
                        }
                    }
                } else {
                    versionDirs.add(join(location, "versions"));
                }
                IniFile.Entry rec = sec.getValue().get("recursive_version_locations");
                boolean recursive = rec != null && rec.value().strip().equalsIgnoreCase("true");
                if (!ws.isDirectory(location)) {
                    problems.add(new Problem(f.path(), loc.line(), Text.of("model.alembic.locationMissing", location), true));
                }
                envs.add(environment(ctx, f.path(), loc.line(), sec.getKey(), location, versionDirs, recursive,
                        problems));
                covered.addAll(versionDirs);
            }
        }
        for (SourceFile f : ws.files()) {
            if (!f.name().equals("pyproject.toml")) {
                continue;
            }
            String text = ws.text(f).orElse("");
            if (!text.contains("[tool.alembic]")) {
                continue;
            }
            String here = f.folder();
            String hereAbs = ws.root().toAbsolutePath().normalize().toString().replace('\\', '/')
                    + (here.isEmpty() ? "" : "/" + here);
            Map<String, IniFile.Entry> section = pyprojectSection(text);
            IniFile.Entry loc = section.get("script_location");
            if (loc == null) {
                continue;
            }
            IniFile expand = IniFile.parse("");
            String location = resolve(ws, here, expand.interpolate("", loc.value(), hereAbs));
            List<String> versionDirs = new ArrayList<>();
            IniFile.Entry vl = section.get("version_locations");
            if (vl != null) {
                for (String part : vl.value().split(",")) {
                    if (!part.isBlank()) {
                        versionDirs.add(resolve(ws, here, expand.interpolate("", part.strip(), hereAbs)));
                    }
                }
            }
            if (versionDirs.isEmpty()) {
                versionDirs.add(join(location, "versions"));
            }
            if (covered.containsAll(versionDirs)) {
                continue; // an alembic.ini next to it names the same folders
            }
            IniFile.Entry rec = section.get("recursive_version_locations");
            List<Problem> problems = new ArrayList<>();
            if (!ws.isDirectory(location)) {
                problems.add(new Problem(f.path(), loc.line(), Text.of("model.alembic.locationMissing", location), true));
            }
            envs.add(environment(ctx, f.path(), loc.line(), "tool.alembic", location, versionDirs,
                    rec != null && rec.value().equalsIgnoreCase("true"), problems));
            covered.addAll(versionDirs);
        }
        for (String dir : ws.allDirectoryPaths()) {
            boolean conventional = dir.equals("alembic/versions") || dir.equals("migrations/versions")
                    || dir.endsWith("/alembic/versions") || dir.endsWith("/migrations/versions");
            if (!conventional || covered.contains(dir)) {
                continue;
            }
            boolean hasPy = ws.filePathsUnder(dir).stream().anyMatch(p -> p.indexOf('/', dir.length() + 1) < 0
                    && isRevisionFileName(p.substring(dir.length() + 1)));
            if (hasPy) {
                String location = dir.substring(0, dir.length() - "/versions".length());
                envs.add(environment(ctx, null, 0, "alembic", location, List.of(dir), false, new ArrayList<>()));
            }
        }
        return new AlembicProject(envs, envs.isEmpty() ? NamingConvention.NONE : naming(ws, envs));
    }

    /** Python sources outside the version folders that declare a naming convention. */
    private static NamingConvention naming(Workspace ws, List<Environment> envs) {
        Set<String> revisions = new java.util.HashSet<>();
        envs.forEach(e -> e.modules().forEach(m -> revisions.add(m.path())));
        Map<String, String> texts = new TreeMap<>();
        for (SourceFile f : ws.files()) {
            if (!f.name().endsWith(".py") || revisions.contains(f.path())) {
                continue;
            }
            String text = ws.text(f).orElse("");
            if (text.contains("naming_convention")) {
                texts.put(f.path(), text);
            }
        }
        return NamingConvention.read(texts);
    }

    /**
     * The keys of the {@code [tool.alembic]} table of a pyproject.toml (Alembic 1.16+): strings, booleans and arrays
     * of strings (joined with commas), with their lines. A deliberately small TOML reader for these few keys.
     */
    static Map<String, IniFile.Entry> pyprojectSection(String text) {
        Map<String, IniFile.Entry> out = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean in = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("[")) {
                in = line.equals("[tool.alembic]");
                continue;
            }
            int eq = line.indexOf('=');
            if (!in || eq <= 0 || line.startsWith("#")) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
            if (value.toString().startsWith("[")) {
                int j = i;
                while (value.indexOf("]") < 0 && j + 1 < lines.length && j - i < 1000) {
                    value.append(' ').append(lines[++j].strip());
                }
            }
            List<String> parts = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|'([^']*)'")
                    .matcher(value);
            while (m.find()) {
                parts.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
            String v = parts.isEmpty() ? value.toString().replaceAll("#.*$", "").strip() : String.join(",", parts);
            out.put(key, new IniFile.Entry(v, i + 1));
        }
        return out;
    }

    static boolean isRevisionFileName(String name) {
        return name.endsWith(".py") && !name.startsWith(".#") && !name.startsWith("__init__");
    }

    private static Environment environment(AuditContext ctx, String ini, int iniLine, String section, String location,
                                           List<String> versionDirs, boolean recursive, List<Problem> problems) {
        Workspace ws = ctx.workspace();
        List<AlembicModule> modules = new ArrayList<>();
        // only the files under the version folders: walking the whole tree per environment was quadratic in big repos
        java.util.SortedSet<String> candidates = new java.util.TreeSet<>();
        for (String d : versionDirs) {
            candidates.addAll(ws.filePathsUnder(d));
        }
        for (String path : candidates) {
            SourceFile f = ws.file(path).orElse(null);
            if (f == null || !isRevisionFileName(f.name()) || !inVersionDir(f.folder(), versionDirs, recursive)) {
                continue;
            }
            if (ws.isBinary(f)) {
                problems.add(new Problem(f.path(), 0, Text.of("model.alembic.binary"), true));
                continue;
            }
            java.util.Optional<String> text = ws.text(f);
            if (text.isEmpty()) {
                problems.add(new Problem(f.path(), 0, Text.of("model.alembic.unreadable"), true));
                continue;
            }
            AlembicModule m = ctx.parsed(f, AlembicModule.class, x -> AlembicModule.parse(x.path(), text.get()));
            if (m.error() != null) {
                problems.add(new Problem(f.path(), m.errorLine(), Text.of("model.alembic.syntax",
                        Text.verbatim(m.error())), true));
            }
            if (m.revision().type() == AlembicModule.Value.Type.ABSENT) {
                if (m.error() == null) {
                    problems.add(new Problem(f.path(), 1, Text.of("model.alembic.noRevision"), true));
                }
            } else if (m.revisionId() == null) {
                problems.add(new Problem(f.path(), m.revision().line(), Text.of("model.alembic.revisionNotLiteral"), false));
            } else if (m.downRevision().type() == AlembicModule.Value.Type.ABSENT && m.error() == null) {
                problems.add(new Problem(f.path(), m.revision().line(), Text.of("model.alembic.noDownRevision",
                        m.revisionId()), true));
            } else if (m.downRevision().oversize() > 0) {
                problems.add(new Problem(f.path(), m.downRevision().line(), Text.of("model.alembic.downRevisionOversize",
                        m.downRevision().oversize(), AlembicModule.MAX_NAMES), true));
            } else if (m.downRevision().type() == AlembicModule.Value.Type.OTHER) {
                problems.add(new Problem(f.path(), m.downRevision().line(),
                        Text.of("model.alembic.downRevisionNotLiteral"), false));
            }
            for (var named : List.of(java.util.Map.entry("branch_labels", m.branchLabels()),
                    java.util.Map.entry("depends_on", m.dependsOn()))) {
                if (named.getValue().oversize() > 0) {
                    problems.add(new Problem(f.path(), named.getValue().line(), Text.of("model.alembic.namesOversize",
                            named.getKey(), named.getValue().oversize(), AlembicModule.MAX_NAMES), true));
                }
            }
            modules.add(m);
        }
        for (Workspace.Skipped s : ws.skipped()) {
            String folder = s.path().contains("/") ? s.path().substring(0, s.path().lastIndexOf('/')) : "";
            String name = s.path().substring(s.path().lastIndexOf('/') + 1);
            if (isRevisionFileName(name) && inVersionDir(folder, versionDirs, recursive)) {
                problems.add(new Problem(s.path(), 0, Text.of("model.alembic.skipped", s.text()), true));
            }
        }
        modules.sort((a, b) -> a.path().compareTo(b.path()));
        problems.sort((a, b) -> a.path().compareTo(b.path()) != 0 ? a.path().compareTo(b.path())
                : Integer.compare(a.line(), b.line()));
        return new Environment(ini, iniLine, section, location, List.copyOf(versionDirs), List.copyOf(modules),
                List.copyOf(problems), new Graph(modules));
    }

    private static boolean inVersionDir(String folder, List<String> dirs, boolean recursive) {
        for (String d : dirs) {
            if (folder.equals(d) || (recursive && (d.isEmpty() || folder.startsWith(d + "/")))) {
                return true;
            }
        }
        return false;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }

    /** A location from an ini file: relative to the ini's folder; {@code package:path} resource form tried too. */
    static String resolve(Workspace ws, String here, String value) {
        String v = value.strip();
        if (v.matches("[A-Za-z_][\\w.]*:[^/\\\\].*") && !v.matches("[A-Za-z]:[/\\\\].*")) {
            // package resource: every further colon separates a path segment, as Alembic's importlib lookup reads it
            String pkg = v.substring(0, v.indexOf(':')).replace('.', '/');
            String rest = v.substring(v.indexOf(':') + 1).replace(':', '/');
            for (String candidate : List.of(join(here, pkg + "/" + rest), join(join(here, "src"), pkg + "/" + rest),
                    pkg + "/" + rest, join("src", pkg + "/" + rest))) {
                String n = Workspace.normalize(candidate);
                if (ws.isDirectory(n)) {
                    return n;
                }
            }
            return Workspace.normalize(join(here, pkg + "/" + rest));
        }
        if (v.startsWith("/")) {
            String root = ws.root().toAbsolutePath().normalize().toString().replace('\\', '/');
            if (v.startsWith(root + "/")) {
                return Workspace.normalize(v.substring(root.length() + 1));
            }
            return Workspace.normalize(v);
        }
        // Alembic reads a relative path against the working directory: the ini's folder when alembic runs
        // there, the repository root when it runs with -c path/to/alembic.ini
        String besideIni = Workspace.normalize(join(here, v));
        if (!here.isEmpty() && !ws.isDirectory(besideIni) && ws.isDirectory(Workspace.normalize(v))) {
            return Workspace.normalize(v);
        }
        return besideIni;
    }
}
