package io.samokoder.model.settings;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.workspace.LineIndex;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.dotenv.DotEnv;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one file, parsed once per audit and shared by the secrets rules. Which parser applies is decided
 * by the file's name: dotenv ({@code .env}, {@code .env.*}, {@code *.env}), YAML (compose, CI, application configs),
 * shell scripts ({@code *.sh} or a shell shebang), INI/properties/TOML, Dockerfiles ({@code ENV}/{@code ARG}),
 * Python and JavaScript defaults ({@code os.getenv("X", "default")}, {@code process.env.X || "default"}).
 */
public record FileSettings(Kind kind, List<Setting> settings) {

    /** Larger files are not configuration; token scanning still covers them. */
    public static final long MAX_SIZE = 2L * 1024 * 1024;

    public enum Kind { NONE, DOTENV, DOTENV_TEMPLATE, YAML, SHELL, INI, DOCKERFILE, CODE }

    private static final FileSettings NONE = new FileSettings(Kind.NONE, List.of());

    public static FileSettings of(AuditContext context, SourceFile file) {
        return of(context, file, null);
    }

    /**
     * The settings of a file, parsed once per audit.
     *
     * @param contents the file's contents when the caller already holds them (the secrets pass reads each file once
     *                 and does not keep it); null to read them here
     */
    public static FileSettings of(AuditContext context, SourceFile file, SourceFile.Contents contents) {
        Kind kind = kindOf(file.path());
        if (kind == Kind.NONE && !file.name().contains(".") && file.size() < MAX_SIZE) {
            kind = shebangShell(context, file, contents) ? Kind.SHELL : Kind.NONE;
        }
        // the translation test is a regex over the path: asked only of the few files that can hold settings
        if (kind == Kind.NONE || file.size() > MAX_SIZE || isTranslation(file.path())) {
            return NONE; // login.password=Password in a message bundle is a label, not a setting
        }
        Kind k = kind;
        return context.parsed(file, FileSettings.class, f -> parse(context, f, k,
                contents == null ? null : contents.text()));
    }

    /** The settings of a file compose reads as an env_file, whatever its name, cached apart from {@link #of}. */
    private record EnvFile(FileSettings settings) {
    }

    /**
     * A file a compose service reads with {@code env_file:}, parsed with compose's dotenv rules whatever its name
     * ({@code monitoring/grafana.config}, {@code ./secrets.env}): once per audit. A dotenv file by name is the same
     * parse as {@link #of}.
     */
    public static FileSettings ofEnvFile(AuditContext context, SourceFile file) {
        Kind kind = kindOf(file.path());
        if (kind == Kind.DOTENV || kind == Kind.DOTENV_TEMPLATE) {
            return of(context, file);
        }
        if (file.size() > MAX_SIZE || context.workspace().isBinary(file)) {
            return NONE;
        }
        return context.parsed(file, EnvFile.class, f -> {
            List<Setting> out = new ArrayList<>();
            dotenv(DotEnv.of(context, f), out);
            return new EnvFile(new FileSettings(Kind.DOTENV, List.copyOf(out)));
        }).settings();
    }

