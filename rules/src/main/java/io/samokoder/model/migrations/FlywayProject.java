package io.samokoder.model.migrations;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway migrations of the repository, grouped by the configuration that locates them: {@code flyway.locations} in
 * {@code flyway.conf}, {@code locations} in {@code flyway.toml}, {@code <locations>} / {@code flyway.locations} in a
 * {@code pom.xml}, {@code spring.flyway.locations} in {@code application*.properties|yml}; and by convention every
 * {@code db/migration} folder no configuration names (grouped per module). File names are classified as Flyway's
 * {@code ResourceNameParser} does.
 */
public final class FlywayProject {

    /**
     * What a file is to Flyway. {@link #BASELINE} ({@code B<version>__…}, Flyway's baseline migrations) stands for
     * every versioned migration up to its version on a new database; it may share its version with a versioned one.
     */
    public enum Kind { VERSIONED, UNDO, BASELINE, REPEATABLE, CALLBACK, INVALID }

    /**
     * One migration file.
     *
     * @param version normalised version (trailing zero parts dropped: 1.0 == 1), null when none
     * @param problemText why Flyway ignores or rejects the name, for {@link Kind#INVALID}
     * @param contentText why Flyway cannot run the file's content, or null
     * @param variant the value a placeholder in the configured suffix takes for this file (H2 for
     *     {@code V1__init__H2.sql} under {@code ${spring.jpa.database}.sql}), or null when every run loads it
     */
    public record Migration(String path, Kind kind, String versionText, String version, String description,
                            Text problemText, boolean java, Text contentText, int contentLine, String variant) {
        Migration(String path, Kind kind, String versionText, String version, String description, Text problem,
                  boolean java) {
            this(path, kind, versionText, version, description, problem, java, null, 0, null);
        }

        Migration withContent(Text message, int line) {
            return new Migration(path, kind, versionText, version, description, problemText, java, message, line,
                    variant);
        }

        Migration withVariant(String value) {
            return new Migration(path, kind, versionText, version, description, problemText, java, contentText,
                    contentLine, value);
        }

        /** {@link #problemText} in English, or null. */
        public String problem() {
            return problemText == null ? null : problemText.english();
        }

        /** {@link #contentText} in English, or null. */
        public String contentProblem() {
            return contentText == null ? null : contentText.english();
        }
    }

    /** Migrations that one Flyway configuration sees together. */
    public record Group(String source, List<String> locations, List<Migration> migrations, boolean undoConfigured,
                        String undoConfigSource) {
    }

    private final List<Group> groups;
    private final Set<String> inputs;

    private FlywayProject(List<Group> groups, Set<String> inputs) {
        this.groups = List.copyOf(groups);
        this.inputs = inputs;
    }

    public List<Group> groups() {
        return groups;
    }

