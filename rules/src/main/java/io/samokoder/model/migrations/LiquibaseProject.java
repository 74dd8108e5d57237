package io.samokoder.model.migrations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlProblem;
import io.samokoder.i18n.Text;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase changelogs of the repository in every format Liquibase reads (XML, YAML, JSON, formatted SQL), found by
 * content ({@code databaseChangeLog} root, {@code --liquibase formatted sql} header), with their changesets, the
 * change types each changeset runs, whether it declares a rollback, and its {@code include}/{@code includeAll}
 * references.
 */
public final class LiquibaseProject {

    /** Change types Liquibase cannot roll back on its own (no generated inverse). */
    public static final Set<String> NO_AUTO_ROLLBACK = Set.of("sql", "sqlFile", "loadData", "loadUpdateData",
            "dropTable", "dropColumn", "dropIndex", "dropForeignKeyConstraint", "dropAllForeignKeyConstraints",
            "dropUniqueConstraint", "dropPrimaryKey", "dropView", "dropSequence", "dropProcedure",
            "dropDefaultValue", "update", "delete", "insert", "modifyDataType", "mergeColumns", "addAutoIncrement",
            "alterSequence", "executeCommand", "createProcedure", "setColumnRemarks", "setTableRemarks");

    public enum Format { XML, YAML, JSON, SQL }

    public record Change(String type, int line) {
    }

    /**
     * A changeset.
     *
     * @param context its context expression ({@code context} or {@code contextFilter}), or null when it has none
     */
    public record ChangeSet(String id, String author, int line, List<Change> changes, boolean hasRollback,
                            String context) {
        public ChangeSet(String id, String author, int line, List<Change> changes, boolean hasRollback) {
            this(id, author, line, changes, hasRollback, null);
        }
    }

    /**
     * An include or includeAll.
     *
     * @param resolved the repo-relative path it resolves to, or null when nothing exists there
     * @param context  the context expression that applies to everything it includes, or null
     * @param elsewhere when {@code resolved} is null: the path under another module's {@code src/main/resources}
     *                  where the classpath path exists, in a module the including module's build does not declare as
     *                  a dependency (it may still reach the classpath transitively); null otherwise
     */
    public record Include(String target, int line, boolean all, boolean optional, String resolved, String context,
                          String elsewhere) {
        Include(String target, int line, boolean all, boolean optional, String resolved) {
            this(target, line, all, optional, resolved, null, null);
        }

        Include withContext(String c) {
            return new Include(target, line, all, optional, resolved, c == null || c.isBlank() ? null : c.strip(),
                    elsewhere);
        }

        /** The module folder ({@code fineract-loan/}, "" for the root) holding {@link #elsewhere}, or null. */
        public String elsewhereModule() {
            return elsewhere == null ? null : elsewhere.substring(0, elsewhere.indexOf(MAIN_RESOURCES));
        }
    }

    public record Changelog(String path, Format format, List<ChangeSet> changeSets, List<Include> includes,
                            Text errorText, int errorLine) {
        /** {@link #errorText} in English, or null. */
        public String error() {
            return errorText == null ? null : errorText.english();
        }
    }

    private final List<Changelog> changelogs;
    private final SpringConfig spring;
    /** Changelog path -> context expressions of the includes that lead to it. */
    private final Map<String, List<String>> inherited;
    /** Changelog paths included by another changelog. */
    private final Set<String> included;