    private static boolean shebangShell(AuditContext context, SourceFile file, SourceFile.Contents contents) {
        String first;
        if (contents != null) {
            CharSequence text = contents.chars();
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n') {
                end++;
            }
            first = text.subSequence(0, end).toString();
        } else {
            if (context.workspace().isBinary(file)) {
                return false;
            }
            first = file.lineCount() > 0 ? file.line(1) : "";
        }
        return first.startsWith("#!") && first.matches("#!.*\\b(?:ba|z|k|da)?sh\\b.*");
    }

    /** Package managers' lock files: package names and hashes, written by tools, never settings. */
    private static final Set<String> LOCK_FILES = Set.of("pnpm-lock.yaml", "package-lock.json", "yarn.lock",
            "poetry.lock", "pipfile.lock", "cargo.lock", "composer.lock", "gemfile.lock", "uv.lock", "go.sum",
            "pubspec.lock", "podfile.lock", "mix.lock", "flake.lock", "bun.lock", "pdm.lock");

    public static Kind kindOf(String path) {
        String name = name(path).toLowerCase(Locale.ROOT);
        if (LOCK_FILES.contains(name)) {
            return Kind.NONE;
        }
        if (isDotenvTemplate(name)) {
            return Kind.DOTENV_TEMPLATE;
        }
        if (isDotenv(name)) {
            return Kind.DOTENV;
        }
        if (FileKinds.isYaml(path)) {
            return Kind.YAML;
        }
        if (name.endsWith(".sh") || name.endsWith(".bash") || name.endsWith(".zsh") || name.endsWith(".ksh")
                || name.equals(".bashrc") || name.equals(".profile") || name.equals(".envrc")) {
            return Kind.SHELL;
        }
        if (name.endsWith(".ini") || name.endsWith(".cfg") || name.endsWith(".conf") || name.endsWith(".properties")
                || name.endsWith(".toml") || name.equals(".npmrc") || name.equals(".pypirc")) {
            return Kind.INI;
        }
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile")) {
            return Kind.DOCKERFILE;
        }
        if (name.endsWith(".py") || name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs")
                || name.endsWith(".ts")) {
            return Kind.CODE;
        }
        return Kind.NONE;
    }

    private static final Pattern TRANSLATION = Pattern.compile(
            "(?i)(?:^|.*/)(?:locales?|i18n|l10n|translations?|lang|langs|messages)/.*"
                    + "|(?i)(?:^|.*/)messages[^/]*\\.properties|.*_[a-z]{2}(?:[_-][A-Z]{2})?\\.properties");

    /** Message bundles and locale files hold UI labels ("Password"), not settings. */
    static boolean isTranslation(String path) {
        return TRANSLATION.matcher(path).matches();
    }

    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** {@code .env}, {@code .env.production}, {@code .env.local}, {@code prod.env}, {@code .env.prod.backup}. */
    public static boolean isDotenv(String lowerName) {
        return lowerName.equals(".env") || lowerName.startsWith(".env.") || lowerName.endsWith(".env")
                || isDotenvTemplate(lowerName);
    }

    /** {@code .env.example}, {@code .env.sample}, {@code .env.template}, {@code .env.dist}, {@code example.env}. */
    public static boolean isDotenvTemplate(String lowerName) {
        if (!(lowerName.startsWith(".env") || lowerName.endsWith(".env") || lowerName.startsWith("env."))) {
            return false;
        }
        for (String part : lowerName.split("[._-]")) {
            if (part.equals("example") || part.equals("sample") || part.equals("template") || part.equals("dist")
                    || part.equals("tmpl") || part.equals("tpl")) {
                return true;
            }
        }
        return false;
    }

    private static FileSettings parse(AuditContext context, SourceFile file, Kind kind, String given) {
        if (given == null && context.workspace().isBinary(file)) {
            return NONE;
        }
        String text = given != null ? given : context.workspace().text(file).orElse("");
        List<Setting> out = new ArrayList<>();
        switch (kind) {
            case DOTENV, DOTENV_TEMPLATE -> dotenv(DotEnv.of(context, file), out);
            case SHELL -> {
                lines(text, SHELL_LINE, file.path(), out, true);
                dropNumbers(text, out);
            }
            case INI -> lines(text, INI_LINE, file.path(), out, false);
            case DOCKERFILE -> dockerfile(text, file.path(), out);
            case YAML -> {
                YamlDocument doc = readByModels(file.path(), text) ? context.yaml(file)
                        : context.yamlUnshared(file, text);
                if (!doc.isUsable() && FileKinds.isCompose(file.path())) {
                    // compose refuses the file, but its secrets are still committed: read them line by line
                    yamlLines(text, file.path(), out);
                } else {
                    yaml(doc, out);
                }
            }
            case CODE -> code(text, file.path(), out);
            default -> {
            }
        }
        return new FileSettings(kind, List.copyOf(out));
    }

    /**
     * Whether another reader may parse this YAML file too (then its document is cached for all): tool files by name,
     * and files holding the words the Alertmanager, Prometheus, file_sd, Grafana, Liquibase and Flyway readers sniff
     * before they parse. Anything else, typically application configs, only the settings read. A reader added later
     * without its word here costs a second parse of such a file, never a wrong result.
     */
    private static boolean readByModels(String path, String text) {
        if (FileKinds.isToolYaml(path)) {
            return true;
        }
        for (String word : MODEL_WORDS) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> MODEL_WORDS = List.of("receivers", "route", "scrape_configs", "targets",
            "datasources", "databaseChangeLog", "flyway", "services");

    /** Dotenv files through the shared parser with compose's quoting rules (one parse per audit). */
    private static void dotenv(DotEnv env, List<Setting> out) {
        for (DotEnv.Entry e : env.entries()) {
            if (!e.inherited()) {
                String value = e.quote() == DotEnv.Quote.SINGLE ? e.rawValue() : e.value();
                out.add(new Setting(e.key(), value, e.valueLine(), e.valueColumn(), env.path()));
            }
        }
    }
    private static final Pattern SHELL_LINE = Pattern.compile(
            "^[ \\t]*(?:export[ \\t]+|local[ \\t]+|readonly[ \\t]+|declare(?:[ \\t]+-[A-Za-z]+)*[ \\t]+)?"
                    + "([A-Za-z_][A-Za-z0-9_]{0,200})=(.*)$");
    private static final Pattern INI_LINE = Pattern.compile(
            "^[ \\t]*([A-Za-z_/][A-Za-z0-9_.:/@-]{0,200}?)[ \\t]*[=:][ \\t]*(.*)$");

    /**
     * Shell or INI lines; in INI files a setting under a {@code [section]} has that section as its one parent and
     * its own scope (the section's settings belong together).
     */
    private static void lines(String text, Pattern pattern, String path, List<Setting> out, boolean shellQuotes) {
        int lineNo = 0;
        List<String> section = List.of();
        String scope = path;
        boolean toml = path.toLowerCase(Locale.ROOT).endsWith(".toml");
        boolean packages = false;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            String t = line.stripLeading();
            if (!shellQuotes && line.length() <= 4000) {
                Matcher header = INI_SECTION.matcher(t);
                if (header.matches()) {
                    section = List.of(header.group(1).strip());
                    scope = path + "#[" + section.get(0) + "]";
                    packages = toml && isPackageTable(section.get(0));
                    continue;
                }
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";") || t.startsWith("!") || t.startsWith("[")
                    || line.length() > 4000 || packages) {
                continue;
            }
            Matcher m = pattern.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String rawValue = m.group(2);
            int column = m.start(2) + 1;
            String value = shellQuotes ? unquoteShell(rawValue) : unquoteIni(rawValue);
            if (value == null) {
                continue;
            }
            int lead = rawValue.length() - rawValue.stripLeading().length();
            if (!rawValue.isEmpty() && (rawValue.strip().startsWith("\"") || rawValue.strip().startsWith("'"))) {
                lead++;
            }
            out.add(new Setting(m.group(1), value, lineNo, column + lead, scope, section));
        }
    }

    /**
     * A package manifest's table of packages: Cargo's {@code [dependencies]}, {@code [dev-dependencies]},
     * {@code [target.'cfg(unix)'.dependencies]}, {@code [workspace.dependencies]}, {@code [dependencies.serde]},
     * {@code [patch.crates-io]}; pyproject's {@code [tool.poetry.dependencies]},
     * {@code [project.optional-dependencies]}, {@code [dependency-groups]}. Its keys name packages
     * ({@code jsonwebtoken = "8.3.0"}) and its values are versions: never a setting.
     */
    static boolean isPackageTable(String header) {
        String[] parts = header.strip().toLowerCase(Locale.ROOT).split("\\.");
        if (parts.length > 0 && (parts[0].equals("patch") || parts[0].equals("replace"))) {
            return true;
        }
        for (String part : parts) {
            String p = part.strip();
            if (p.endsWith("dependencies") || p.equals("dependency-groups")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    /** {@code [ "$n" -eq 1 ]} and {@code [ 2 -lt ${n} ]}: a numeric comparison of a variable (group 1 or 2). */
    private static final Pattern NUMERIC_TEST = Pattern.compile(
            "\\$\\{?([A-Za-z_][A-Za-z0-9_]{0,200})\\}?[\"']?[ \\t]+-(?:eq|ne|lt|le|gt|ge)\\b"
                    + "|-(?:eq|ne|lt|le|gt|ge)[ \\t]+[\"']?\\$\\{?([A-Za-z_][A-Za-z0-9_]{0,200})");
    /** {@code (( n++ ))}, {@code $(( n + 1 ))}, {@code let n+=1}, {@code declare -i n}: arithmetic (group 1, 2 or 3). */
    private static final Pattern ARITHMETIC = Pattern.compile(
            "\\(\\(([^()\\n]{0,300})\\)\\)|(?<![A-Za-z0-9_])let[ \\t]+([^\\n;]{0,300})"
                    + "|(?<![A-Za-z0-9_])(?:declare|local|typeset)[ \\t]+-[A-Za-z]*i[A-Za-z]*[ \\t]+([^\\n;]{0,300})");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,200}");

    /**
     * Drops the assignments of an integer to a variable the script counts or compares with as a number
     * ({@code pass=1 … [ "$pass" -eq 2 ]}): a number of the script, not a setting, whatever its name says.
     */
    private static void dropNumbers(String text, List<Setting> out) {
        if (out.stream().noneMatch(x -> INTEGER.matcher(x.value()).matches())) {
            return;
        }
        Set<String> numeric = new java.util.HashSet<>();
        Matcher t = NUMERIC_TEST.matcher(text);
        while (t.find()) {
            numeric.add(t.group(1) != null ? t.group(1) : t.group(2));
        }
        Matcher a = ARITHMETIC.matcher(text);
        while (a.find()) {
            String expression = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
            Matcher id = IDENTIFIER.matcher(expression);
            while (id.find()) {
                numeric.add(id.group());
            }
        }
        out.removeIf(x -> numeric.contains(x.name()) && INTEGER.matcher(x.value()).matches());
    }

    private static final Pattern INI_SECTION = Pattern.compile("\\[([^\\[\\]]{1,200})\\][ \\t]*(?:[;#].*)?");

    private static final Pattern YAML_LINE = Pattern.compile(
            "^[ \\t]*(?:-[ \\t]+)?([\"']?)([A-Za-z_][A-Za-z0-9_.-]{0,200})(?:[ \\t]*:[ \\t]+|=)(.*)$");

    /**
     * The {@code KEY: value} and {@code - KEY=value} lines of a YAML file that does not parse, as the environment
     * entries they would be: every value read as written (quotes removed, a {@code  #} comment cut).
     */
    static void yamlLines(String text, String path, List<Setting> out) {
        int lineNo = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            String t = line.stripLeading();
            if (t.isEmpty() || t.startsWith("#") || line.length() > 4000) {
                continue;
            }
            Matcher m = YAML_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String raw = m.group(3);
            if (!m.group(1).isEmpty() && raw.endsWith(m.group(1))) {
                raw = raw.substring(0, raw.length() - 1); // - "KEY=value": the item's closing quote
            }
            String value = unquoteIni(raw);
            if (value == null || value.isEmpty() || value.equals("|") || value.equals(">")) {
                continue;
            }
            int lead = raw.length() - raw.stripLeading().length();
            if (raw.strip().startsWith("\"") || raw.strip().startsWith("'")) {
                lead++;
            }
            out.add(new Setting(m.group(2), value, lineNo, m.start(3) + 1 + lead, path));
        }
    }

    /** Dotenv/shell value: quoted ({@code "…"}, {@code '…'}) or bare up to an unquoted {@code  #} comment. */
    static String unquoteShell(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return "";
        }
        char q = v.charAt(0);
        if (q == '"') {
            int end = closingDoubleQuote(v);
            return end < 0 ? null : v.substring(1, end);
        }
        if (q == '\'') {
            int end = v.indexOf(q, 1);
            return end < 0 ? null : v.substring(1, end);
        }
        if (v.startsWith("$(") || v.startsWith("`") || v.startsWith("(")) {
            return null; // command substitution or array: not a literal
        }
        int comment = v.indexOf(" #");
        if (comment >= 0) {
            v = v.substring(0, comment);
        }
        int space = v.indexOf(' ');
        if (space >= 0 && !v.substring(space).isBlank()) {
            v = v.substring(0, space); // VAR=value command …: only the value is the assignment
        }
        return v.strip();
    }

    /**
     * The double quote closing the string opened at 0, or -1: escaped quotes are characters, and a quote inside a
     * {@code ${…}} expansion belongs to it ({@code "${X:-"a"}"} is one string).
     */
    private static int closingDoubleQuote(String v) {
        int depth = 0;
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && i + 1 < v.length() && v.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == '"' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** INI/properties/TOML value: TOML strings unquoted, arrays and tables skipped, {@code ;}/{@code #} comments cut. */
    static String unquoteIni(String raw) {
        String v = raw.strip();
        if (v.isEmpty()) {
            return "";
        }
        char q = v.charAt(0);
        if (q == '"' || q == '\'') {
            int end = v.indexOf(q, 1);
            return end < 0 ? null : v.substring(1, end);
        }
        if (q == '[' || q == '{') {
            return null;
        }
        int comment = v.indexOf(" #");
        if (comment < 0) {
            comment = v.indexOf(" ;");
        }
        return comment >= 0 ? v.substring(0, comment).strip() : v;
    }

    private static final Pattern DOCKER_LINE = Pattern.compile(
            "^[ \\t]*(?i:ENV|ARG)[ \\t]+([A-Za-z_][A-Za-z0-9_]{0,200})(?:=|[ \\t]+)(.*)$");

    private static void dockerfile(String text, String path, List<Setting> out) {
        int lineNo = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            lineNo++;
            Matcher m = DOCKER_LINE.matcher(line);
            if (m.matches()) {
                String value = unquoteShell(m.group(2));
                if (value != null) {
                    out.add(new Setting(m.group(1), value, lineNo, m.start(2) + 1, path));
                }
            }
        }
    }

    private static final Pattern ENV_ITEM = Pattern.compile("^([A-Za-z_][A-Za-z0-9_.-]{0,200})=(.*)$", Pattern.DOTALL);

    private static void yaml(YamlDocument doc, List<Setting> out) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int[] scopes = {0};
        boolean workflow = FileKinds.isGithubWorkflow(doc.path());
        for (Node root : doc.documents()) {
            walk(root, doc.path(), out, seen, scopes, 0, List.of(), workflow, isApiDescription(root));
        }
    }

    /** The keys under which an OpenAPI or Swagger description shows sample requests and responses. */
    private static final Set<String> API_EXAMPLE_KEYS = Set.of("example", "examples", "x-example", "x-examples");

    /**
     * An OpenAPI or Swagger description ({@code openapi: 3.1.0} or {@code swagger: "2.0"} at its root): documentation
     * of an API, whose {@code example:} values are sample requests and responses, not settings of anything deployed.
     */
    static boolean isApiDescription(Node root) {
        if (root instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && (k.getValue().equals("openapi")
                        || k.getValue().equals("swagger")) && t.getValueNode() instanceof ScalarNode) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Keys of a GitHub Actions workflow whose values are not settings: {@code permissions} maps scopes to access
     * levels ({@code id-token: write}), and {@code secrets: inherit} passes the caller's secrets on.
     */
    private static boolean notSettings(boolean workflow, String key, Node value) {
        return workflow && (key.equals("permissions") || key.equals("secrets") && value instanceof ScalarNode);
    }

    /** An immutable copy with one more key: every setting below shares it (Setting keeps it without copying). */
    private static List<String> with(List<String> parents, String key) {
        String[] keys = parents.toArray(new String[parents.size() + 1]);
        keys[parents.size()] = key;
        return List.of(keys);
    }

    /** @param parents immutable: the settings found here keep it as it is */
    private static void walk(Node node, String path, List<Setting> out, Set<Node> seen, int[] scopes, int depth,
                             List<String> parents, boolean workflow, boolean apiDescription) {
        if (node == null || depth > 100 || !seen.add(node)) {
            return;
        }
        String scope = path + "#" + (scopes[0]++);
        String parentKey = parents.isEmpty() ? "" : parents.get(parents.size() - 1);
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key) || YamlDocument.isMergeKey(key)) {
                    walk(t.getValueNode(), path, out, seen, scopes, depth + 1, parents, workflow, apiDescription);
                    continue;
                }
                Node value = t.getValueNode();
                if (notSettings(workflow, key.getValue(), value)
                        || apiDescription && API_EXAMPLE_KEYS.contains(key.getValue())) {
                    continue; // an API description's examples are sample requests, not settings
                }
                if (value instanceof ScalarNode s && !YamlDocument.isNull(s)) {
                    out.add(new Setting(key.getValue(), s.getValue(), YamlDocument.line(s), valueColumn(s), scope,
                            parents));
                    continue;
                }
                List<String> inner = with(parents, key.getValue());
                if (value instanceof MappingNode vm) {
                    Node valueKey = YamlDocument.mapping(vm).get("value");
                    if (valueKey instanceof ScalarNode s && !YamlDocument.isNull(s)) {
                        // GitLab CI: VARIABLE: {value: "…", description: "…"}
                        out.add(new Setting(key.getValue(), s.getValue(), YamlDocument.line(s), valueColumn(s), scope,
                                parents));
                    }
                }
                int before = out.size();
                walk(value, path, out, seen, scopes, depth + 1, inner, workflow, apiDescription);
                if (workflow && key.getValue().equals("with")) {
                    // setup-java's server-password: MAVEN_PASSWORD names the variable the step's env: supplies
                    Set<String> names = ActionInputs.variableNameInputs(
                            YamlDocument.scalar(YamlDocument.mapping(m).get("uses")).orElse(null));
                    if (!names.isEmpty()) {
                        out.subList(before, out.size()).removeIf(x -> x.parents().equals(inner)
                                && names.contains(x.name()));
                    }
                }
            }
        } else if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) {
                    Matcher em = ENV_ITEM.matcher(s.getValue());
                    if (em.matches()) {
                        int col = valueColumn(s) + em.start(2);
                        out.add(new Setting(em.group(1), em.group(2), YamlDocument.line(s), col, scope, parents));
                    } else if (s.getValue().contains("${")) {
                        // command: ["redis-server", "--requirepass", "${REDIS_PASSWORD:-redis}"]: defaults count too
                        out.add(new Setting(parentKey, s.getValue(), YamlDocument.line(s), valueColumn(s), scope,
                                parents.isEmpty() ? parents : parents.subList(0, parents.size() - 1)));
                    }
                } else {
                    walk(item, path, out, seen, scopes, depth + 1, parents, workflow, apiDescription);
                }
            }
        }
    }

    private static int valueColumn(ScalarNode s) {
        int col = YamlDocument.column(s);
        Character style = s.getScalarStyle() == null ? null : s.getScalarStyle().getChar();
        return style != null && (style == '"' || style == '\'') ? col + 1 : col;
    }

    private static final Pattern PY_CONSTANT = Pattern.compile(
            "(?m)^([A-Z][A-Z0-9_]{0,100})[ \\t]*(?::[ \\t]*[A-Za-z_.\\[\\]]{1,40}[ \\t]*)?=[ \\t]*[rbuRBU]?(['\"])([^'\"\\r\\n\\\\]{0,500})\\2[ \\t]*(?:#.*)?$");
    private static final Pattern PY_GETENV = Pattern.compile(
            "(?:getenv|environ\\.get|env\\.str|env)\\([ \\t]*['\"]([A-Za-z_][A-Za-z0-9_]{0,100})['\"][ \\t]*,[ \\t]*(?:default[ \\t]*=[ \\t]*)?['\"]([^'\"\\r\\n\\\\]{0,500})['\"]");
    private static final Pattern JS_DEFAULT = Pattern.compile(
            "process\\.env\\.([A-Za-z_][A-Za-z0-9_]{0,100})[ \\t]*(?:\\|\\||\\?\\?)[ \\t]*(['\"`])([^'\"`\\r\\n\\\\]{0,500})\\2");
    private static final Pattern JS_CONSTANT = Pattern.compile(
            "(?m)^[ \\t]*(?:export[ \\t]+)?(?:const|let|var)[ \\t]+([A-Za-z_$][A-Za-z0-9_$]{0,100})[ \\t]*=[ \\t]*(['\"`])([^'\"`\\r\\n\\\\$]{0,500})\\2[ \\t]*;?[ \\t]*(?://.*)?$");

    /** Which lines each code pattern can match: testing one or two characters first keeps the regexes off most lines. */
    private enum LineFilter {
        PY_CONSTANT {
            @Override
            boolean admits(String text, int start, int end) {
                char c = text.charAt(start);
                return c >= 'A' && c <= 'Z' && contains(text, "=", start, end);
            }
        },
        ENV_CALL {
            @Override
            boolean admits(String text, int start, int end) {
                return contains(text, "env", start, end) && contains(text, "(", start, end);
            }
        },
        PROCESS_ENV {
            @Override
            boolean admits(String text, int start, int end) {
                return contains(text, "process.env.", start, end);
            }
        },
        DECLARATION {
            @Override
            boolean admits(String text, int start, int end) {
                int i = start;
                while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                return text.startsWith("const", i) || text.startsWith("let", i) || text.startsWith("var", i)
                        || text.startsWith("export", i);
            }
        };

        abstract boolean admits(String text, int start, int end);

        /** Whether {@code needle} occurs within [start, end): bounded, so a long file stays linear. */
        static boolean contains(String text, String needle, int start, int end) {
            char c = needle.charAt(0);
            for (int i = start, last = end - needle.length(); i <= last; i++) {
                if (text.charAt(i) == c && text.startsWith(needle, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static void code(String text, String path, List<Setting> out) {
        if (text.length() > MAX_SIZE) {
            return;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        boolean python = lower.endsWith(".py");
        Matcher first = (python ? PY_CONSTANT : JS_DEFAULT).matcher(text).useAnchoringBounds(true);
        Matcher second = (python ? PY_GETENV : JS_CONSTANT).matcher(text).useAnchoringBounds(true);
        LineFilter firstFilter = python ? LineFilter.PY_CONSTANT : LineFilter.PROCESS_ENV;
        LineFilter secondFilter = python ? LineFilter.ENV_CALL : LineFilter.DECLARATION;
        // every pattern is confined to one line, so matching line by line finds what matching the whole text finds
        List<Setting> firsts = new ArrayList<>();
        List<Setting> seconds = new ArrayList<>();
        LineIndex[] lines = new LineIndex[1]; // built at the first match: most files have none
        int start = 0;
        int length = text.length();
        while (start < length) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? length : nl;
            if (end > start) {
                if (firstFilter.admits(text, start, end)) {
                    addMatches(first.region(start, end), text, path, lines, 1, 3, python ? CONSTANT : DEFAULT,
                            firsts);
                }
                if (secondFilter.admits(text, start, end)) {
                    addMatches(second.region(start, end), text, path, lines, 1, python ? 2 : 3,
                            python ? DEFAULT : CONSTANT, seconds);
                }
            }
            start = end + 1;
        }
        out.addAll(firsts);
        out.addAll(seconds);
    }

    /** The parents of a code setting: a module constant, or the default of an environment lookup. */
    public static final List<String> CONSTANT = List.of("constant");
    public static final List<String> DEFAULT = List.of("default");

    private static void addMatches(Matcher m, String text, String path, LineIndex[] lines, int nameGroup,
                                   int valueGroup, List<String> parents, List<Setting> out) {
        while (m.find()) {
            if (lines[0] == null) {
                lines[0] = new LineIndex(text);
            }
            int at = m.start(valueGroup);
            out.add(new Setting(m.group(nameGroup), m.group(valueGroup), lines[0].line(at), lines[0].column(at),
                    path, parents));
        }
    }
}