    public Set<String> inputs() {
        return inputs;
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    record Settings(String v, String u, String r, String b, String sep, List<String> suffixes) {
        static final Settings DEFAULT = new Settings("V", "U", "R", "B", "__", List.of(".sql"));
    }

    private static final class Config {
        final String source;
        final List<String> locations = new ArrayList<>();
        String v = "V";
        String u = "U";
        String r = "R";
        String b = "B";
        String sep = "__";
        List<String> suffixes = List.of(".sql");
        boolean undoConfigured;
        /** The naming settings this file sets itself. */
        final Set<String> touched = new HashSet<>();

        Config(String source) {
            this.source = source;
        }

        Settings settings() {
            return new Settings(v, u, r, b, sep, suffixes);
        }

        /** Takes over the naming settings another file sets (Spring: the later source wins). */
        void namingFrom(Config other) {
            if (other.touched.contains("v")) {
                v = other.v;
            }
            if (other.touched.contains("u")) {
                u = other.u;
                undoConfigured = true;
            }
            if (other.touched.contains("r")) {
                r = other.r;
            }
            if (other.touched.contains("b")) {
                b = other.b;
            }
            if (other.touched.contains("sep")) {
                sep = other.sep;
            }
            if (other.touched.contains("suffixes")) {
                suffixes = other.suffixes;
            }
            touched.addAll(other.touched);
        }

        boolean setsNaming() {
            return !touched.isEmpty();
        }

        void set(String key, String value) {
            String k = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            String val = value.strip();
            switch (k) {
                case "locations" -> {
                    for (String part : val.replaceAll("[\\[\\]\"']", "").split(",")) {
                        if (!part.isBlank()) {
                            locations.add(part.strip());
                        }
                    }
                }
                case "sqlmigrationprefix" -> {
                    v = val;
                    touched.add("v");
                }
                case "undosqlmigrationprefix" -> {
                    u = val;
                    undoConfigured = true;
                    touched.add("u");
                }
                case "repeatablesqlmigrationprefix" -> {
                    r = val;
                    touched.add("r");
                }
                case "baselinemigrationprefix" -> {
                    b = val;
                    touched.add("b");
                }
                case "sqlmigrationseparator" -> {
                    sep = val;
                    touched.add("sep");
                }
                case "sqlmigrationsuffixes" -> {
                    List<String> s = new ArrayList<>();
                    for (String part : val.replaceAll("[\\[\\]\"']", "").split(",")) {
                        if (!part.isBlank()) {
                            s.add(part.strip());
                        }
                    }
                    if (!s.isEmpty()) {
                        suffixes = s;
                        touched.add("suffixes");
                    }
                }
                default -> { }
            }
        }
    }

    /** The model, built once per audit and shared through {@link AuditContext#model}. */
    public static FlywayProject of(AuditContext ctx) {
        return ctx.model(FlywayProject.class, FlywayProject::load);
    }

    private static FlywayProject load(AuditContext ctx) {
        Workspace ws = ctx.workspace();
        List<Config> configs = new ArrayList<>();
        // Spring configuration that names no location but sets naming (suffixes, prefixes) for the default one
        Map<String, List<Config>> springNaming = new TreeMap<>();
        // modules whose base Spring configuration names locations: their application never reads the default one
        Set<String> springLocated = new HashSet<>();
        for (SourceFile f : ws.files()) {
            String name = f.name();
            Optional<String> text;
            if (name.equals("flyway.conf") || name.endsWith(".flyway.conf")) {
                text = ws.text(f);
                text.ifPresent(t -> configs.add(properties(f.path(), t, "flyway.")));
            } else if (name.equals("flyway.toml")) {
                text = ws.text(f);
                text.ifPresent(t -> configs.add(toml(f.path(), t)));
            } else if (name.matches("application(-[\\w.-]+)?\\.properties")) {
                text = ws.text(f);
                text.ifPresent(t -> {
                    Config c = properties(f.path(), t, "spring.flyway.");
                    if (!c.locations.isEmpty()) {
                        configs.add(c);
                        if (name.equals("application.properties")) {
                            springLocated.add(moduleRoot(parent(f.path())));
                        }
                    } else if (name.equals("application.properties") && c.setsNaming()) {
                        springNaming.computeIfAbsent(moduleRoot(parent(f.path())), k -> new ArrayList<>()).add(c);
                    }
                });
            } else if (name.matches("application(-[\\w.-]+)?\\.ya?ml")) {
                Config c = springYaml(ctx, f);
                if (c != null && !c.locations.isEmpty()) {
                    configs.add(c);
                    if (name.matches("application\\.ya?ml")) {
                        springLocated.add(moduleRoot(parent(f.path())));
                    }
                } else if (c != null && name.matches("application\\.ya?ml") && c.setsNaming()) {
                    springNaming.computeIfAbsent(moduleRoot(parent(f.path())), k -> new ArrayList<>()).add(c);
                }
            } else if (name.equals("pom.xml")) {
                text = ws.text(f);
                if (text.isPresent() && text.get().contains("flyway")) {
                    Config c = pom(f.path(), text.get());
                    if (c != null && !c.locations.isEmpty()) {
                        configs.add(c);
                    }
                }
            }
        }
        List<Group> groups = new ArrayList<>();
        Set<String> inputs = new TreeSet<>();
        for (Config c : configs) {
            List<String> fixed = new ArrayList<>();
            Map<String, List<String>> byVendor = new TreeMap<>();
            for (String loc : c.locations) {
                if (loc.contains(VENDOR)) {
                    vendorLocations(ws, c.source, loc).forEach((vendor, dirs) ->
                            byVendor.computeIfAbsent(vendor, k -> new ArrayList<>()).addAll(dirs));
                } else {
                    fixed.addAll(resolveLocation(ws, c.source, loc));
                }
            }
            // Spring Boot replaces {vendor} with the database of the run: one run per vendor folder
            List<List<String>> runs = new ArrayList<>();
            if (byVendor.isEmpty()) {
                runs.add(fixed);
            }
            byVendor.values().forEach(v -> {
                List<String> dirs = new ArrayList<>(fixed);
                v.stream().filter(d -> !dirs.contains(d)).forEach(dirs::add);
                runs.add(dirs);
            });
            for (List<String> dirs : runs) {
                if (dirs.isEmpty()) {
                    continue;
                }
                inputs.add(c.source);
                groups.add(new Group(c.source, List.copyOf(dirs), scan(ws, dirs, c.settings()), c.undoConfigured,
                        c.undoConfigured ? c.source : null));
            }
        }
        // convention: db/migration folders nobody configured, one group per module root
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        for (String dir : ws.allDirectoryPaths()) {
            if (!(dir.equals("db/migration") || dir.endsWith("/db/migration"))) {
                continue;
            }
            String module = moduleRoot(dir);
            byModule.computeIfAbsent(module, k -> new ArrayList<>()).add(dir);
        }
        // Spring Boot and Flyway's default location (classpath:db/migration) sees every db/migration folder of a
        // module, SQL and Java alike; skip it when a configuration already names exactly those folders or the
        // module's Spring configuration replaces the default location
        byModule.forEach((module, dirs) -> {
            boolean same = groups.stream().anyMatch(g -> new TreeSet<>(g.locations()).equals(new TreeSet<>(dirs)));
            if (same || springLocated.contains(module)) {
                return;
            }
            Config naming = new Config(dirs.get(0));
            List<Config> sources = new ArrayList<>(propertySources(ws, module));
            sources.addAll(springNaming.getOrDefault(module, List.of())); // application.* overrides @PropertySource
            String source = null;
            for (Config c : sources) {
                naming.namingFrom(c);
                source = c.source;
            }
            List<Migration> migrations = scan(ws, dirs, naming.settings());
            if (!migrations.isEmpty()) {
                if (source != null) {
                    inputs.add(source);
                }
                groups.add(new Group(source != null ? source : dirs.get(0), List.copyOf(dirs), migrations,
                        naming.undoConfigured, naming.undoConfigured ? source : null));
            }
        });
        SpringConfig spring = SpringConfig.of(ctx);
        List<Group> runs = new ArrayList<>();
        for (Group g : groups) {
            g.migrations().forEach(m -> inputs.add(m.path()));
            for (Group run : moduleAware(g, spring)) {
                runs.addAll(perVariant(run));
            }
        }
        return new FlywayProject(runs, inputs);
    }

    /**
     * A suffix with a placeholder ({@code ${spring.jpa.database}.sql}) resolves to one value per run: each run loads
     * the files of its value (and those every run loads, such as Java migrations), never another value's.
     */
    private static List<Group> perVariant(Group g) {
        Set<String> variants = new TreeSet<>();
        g.migrations().forEach(m -> {
            if (m.variant() != null) {
                variants.add(m.variant());
            }
        });
        if (variants.isEmpty()) {
            return List.of(g);
        }
        List<Group> out = new ArrayList<>();
        for (String variant : variants) {
            List<Migration> own = g.migrations().stream()
                    .filter(m -> m.variant() == null || m.variant().equals(variant)).toList();
            out.add(new Group(g.source(), g.locations(), own, g.undoConfigured(), g.undoConfigSource()));
        }
        return out;
    }

    private static final Pattern PROPERTY_SOURCE = Pattern.compile(
            "@(?:org\\.springframework\\.context\\.annotation\\.)?PropertySources?\\s*+\\(([^)]*+)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"(?:classpath\\*?:)?/?([^\"]++)\"");

    /**
     * The files a module's Java or Kotlin classes load with {@code @PropertySource("classpath:…")} that set
     * {@code spring.flyway.*} naming: Spring reads them with the application's configuration (lower precedence).
     */
    private static List<Config> propertySources(Workspace ws, String module) {
        String resources = join(module, "src/main/resources");
        List<String> candidates = new ArrayList<>();
        for (String path : ws.allFilePaths()) {
            if (path.startsWith(resources + "/") && path.endsWith(".properties")
                    && !path.substring(path.lastIndexOf('/') + 1).startsWith("application")) {
                Optional<String> text = ws.file(path).flatMap(ws::text);
                if (text.isPresent() && text.get().contains("spring.flyway.")) {
                    candidates.add(path);
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<String> named = new TreeSet<>();
        for (String path : ws.allFilePaths()) {
            boolean code = path.endsWith(".java") || path.endsWith(".kt");
            if (!code || !(path.startsWith(join(module, "src/main/java") + "/")
                    || path.startsWith(join(module, "src/main/kotlin") + "/"))) {
                continue;
            }
            Optional<String> text = ws.file(path).flatMap(ws::text);
            if (text.isEmpty() || !text.get().contains("PropertySource")) {
                continue;
            }
            Matcher a = PROPERTY_SOURCE.matcher(text.get());
            while (a.find()) {
                Matcher q = QUOTED.matcher(a.group(1));
                while (q.find()) {
                    named.add(Workspace.normalize(join(resources, q.group(1))));
                }
            }
        }
        List<Config> out = new ArrayList<>();
        for (String path : candidates) {
            if (named.contains(path)) {
                ws.file(path).flatMap(ws::text).ifPresent(t -> out.add(properties(path, t, "spring.flyway.")));
            }
        }
        return out;
    }

    private static String parent(String path) {
        return path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    }

    /**
     * Spring Modulith's module-aware migrations ({@code spring.modulith.runtime.flyway-enabled=true}): each
     * application module migrates {@code <location>/<module>} with its own history table, the rest
     * {@code <location>/__root}; so a group splits into one run per first-level subfolder of its locations, and the
     * same version in two subfolders is no conflict.
     */
    private static List<Group> moduleAware(Group g, SpringConfig spring) {
        String module = g.locations().isEmpty() ? null : SpringConfig.moduleOf(g.locations().get(0) + "/");
        if (module == null || !spring.has(module) || !modulithFlyway(spring, module)) {
            return List.of(g);
        }
        Map<String, List<Migration>> bySub = new TreeMap<>();
        Map<String, List<String>> dirsBySub = new TreeMap<>();
        for (Migration m : g.migrations()) {
            String sub = "";
            String dir = null;
            for (String d : g.locations()) {
                if (m.path().startsWith(d + "/")) {
                    String rest = m.path().substring(d.length() + 1);
                    dir = d;
                    sub = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
                    break;
                }
            }
            bySub.computeIfAbsent(sub, k -> new ArrayList<>()).add(m);
            String loc = dir == null ? null : sub.isEmpty() ? dir : dir + "/" + sub;
            List<String> dirs = dirsBySub.computeIfAbsent(sub, k -> new ArrayList<>());
            if (loc != null && !dirs.contains(loc)) {
                dirs.add(loc);
            }
        }
        List<Group> out = new ArrayList<>();
        bySub.forEach((sub, migrations) -> out.add(new Group(g.source(), List.copyOf(dirsBySub.get(sub)),
                List.copyOf(migrations), g.undoConfigured(), g.undoConfigSource())));
        return out;
    }

    /** Whether the module's base configuration, or one of its production profiles, turns module-aware Flyway on. */
    private static boolean modulithFlyway(SpringConfig spring, String module) {
        List<String> profiles = new ArrayList<>();
        profiles.add(null);
        spring.profiles(module).stream().filter(SpringConfig::isProduction).forEach(profiles::add);
        for (String p : profiles) {
            SpringConfig.Value v = spring.get(module, p, "spring.modulith.runtime.flyway-enabled");
            if (v != null && v.value().equalsIgnoreCase("true")) {
                return true;
            }
        }
        return false;
    }

    /** The module root of a folder: what precedes {@code src/main/…}, or the folder's parent chain start. */
    private static String moduleRoot(String dir) {
        int src = dir.indexOf("src/main/");
        if (src == 0) {
            return "";
        }
        int nested = dir.indexOf("/src/main/");
        if (nested >= 0) {
            return dir.substring(0, nested);
        }
        return dir;
    }

    private static final String VENDOR = "{vendor}";

    /**
     * A location with Spring Boot's {@code {vendor}} placeholder, resolved once per folder that exists in its
     * place (db/migration/{vendor} → db/migration/mysql, db/migration/postgresql, …), keyed by that folder name.
     */
    private static Map<String, List<String>> vendorLocations(Workspace ws, String source, String location) {
        int at = location.indexOf(VENDOR);
        String head = location.substring(0, at);
        String parentLoc = head.endsWith("/") ? head.substring(0, head.length() - 1) : head;
        Map<String, List<String>> out = new TreeMap<>();
        if (!head.isEmpty() && !head.endsWith("/") && !head.endsWith(":")) {
            return out; // a vendor inside a folder name: not a layout this model resolves
        }
        List<String> parents = parentLoc.isEmpty() || parentLoc.endsWith(":") ? List.of()
                : resolveLocation(ws, source, parentLoc);
        for (String parent : parents) {
            for (String dir : ws.allDirectoryPaths()) {
                if (!dir.startsWith(parent + "/") || dir.indexOf('/', parent.length() + 1) >= 0) {
                    continue;
                }
                String vendor = dir.substring(parent.length() + 1);
                List<String> dirs = resolveLocation(ws, source, location.replace(VENDOR, vendor));
                dirs.stream().filter(d -> d.startsWith(parent + "/")).forEach(d ->
                        out.computeIfAbsent(vendor, k -> new ArrayList<>()).add(d));
            }
        }
        return out;
    }

    private static List<String> resolveLocation(Workspace ws, String source, String location) {
        String loc = location.strip();
        if (loc.contains("{") || loc.contains("*") || loc.startsWith("s3:") || loc.startsWith("gcs:")) {
            return List.of();
        }
        String here = source.contains("/") ? source.substring(0, source.lastIndexOf('/')) : "";
        String module = here.startsWith("src/main/") ? ""
                : here.contains("/src/main/") ? here.substring(0, here.indexOf("/src/main/")) : here;
        List<String> out = new ArrayList<>();
        if (loc.startsWith("filesystem:")) {
            String p = loc.substring("filesystem:".length());
            for (String cand : List.of(join(here, p), join(module, p), p)) {
                String n = Workspace.normalize(cand);
                if (ws.isDirectory(n) && !out.contains(n)) {
                    out.add(n);
                    break;
                }
            }
            return out;
        }
        String p = loc.startsWith("classpath:") ? loc.substring("classpath:".length()) : loc;
        p = Workspace.normalize(p);
        for (String root : List.of("src/main/resources", "src/main/java", "src/main/kotlin")) {
            String n = Workspace.normalize(join(join(module, root), p));
            if (ws.isDirectory(n)) {
                out.add(n);
            }
        }
        if (out.isEmpty()) {
            for (String dir : ws.allDirectoryPaths()) {
                if (dir.endsWith("/resources/" + p) || dir.equals(p)) {
                    out.add(dir);
                }
            }
        }
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }

    private static Config properties(String path, String text, String prefix) {
        Config c = new Config(path);
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(text));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return c;
        }
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith(prefix)) {
                c.set(key.substring(prefix.length()), p.getProperty(key));
            }
        }
        return c;
    }

    private static Config toml(String path, String text) {
        Config c = new Config(path);
        String section = "";
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                section = line;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("#") || !section.contains("flyway")) {
                continue;
            }
            c.set(line.substring(0, eq).strip(), line.substring(eq + 1));
        }
        return c;
    }