    private LiquibaseProject(List<Changelog> changelogs, SpringConfig spring) {
        this.changelogs = List.copyOf(changelogs);
        this.spring = spring;
        this.inherited = new HashMap<>();
        this.included = new TreeSet<>();
        Map<String, Changelog> byPath = new HashMap<>();
        changelogs.forEach(c -> byPath.put(c.path(), c));
        // contexts on include/includeAll apply to everything below; followed breadth-first, each changelog once
        java.util.ArrayDeque<Changelog> queue = new java.util.ArrayDeque<>(changelogs);
        Set<String> done = new java.util.HashSet<>();
        while (!queue.isEmpty()) {
            Changelog c = queue.poll();
            for (Include inc : c.includes()) {
                if (inc.resolved() == null || inc.target().contains("${")) {
                    continue;
                }
                for (Changelog t : targets(inc, byPath)) {
                    included.add(t.path());
                    List<String> ctx = new ArrayList<>(inherited.getOrDefault(c.path(), List.of()));
                    if (inc.context() != null) {
                        ctx.add(inc.context());
                    }
                    if (!ctx.isEmpty() && done.add(t.path() + "\u0000" + ctx)) {
                        inherited.merge(t.path(), ctx, (a, b) -> {
                            List<String> m = new ArrayList<>(a);
                            b.stream().filter(x -> !m.contains(x)).forEach(m::add);
                            return m;
                        });
                        if (done.size() < 10_000) {
                            queue.add(t);
                        }
                    }
                }
            }
        }
    }

    private static List<Changelog> targets(Include inc, Map<String, Changelog> byPath) {
        if (!inc.all()) {
            Changelog t = byPath.get(inc.resolved());
            return t == null ? List.of() : List.of(t);
        }
        List<Changelog> out = new ArrayList<>();
        String dir = inc.resolved().endsWith("/") ? inc.resolved() : inc.resolved() + "/";
        byPath.forEach((path, c) -> {
            if (path.startsWith(dir)) {
                out.add(c);
            }
        });
        return out;
    }

    /** A changeset with the changelog that holds it. */
    public record Entry(Changelog log, ChangeSet set) {
    }