    private static Config springYaml(AuditContext ctx, SourceFile f) {
        Optional<String> text = ctx.workspace().text(f);
        if (text.isEmpty() || !text.get().contains("flyway")) {
            return null;
        }
        Config c = new Config(f.path());
        YamlDocument doc = ctx.yaml(f);
        for (Node root : doc.documents()) {
            Node flyway = YamlDocument.mapping(YamlDocument.mapping(root).get("spring")).get("flyway");
            YamlDocument.mapping(flyway).forEach((k, v) -> {
                if (YamlDocument.scalar(v).isPresent()) {
                    c.set(k, YamlDocument.scalar(v).get());
                } else {
                    List<String> items = new ArrayList<>();
                    YamlDocument.sequence(v).forEach(i -> YamlDocument.scalar(i).ifPresent(items::add));
                    if (!items.isEmpty()) {
                        c.set(k, String.join(",", items));
                    }
                }
            });
        }
        return c;
    }

    private static Config pom(String path, String text) {
        Config c = new Config(path);
        XmlTree tree = XmlTree.parse(text);
        if (tree.root() == null) {
            return null;
        }
        tree.root().walk(e -> {
            String n = e.name();
            if (n.equals("location") && e.parent() != null && e.parent().name().equals("locations")) {
                c.set("locations", e.text());
            } else if (n.startsWith("flyway.")) {
                c.set(n.substring("flyway.".length()), e.text());
            } else if (e.parent() != null && e.parent().name().equals("configuration") && isFlywayPlugin(e.parent())) {
                if (!n.equals("locations")) {
                    c.set(n, e.text());
                }
            }
        });
        return c;
    }

    private static boolean isFlywayPlugin(XmlTree.Element configuration) {
        XmlTree.Element plugin = configuration.parent();
        if (plugin == null) {
            return false;
        }
        for (XmlTree.Element child : plugin.children()) {
            if (child.name().equals("artifactId") && child.text().contains("flyway")) {
                return true;
            }
        }
        return false;
    }

    // ---- names ----

    private static final Pattern VERSION = Pattern.compile("\\d++(?:[._]\\d++)*+");
    private static final Pattern CALLBACK = Pattern.compile(
            "(?:before|after)[A-Z][A-Za-z]*+(?:__.*+)?|createSchema(?:__.*+)?");

    private static List<Migration> scan(Workspace ws, List<String> dirs, Settings s) {
        List<Migration> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String path : ws.allFilePaths()) {
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            boolean inside = dirs.stream().anyMatch(d -> folder.equals(d) || folder.startsWith(d + "/"));
            if (!inside || !seen.add(path)) {
                continue;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            Migration m = classify(path, name, s);
            if (m == null) {
                continue;
            }
            Optional<SourceFile> file = ws.file(path);
            if (file.isPresent() && !m.java() && m.kind() != Kind.INVALID) {
                if (ws.isBinary(file.get())) {
                    m = m.withContent(Text.of("model.flyway.binary"), 0);
                } else {
                    Optional<String> text = ws.text(file.get());
                    SqlLexCheck.Problem p = text.map(SqlLexCheck::check).orElse(null);
                    if (p != null) {
                        m = m.withContent(Text.of("model.flyway.sqlError", p.text()), p.line());
                    }
                }
            }
            out.add(m);
        }
        return out;
    }