    /**
     * The changesets of each migration stream in the order Liquibase runs them. A stream starts at a root changelog
     * (one no other changelog includes: what {@code spring.liquibase.change-log} or a {@code SpringLiquibase} bean
     * names) and follows its changesets and includes in document order, includeAll targets in path order, each
     * changelog once. A changelog no root reaches (an include cycle) starts a stream of its own. Streams are ordered
     * by the path of their first changelog.
     */
    public List<List<Entry>> streams() {
        Map<String, Changelog> byPath = new HashMap<>();
        changelogs.forEach(c -> byPath.put(c.path(), c));
        List<Changelog> starts = new ArrayList<>();
        changelogs.stream().filter(c -> !isIncluded(c)).forEach(starts::add);
        starts.sort(java.util.Comparator.comparing(Changelog::path));
        Set<String> seen = new java.util.HashSet<>();
        List<List<Entry>> out = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            List<Changelog> from = pass == 0 ? starts
                    : changelogs.stream().sorted(java.util.Comparator.comparing(Changelog::path)).toList();
            for (Changelog c : from) {
                if (seen.contains(c.path())) {
                    continue;
                }
                List<Entry> stream = new ArrayList<>();
                walk(c, byPath, seen, stream);
                out.add(stream);
            }
        }
        return out;
    }

    /** Appends the changesets of {@code c} and of what it includes, in document order, iteratively. */
    private static void walk(Changelog root, Map<String, Changelog> byPath, Set<String> seen, List<Entry> out) {
        // a stack of (changelog, next changeset index, next include index)
        java.util.ArrayDeque<int[]> positions = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Changelog> logs = new java.util.ArrayDeque<>();
        seen.add(root.path());
        logs.push(root);
        positions.push(new int[] {0, 0});
        while (!logs.isEmpty()) {
            Changelog c = logs.peek();
            int[] at = positions.peek();
            boolean moreSets = at[0] < c.changeSets().size();
            boolean moreIncludes = at[1] < c.includes().size();
            if (!moreSets && !moreIncludes) {
                logs.pop();
                positions.pop();
                continue;
            }
            if (moreSets && (!moreIncludes || c.changeSets().get(at[0]).line() < c.includes().get(at[1]).line())) {
                out.add(new Entry(c, c.changeSets().get(at[0]++)));
                continue;
            }
            Include inc = c.includes().get(at[1]++);
            if (inc.resolved() == null || inc.target().contains("${")) {
                continue;
            }
            List<Changelog> targets = new ArrayList<>(targets(inc, byPath));
            targets.sort(java.util.Comparator.comparing(Changelog::path));
            // pushed in reverse so that the first target runs first
            for (int i = targets.size() - 1; i >= 0; i--) {
                Changelog t = targets.get(i);
                if (seen.add(t.path())) {
                    logs.push(t);
                    positions.push(new int[] {0, 0});
                }
            }
        }
    }

    /** Whether another changelog includes this one. */
    public boolean isIncluded(Changelog c) {
        return included.contains(c.path());
    }

    /**
     * Why the production configuration never runs this changeset, or null when it may: its context (with the contexts
     * of the includes above it) matches none of the contexts that {@code spring.liquibase.contexts} sets for the
     * production profiles of its module ({@code prod}, {@code production}; the base configuration when the module has
     * no such profile). Liquibase runs every changeset when no contexts are set.
     */
    public String notDeployed(Changelog c, ChangeSet cs) {
        List<String> exprs = new ArrayList<>(inherited.getOrDefault(c.path(), List.of()));
        if (cs.context() != null) {
            exprs.add(cs.context());
        }
        String module = SpringConfig.moduleOf(c.path());
        if (exprs.isEmpty() || module == null || !spring.has(module)) {
            return null;
        }
        List<String> runs = new ArrayList<>();
        for (String p : spring.profiles(module)) {
            if (SpringConfig.isProduction(p)) {
                runs.add(p);
            }
        }
        if (runs.isEmpty()) {
            runs.add(null);
        }
        List<String> why = new ArrayList<>();
        for (String p : runs) {
            SpringConfig.Value v = spring.get(module, p, "spring.liquibase.contexts");
            if (v == null || v.value().isBlank()) {
                return null; // no contexts: Liquibase runs every changeset
            }
            Set<String> active = new TreeSet<>();
            for (String x : v.value().split(",")) {
                if (!x.isBlank()) {
                    active.add(x.strip().toLowerCase(Locale.ROOT));
                }
            }
            if (exprs.stream().allMatch(e -> ContextExpression.matches(e, active))) {
                return null; // this production run executes it
            }
            why.add("spring.liquibase.contexts=" + String.join(",", active) + " in " + v.source());
        }
        return "context " + String.join(" and ", exprs.stream().map(e -> "\"" + e + "\"").toList())
                + " matches none of the production contexts (" + String.join("; ", why) + ")";
    }

    public List<Changelog> changelogs() {
        return changelogs;
    }

    public boolean isEmpty() {
        return changelogs.isEmpty();
    }

    public Set<String> inputs() {
        Set<String> out = new TreeSet<>();
        changelogs.forEach(c -> out.add(c.path()));
        return out;
    }

    private static final Pattern SQL_HEADER = Pattern.compile("\\s*+--\\s*+liquibase\\s++formatted\\s++sql.*+",
            Pattern.CASE_INSENSITIVE);

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static LiquibaseProject of(AuditContext ctx) {
        return ctx.model(LiquibaseProject.class, LiquibaseProject::load);
    }

    private static LiquibaseProject load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        List<Changelog> out = new ArrayList<>();
        for (SourceFile f : ws.files()) {
            String lower = f.name().toLowerCase(Locale.ROOT);
            Format format = lower.endsWith(".xml") ? Format.XML
                    : lower.endsWith(".yaml") || lower.endsWith(".yml") ? Format.YAML
                    : lower.endsWith(".json") ? Format.JSON
                    : lower.endsWith(".sql") ? Format.SQL : null;
            if (format == null) {
                continue;
            }
            if (ws.isBinary(f)) {
                if (lower.contains("changelog")) {
                    out.add(new Changelog(f.path(), format, List.of(), List.of(),
                            Text.of("model.liquibase.binary"), 0));
                }
                continue;
            }
            Optional<String> text = ws.text(f);
            if (text.isEmpty()) {
                continue;
            }
            String t = text.get();
            Changelog c = switch (format) {
                case XML -> t.contains("databaseChangeLog") ? xml(ws, f, t) : null;
                case YAML -> t.contains("databaseChangeLog") ? yaml(ctx, f) : null;
                case JSON -> t.contains("databaseChangeLog") ? json(ws, f, t) : null;
                case SQL -> isFormattedSql(t) ? sql(ws, f, t) : null;
            };
            if (c != null) {
                out.add(c);
            }
        }
        return new LiquibaseProject(out, SpringConfig.of(ctx));
    }

    static boolean isFormattedSql(String t) {
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        int end = t.indexOf('\n', i);
        String first = t.substring(i, end < 0 ? Math.min(t.length(), i + 200) : Math.min(end, i + 200));
        return SQL_HEADER.matcher(first).matches();
    }

    // ---- XML ----

    static Changelog xml(Workspace ws, SourceFile f, String text) {
        XmlTree tree = XmlTree.parse(text);
        XmlTree.Element root = tree.root();
        if (root == null || !root.name().equals("databaseChangeLog")) {
            if (tree.error() != null && (root == null || root.name().equals("databaseChangeLog"))
                    && text.contains("<databaseChangeLog")) {
                return new Changelog(f.path(), Format.XML, List.of(), List.of(), Text.of("model.liquibase.xml",
                        Text.verbatim(tree.error())), tree.errorLine());
            }
            return null;
        }
        List<ChangeSet> sets = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        for (XmlTree.Element e : root.children()) {
            switch (e.name()) {
                case "changeSet" -> {
                    List<Change> changes = new ArrayList<>();
                    boolean rollback = false;
                    for (XmlTree.Element c : e.children()) {
                        switch (c.name()) {
                            case "rollback" -> rollback = true;
                            case "comment", "preConditions", "validCheckSum", "modifySql", "tagDatabase", "empty" -> {
                            }
                            default -> changes.add(new Change(c.name(), c.line()));
                        }
                    }
                    sets.add(new ChangeSet(e.attr("id"), e.attr("author"), e.line(), changes, rollback,
                            context(e.attr("contextFilter"), e.attr("context"))));
                }
                case "include" -> includes.add(include(ws, f, e.attr("file"), e.line(), false,
                        "true".equalsIgnoreCase(e.attr("relativeToChangelogFile")),
                        "false".equalsIgnoreCase(e.attr("errorIfMissing")))
                        .withContext(context(e.attr("contextFilter"), e.attr("context"))));
                case "includeAll" -> includes.add(include(ws, f, e.attr("path"), e.line(), true,
                        "true".equalsIgnoreCase(e.attr("relativeToChangelogFile")),
                        "false".equalsIgnoreCase(e.attr("errorIfMissingOrEmpty")))
                        .withContext(context(e.attr("contextFilter"), e.attr("context"))));
                default -> {
                }
            }
        }
        return new Changelog(f.path(), Format.XML, sets, includes,
                tree.error() == null ? null : Text.of("model.liquibase.xml", Text.verbatim(tree.error())),
                tree.errorLine());
    }

    // ---- YAML and JSON, through one small tree with lines ----

    /** A YAML/JSON value: Map&lt;String, LNode&gt;, List&lt;LNode&gt;, String or null, with its line. */
    record LNode(Object value, int line) {
        @SuppressWarnings("unchecked")
        Map<String, LNode> map() {
            return value instanceof Map<?, ?> m ? (Map<String, LNode>) m : Map.of();
        }

        @SuppressWarnings("unchecked")
        List<LNode> list() {
            return value instanceof List<?> l ? (List<LNode>) l : List.of();
        }

        String str() {
            return value instanceof String s ? s : null;
        }
    }

    static Changelog yaml(AuditContext ctx, SourceFile f) {
        YamlDocument doc = ctx.yaml(f);
        Text error = null;
        int errorLine = 0;
        for (YamlProblem p : doc.problems()) {
            if (p.kind() != YamlProblem.Kind.DUPLICATE_KEY) {
                error = Text.of("model.liquibase.yaml", Text.verbatim(p.message()));
                errorLine = p.line();
                break;
            }
        }
        Node root = doc.root().orElse(null);
        int[] budget = {200_000};
        LNode tree = root == null ? null : convert(root, budget, 0);
        if (tree == null || !tree.map().containsKey("databaseChangeLog")) {
            return error == null ? null : new Changelog(f.path(), Format.YAML, List.of(), List.of(), error, errorLine);
        }
        return structured(ctx.workspace(), f, Format.YAML, tree, error, errorLine);
    }

    private static LNode convert(Node n, int[] budget, int depth) {
        if (budget[0]-- <= 0 || depth > 200) {
            return new LNode(null, YamlDocument.line(n));
        }
        if (n instanceof ScalarNode s) {
            return new LNode(YamlDocument.isNull(s) ? null : s.getValue(), YamlDocument.line(n));
        }
        if (n instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, LNode> m = new LinkedHashMap<>();
            YamlDocument.mapping(n).forEach((k, v) -> m.put(k, convert(v, budget, depth + 1)));
            return new LNode(m, YamlDocument.line(n));
        }
        List<LNode> l = new ArrayList<>();
        for (Node item : YamlDocument.sequence(n)) {
            l.add(convert(item, budget, depth + 1));
        }
        return new LNode(l, YamlDocument.line(n));
    }

    static Changelog json(Workspace ws, SourceFile f, String text) {
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            LNode tree = readJson(p, 0);
            if (!tree.map().containsKey("databaseChangeLog")) {
                return null;
            }
            return structured(ws, f, Format.JSON, tree, null, 0);
        } catch (IOException | RuntimeException e) {
            int line = 1;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
                line = Math.max(1, jpe.getLocation().getLineNr());
            }
            String msg = String.valueOf(e.getMessage());
            int nl = msg.indexOf('\n');
            return new Changelog(f.path(), Format.JSON, List.of(), List.of(), Text.of("model.liquibase.json",
                    Text.verbatim(nl > 0 ? msg.substring(0, nl) : msg)), line);
        }
    }

    private static LNode readJson(JsonParser p, int depth) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (depth > 500) {
            throw new IOException("nesting deeper than 500 levels");
        }
        if (t == JsonToken.START_OBJECT) {
            Map<String, LNode> m = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                m.putIfAbsent(key, readJson(p, depth + 1));
            }
            return new LNode(m, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<LNode> l = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    throw new IOException("unexpected end of input in array");
                }
                l.add(readJson(p, depth + 1));
            }
            return new LNode(l, line);
        }
        if (t == JsonToken.VALUE_NULL) {
            return new LNode(null, line);
        }
        return new LNode(p.getText(), line);
    }

    private static Changelog structured(Workspace ws, SourceFile f, Format format, LNode tree, Text error,
                                        int errorLine) {
        List<ChangeSet> sets = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        for (LNode item : tree.map().get("databaseChangeLog").list()) {
            for (Map.Entry<String, LNode> e : item.map().entrySet()) {
                LNode v = e.getValue();
                Map<String, LNode> body = v.map();
                switch (e.getKey()) {
                    case "changeSet" -> {
                        List<Change> changes = new ArrayList<>();
                        for (LNode c : body.getOrDefault("changes", new LNode(null, 0)).list()) {
                            for (Map.Entry<String, LNode> ce : c.map().entrySet()) {
                                if (!ce.getKey().equals("tagDatabase") && !ce.getKey().equals("empty")
                                        && !ce.getKey().equals("comment")) {
                                    changes.add(new Change(ce.getKey(), Math.max(c.line(), ce.getValue().line())));
                                }
                            }
                        }
                        sets.add(new ChangeSet(str(body.get("id")), str(body.get("author")), item.line(), changes,
                                body.containsKey("rollback"), context(str(body.get("contextFilter")),
                                str(body.get("context")))));
                    }
                    case "include" -> includes.add(include(ws, f, str(body.get("file")), item.line(), false,
                            "true".equalsIgnoreCase(str(body.get("relativeToChangelogFile"))),
                            "false".equalsIgnoreCase(str(body.get("errorIfMissing"))))
                            .withContext(context(str(body.get("contextFilter")), str(body.get("context")))));
                    case "includeAll" -> includes.add(include(ws, f, str(body.get("path")), item.line(), true,
                            "true".equalsIgnoreCase(str(body.get("relativeToChangelogFile"))),
                            "false".equalsIgnoreCase(str(body.get("errorIfMissingOrEmpty"))))
                            .withContext(context(str(body.get("contextFilter")), str(body.get("context")))));
                    default -> {
                    }
                }
            }
        }
        return new Changelog(f.path(), format, sets, includes, error, errorLine);
    }

    private static String str(LNode n) {
        return n == null ? null : n.str();
    }

    /** The context expression: {@code contextFilter} (Liquibase 4.16+) or its older name {@code context}. */
    private static String context(String filter, String context) {
        String c = filter != null && !filter.isBlank() ? filter : context;
        return c == null || c.isBlank() ? null : c.strip();
    }

    // ---- formatted SQL ----

    private static final Pattern CHANGESET = Pattern.compile("--\\s*+changeset\\s++([^:\\s]++):(\\S++).*+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("(?:--\\s*+rollback\\b|/\\*\\s*+liquibase\\s++rollback\\b).*+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_CONTEXT = Pattern.compile("\\s(?:contextFilter|context):(?:\"([^\"]*+)\"|(\\S++))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INCLUDE = Pattern.compile("--\\s*+include(All)?\\s++(?:file|path):(\\S++).*+",
            Pattern.CASE_INSENSITIVE);

    static Changelog sql(Workspace ws, SourceFile f, String text) {
        List<ChangeSet> sets = new ArrayList<>();
        List<Include> includes = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        String id = null;
        String author = null;
        String context = null;
        int start = 0;
        int firstSql = 0;
        boolean rollback = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : null;
            Matcher cs = line == null ? null : CHANGESET.matcher(line);
            boolean boundary = line == null || cs.matches();
            if (boundary) {
                if (start > 0) {
                    List<Change> changes = firstSql > 0 ? List.of(new Change("sql", firstSql)) : List.of();
                    sets.add(new ChangeSet(id, author, start, changes, rollback, context));
                }
                if (line == null) {
                    break;
                }
                author = cs.group(1);
                id = cs.group(2);
                Matcher ctx = SQL_CONTEXT.matcher(line);
                context = ctx.find() ? (ctx.group(1) != null ? ctx.group(1) : ctx.group(2)) : null;
                start = i + 1;
                firstSql = 0;
                rollback = false;
                continue;
            }
            if (line.length() > 10_000) {
                line = line.substring(0, 10_000);
            }
            Matcher inc = INCLUDE.matcher(line);
            if (inc.matches()) {
                includes.add(include(ws, f, inc.group(2), i + 1, inc.group(1) != null, false, false));
            } else if (ROLLBACK.matcher(line).matches()) {
                rollback = true;
            } else if (!line.isEmpty() && !line.startsWith("--") && start > 0 && firstSql == 0) {
                firstSql = i + 1;
            }
        }
        SqlLexCheck.Problem p = SqlLexCheck.check(text);
        return new Changelog(f.path(), Format.SQL, sets, includes,
                p == null ? null : Text.of("model.liquibase.sql", p.text()), p == null ? 0 : p.line());
    }

    // ---- include resolution ----

    private static Include include(Workspace ws, SourceFile from, String target, int line, boolean all,
                                   boolean relative, boolean optional) {
        if (target == null || target.isBlank()) {
            return new Include(target == null ? "" : target, line, all, true, null);
        }
        String t = target.strip();
        if (t.contains("${")) {
            return new Include(t, line, all, true, t); // property substitution: cannot be resolved statically
        }
        String p = t.startsWith("classpath:") ? t.substring("classpath:".length()) : t;
        p = p.replaceFirst("^classpath\\*:", "");
        String here = from.folder();
        List<String> candidates = new ArrayList<>();
        if (relative) {
            candidates.add(join(here, p));
        } else {
            String rel = p.startsWith("/") ? p.substring(1) : p;
            candidates.add(rel);
            String module = here.contains("src/main/resources") ? here.substring(0, here.indexOf("src/main/resources"))
                    : "";
            candidates.add(module + "src/main/resources/" + rel);
            candidates.add(module + "src/test/resources/" + rel);
            candidates.add(join(here, rel));
            int res = here.indexOf("/resources");
            if (res >= 0) {
                candidates.add(here.substring(0, res + "/resources".length()) + "/" + rel);
            }
        }
        for (String c : candidates) {
            String n = Workspace.normalize(c);
            boolean exists = all ? ws.isDirectory(n) : ws.exists(n) || ws.allFilePaths().contains(n);
            if (exists) {
                return new Include(t, line, all, optional, n);
            }
        }
        // on the runtime classpath every module's resources sit at the root: the path may be another module's
        String classpath = relative ? classpathOf(join(here, p)) : (p.startsWith("/") ? p.substring(1) : p);
        if (classpath != null) {
            String module = moduleOf(from.path());
            List<String> found = inOtherModules(ws, Workspace.normalize(classpath), all);
            for (String other : found) {
                String otherModule = other.substring(0, other.indexOf(MAIN_RESOURCES));
                if (module != null && ModuleDependencies.declares(ws, module, otherModule)) {
                    return new Include(t, line, all, optional, other);
                }
            }
            if (!found.isEmpty()) {
                return new Include(t, line, all, optional, null, null, found.get(0));
            }
        }
        return new Include(t, line, all, optional, null);
    }

    private static final String MAIN_RESOURCES = "src/main/resources/";

    /** The classpath path of a repository path under a {@code src/main/resources} folder, or null. */
    private static String classpathOf(String path) {
        String n = Workspace.normalize(path);
        int at = n.startsWith(MAIN_RESOURCES) ? 0 : n.indexOf("/" + MAIN_RESOURCES);
        if (at < 0) {
            return null;
        }
        return n.substring(at == 0 ? MAIN_RESOURCES.length() : at + 1 + MAIN_RESOURCES.length());
    }

    /** The module folder ("" for the root, else ending in "/") of a file under its src/main/resources, or null. */
    private static String moduleOf(String path) {
        if (path.startsWith(MAIN_RESOURCES)) {
            return "";
        }
        int at = path.indexOf("/" + MAIN_RESOURCES);
        return at < 0 ? null : path.substring(0, at + 1);
    }

    /** Paths {@code <module>/src/main/resources/<classpath>} that exist (folders for includeAll), sorted. */
    private static List<String> inOtherModules(Workspace ws, String classpath, boolean all) {
        String suffix = MAIN_RESOURCES + classpath;
        List<String> out = new ArrayList<>();
        for (String f : all ? ws.allDirectoryPaths() : ws.allFilePaths()) {
            if (f.equals(suffix) || f.endsWith("/" + suffix)) {
                out.add(f);
            }
        }
        java.util.Collections.sort(out);
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }
}