    /** Classifies a file name; null when Flyway does not consider the file at all (other extensions). */
    static Migration classify(String path, String name, Settings s) {
        String base = null;
        String variant = null;
        for (String suffix : s.suffixes()) {
            Matcher t = TEMPLATE.matcher(suffix);
            if (t.matches()) {
                // a placeholder in the suffix: each run resolves it to one value (H2, MYSQL, …); the file's own
                // value is the word its name carries between the suffix's fixed parts
                String head = t.group(1);
                String tail = t.group(3);
                if (!tail.isEmpty() && name.endsWith(tail)) {
                    Matcher w = WORD_END.matcher(name.substring(0, name.length() - tail.length()));
                    if (w.find() && w.start() > 0 && name.substring(0, w.start()).endsWith(head)
                            && w.start() > head.length()) {
                        base = name.substring(0, w.start() - head.length());
                        variant = w.group();
                        break;
                    }
                }
                continue;
            }
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                base = name.substring(0, name.length() - suffix.length());
                break; // Flyway strips the first suffix that matches
            }
        }
        Migration m = classifyBase(path, name, base, s);
        return m == null || variant == null ? m : m.withVariant(variant);
    }

    private static Migration classifyBase(String path, String name, String base, Settings s) {
        boolean java = false;
        if (base == null && (name.endsWith(".java") || name.endsWith(".kt"))) {
            base = name.substring(0, name.lastIndexOf('.'));
            java = true;
            // Java migrations may carry any class name when they override getVersion(); judge only likely attempts
            if (!base.matches("[VvUuRr]\\d.*") && !base.contains("__")) {
                return null;
            }
        }
        if (base == null) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (String configured : s.suffixes()) {
                Matcher t = TEMPLATE.matcher(configured);
                String suffix = t.matches() ? t.group(3) : configured;
                if (!suffix.isEmpty() && lower.endsWith(suffix.toLowerCase(Locale.ROOT)) && !name.endsWith(suffix)) {
                    return new Migration(path, Kind.INVALID, null, null, null, Text.of("model.flyway.suffixCase",
                            name.substring(name.length() - suffix.length()), suffix), java);
                }
            }
            return null;
        }
        if (CALLBACK.matcher(base).matches()) {
            return new Migration(path, Kind.CALLBACK, null, null, base, null, java);
        }
        String sep = s.sep();
        if (base.startsWith(s.r()) && base.substring(s.r().length()).startsWith(sep)) {
            return new Migration(path, Kind.REPEATABLE, null, null, base.substring(s.r().length() + sep.length()),
                    null, java);
        }
        // like Flyway, the longest prefix that matches decides
        List<Kind> kinds = new ArrayList<>(List.of(Kind.VERSIONED, Kind.UNDO, Kind.BASELINE));
        kinds.sort(Comparator.comparingInt((Kind k) -> -prefix(k, s).length()));
        for (Kind kind : kinds) {
            String prefix = prefix(kind, s);
            if (prefix.isEmpty() || !base.startsWith(prefix)) {
                continue;
            }
            String rest = base.substring(prefix.length());
            int cut = rest.indexOf(sep);
            if (cut < 0) {
                return invalid(path, java, Text.of("model.flyway.noSeparator", sep,
                        prefix + "<version>" + sep + "<description>" + (java ? "" : s.suffixes().get(0))));
            }
            String version = rest.substring(0, cut);
            if (version.isEmpty()) {
                return invalid(path, java, Text.of("model.flyway.emptyVersion", prefix));
            }
            if (!VERSION.matcher(version).matches()) {
                return invalid(path, java, Text.of("model.flyway.badVersion", version));
            }
            return new Migration(path, kind, version, normalize(version), rest.substring(cut + sep.length()), null,
                    java);
        }
        if (base.startsWith(s.r())) {
            return invalid(path, java, Text.of("model.flyway.repeatableVersion", s.r() + sep + "<description>"));
        }
        String lower = base.toLowerCase(Locale.ROOT);
        for (String prefix : List.of(s.v(), s.u(), s.r(), s.b())) {
            String lp = prefix.toLowerCase(Locale.ROOT);
            if (lower.startsWith(lp) && !base.startsWith(prefix) && lower.length() > lp.length()
                    && (Character.isDigit(lower.charAt(lp.length())) || lower.startsWith(sep, lp.length()))) {
                return invalid(path, java, Text.of("model.flyway.prefixCase", base.substring(0, prefix.length()),
                        prefix));
            }
        }
        return invalid(path, java, Text.of("model.flyway.noPrefix", s.v(), s.u(), s.r(), s.b()));
    }

    private static String prefix(Kind kind, Settings s) {
        return switch (kind) {
            case VERSIONED -> s.v();
            case UNDO -> s.u();
            default -> s.b();
        };
    }

    /** A configured suffix with a placeholder: fixed head, {@code ${…}}, fixed tail. */
    private static final Pattern TEMPLATE = Pattern.compile("(.*?)(\\$\\{[^}]*+})(.*+)");
    /** The placeholder's value as a file name carries it: the word right before the suffix's fixed tail. */
    private static final Pattern WORD_END = Pattern.compile("[A-Za-z0-9]++$");

    private static Migration invalid(String path, boolean java, Text why) {
        return new Migration(path, Kind.INVALID, null, null, null, why, java);
    }

    /** 1.0.0 == 1 == 1_0; leading zeros do not count (Flyway compares parts as numbers). */
    static String normalize(String version) {
        String[] parts = version.split("[._]");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(new BigInteger(p).toString());
        }
        while (out.size() > 1 && out.get(out.size() - 1).equals("0")) {
            out.remove(out.size() - 1);
        }
        return String.join(".", out);
    }
}
