package io.samokoder.rules.secrets;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Severity;
import io.samokoder.model.Location;
import io.samokoder.model.environments.DevelopmentStacks;
import io.samokoder.model.environments.Evidence;
import io.samokoder.model.settings.FileSettings;

import io.samokoder.model.render.HostWrites;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where a file sits in the deployment, for severities. Local-development files (the option {@value #OPTION}, globs
 * separated by commas, replaces {@link #DEFAULT_LOCAL}; and files named for local development: {@code dev},
 * {@code local}, {@code override}, {@code test}) and tests (test folders and test file names: {@code test_*.py},
 * {@code *.spec.ts}, {@code *Test.java}, {@code conftest.py}) get low severity for weak values, CI workflows medium,
 * everything else (compose, {@code .env.production}, application configs, scripts) high. Files named for a shared
 * environment ({@code docker-compose.staging.yml}, {@code compose.prod.yaml}, {@code .env.production}, a compose file
 * under {@code .ci/}) are {@link Place#SHARED}: there a literal credential is a finding even when it is strong.
 */
public final class SecretsPolicy {

    public static final String OPTION = "secrets.localPaths";
    public static final String DEFAULT_LOCAL = "**/docker-compose.dev.*,**/docker-compose.local.*,"
            + "**/docker-compose.test.*,**/compose.dev.*,**/compose.local.*,**/compose.test.*,**/*.dev.yml,"
            + "**/*.dev.yaml,**/.env.development,**/.env.dev,**/.env.test,**/.env.testing,**/.env.ci,"
            + "**/test/**,**/tests/**,**/__tests__/**,**/spec/**,**/testdata/**,**/test-data/**,**/e2e/**,"
            + "**/src/test/**,**/fixtures/**,**/__fixtures__/**,**/examples/**";
    public static final io.samokoder.engine.RuleOption LOCAL_PATHS = io.samokoder.engine.RuleOption.of(OPTION,
            io.samokoder.engine.RuleOption.Type.LIST, DEFAULT_LOCAL, "Globs of local-development files, where weak"
                    + " values are low and committed env files too; replaces the default list.");

    /** What a file is for, as far as its secrets are concerned. */
    public enum Place {
        /** Local development: a developer's machine, values nobody else uses. */
        LOCAL,
        /** Test code and fixtures. */
        TEST,
        /** A CI workflow. */
        CI,
        /** A file named for a shared environment (staging, production, QA, CI stacks). */
        SHARED,
        /** Anything else that is deployed: base compose files, configs, scripts, code. */
        DEPLOYED
    }

    /** Name parts of files and folders for environments other people share. */
    static final Set<String> SHARED_ENVIRONMENTS = Set.of("staging", "stage", "stg", "prod",
            "production", "prd", "qa", "uat", "preprod", "ci", "live");
    /**
     * Name parts for one developer's machine (compose's override file is loaded by plain docker compose up; dev
     * containers and task runners run there), and for examples and documentation, which nobody deploys as they are.
     */
    static final Set<String> LOCAL_ENVIRONMENTS = Set.of("dev", "development", "local",
            "override", "test", "tests", "testing", "e2e", "debug", "sandbox", "devcontainer", "taskfile",
            "unsecure", "insecure",
            "example", "examples", "sample", "samples", "template", "templates", "demo", "docs", "doc");

    private static final Pattern TEST_FILE = Pattern.compile(
            "(?:^|.*/)(?:test_[^/]*\\.py|[^/]*_test\\.(?:py|go|rb)|conftest\\.py|[^/]*\\.(?:spec|test)\\.[cm]?[jt]sx?"
                    + "|[^/]*(?:Test|Tests|IT)\\.(?:java|kt)|[^/]*_spec\\.rb)"
                    + "|(?:^|.*/)(?:_?integration[-_]tests?|cypress|__mocks__|mocks|test-fixtures|testdata)/.*");

    private final List<Pattern> local;
    /** What the repository says or shows about its development stacks; null when judging paths alone. */
    private final DevelopmentStacks development;
    private final Map<String, Boolean> isLocal = new ConcurrentHashMap<>();
    private final Map<String, Place> places = new ConcurrentHashMap<>();

    /** Repository files the repository's scripts write from other files; null when judging paths alone. */
    private final HostWrites writes;

    private SecretsPolicy(List<Pattern> local, DevelopmentStacks development, HostWrites writes) {
        this.local = local;
        this.development = development;
        this.writes = writes;
    }

    public static SecretsPolicy of(AuditContext context) {
        return context.model(SecretsPolicy.class,
                ctx -> new SecretsPolicy(compile(ctx.config().optionOr(OPTION, DEFAULT_LOCAL)),
                        DevelopmentStacks.of(ctx), HostWrites.of(ctx)));
    }

    static SecretsPolicy of(String globs) {
        return new SecretsPolicy(compile(globs), null, null);
    }

    static List<Pattern> compile(String globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs.split(",")) {
            String glob = g.strip();
            if (!glob.isEmpty()) {
                out.add(Pattern.compile(globToRegex(glob)));
            }
        }
        return out;
    }

    /** {@code **}{@code /} any folders (or none), {@code **} anything, {@code *} within a segment, {@code ?} one char. */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
                        sb.append("(?:.*/)?");
                        i += 2;
                    } else {
                        sb.append(".*");
                        i++;
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    public boolean isLocal(String path) {
        // asked once per setting: many per file
        return isLocal.computeIfAbsent(path, p -> local.stream().anyMatch(glob -> glob.matcher(p).matches()));
    }

    /** What the file at this path is for. */
    public Place place(String path) {
        return places.computeIfAbsent(path, this::placeOf);
    }

    /**
     * Why a file that neither its name nor the local globs call local is still one: the repository says or shows it
     * serves a developer's machine ({@link DevelopmentStacks}). Empty for files local by name, and for others.
     */
    public Optional<Evidence> developmentEvidence(String path) {
        if (development == null || place(path) != Place.LOCAL || isLocal(path) || environment(path) == Place.LOCAL
                && !FileSettings.isDotenv(path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))) {
            return Optional.empty(); // local by its name alone, which a dotenv file's name is not (see placeOf)
        }
        return development.evidence(path);
    }

    /**
     * The install step that replaces setting {@code key} in the deployed copy a script makes of this file
     * ({@code sed -i 's/^system.secret-key:.*$/…/' $CONFIG_YML}): the example's value is never used.
     */
    public Optional<HostWrites.Rewrite> replacedInCopy(String path, String key) {
        if (writes == null) {
            return Optional.empty();
        }
        for (HostWrites.Write w : writes.copiesOf(path)) {
            Optional<HostWrites.Rewrite> r = writes.rewriteOf(w.output(), key);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** The reason a weak value at this path is low because the repository declares the file local, for messages. */
    public Text developmentReasonText(String path) {
        return developmentEvidence(path).map(e -> Text.of("secrets.localStack", e.message()))
                .orElse(Text.verbatim(""));
    }

    public String developmentReason(String path) {
        return developmentEvidence(path).map(e -> " (a local development stack: " + e.text() + ")").orElse("");
    }

    private Place placeOf(String path) {
        if (FileKinds.isCi(path)) {
            return development != null && development.evidence(path).isPresent() ? Place.LOCAL : Place.CI;
        }
        if (isLocal(path)) {
            return Place.LOCAL;
        }
        if (isTest(path)) {
            return Place.TEST;
        }
        Place named = environment(path);
        if (named == Place.LOCAL && development != null
                && development.evidence(path).filter(e -> e.path().equals(path)).isPresent()) {
            return Place.LOCAL; // its own header says it is for local development, whoever copies it (a CI test job)
        }
        if (named == Place.LOCAL && writes != null) {
            // an example a repository script copies into place (install.sh creating config.yml from
            // config.example.yml) is what gets deployed: judge it where its copy is used
            for (HostWrites.Write w : writes.copiesOf(path)) {
                Place target = environment(w.output());
                if (target != Place.LOCAL) {
                    return target;
                }
            }
        }
        if (named == Place.LOCAL && FileSettings.isDotenv(
                path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT))) {
            // .env.local holds a developer's real keys (Next.js, Vite): only the local globs, or a local stack that
            // alone reads it (config/dev.env of dev/compose.yaml), make a dotenv file local
            return development != null && development.evidence(path).isPresent() ? Place.LOCAL : Place.DEPLOYED;
        }
        if (named == Place.DEPLOYED && development != null && development.evidence(path).isPresent()) {
            return Place.LOCAL;
        }
        return named == Place.SHARED ? Place.SHARED : named == Place.LOCAL ? Place.LOCAL : Place.DEPLOYED;
    }

    private static final Pattern TEST_FOLDER = Pattern.compile(
            "(?:^|.*/)(?:tests?|__tests__|spec|testdata|test-data|e2e|fixtures|__fixtures__|src/test)/.*");

    /** Under a test folder of {@link #DEFAULT_LOCAL} (which the option may have replaced). */
    static boolean isTestFolder(String path) {
        return TEST_FOLDER.matcher(path).matches();
    }

    /** Test code and fixtures by their conventional names, beyond the folders {@link #DEFAULT_LOCAL} lists. */
    static boolean isTest(String path) {
        return TEST_FILE.matcher(path).matches();
    }

    /**
     * The environment a file is named for: the parts of its name ({@code docker-compose.staging.yml},
     * {@code compose.prod.yaml}, {@code .env.production}, {@code prod.env}) and of its folders ({@code .ci/compose.yaml},
     * {@code deploy/production/}). A local name wins over a shared one ({@code docker-compose.ci.override.yml} runs
     * where the developer runs it); {@link Place#DEPLOYED} when no part names an environment.
     */
    static Place environment(String path) {
        boolean shared = false;
        String lower = path.toLowerCase(Locale.ROOT);
        String[] segments = lower.split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean fileName = i == segments.length - 1;
            for (String part : segment.split("[._-]+")) {
                if (fileName && (part.equals("yml") || part.equals("yaml") || part.equals("env"))) {
                    continue;
                }
                if (LOCAL_ENVIRONMENTS.contains(part)) {
                    return Place.LOCAL;
                }
                shared |= SHARED_ENVIRONMENTS.contains(part);
            }
        }
        return shared ? Place.SHARED : Place.DEPLOYED;
    }

    /**
     * Where an env file is used: where its own path says ({@code .env.production}), else where the compose files that
     * read it are used, the most shared of them ({@code docker-compose.prod.yml} reading {@code app.env}).
     */
    public Place envFilePlace(String path, List<Location> namedBy) {
        Place own = place(path);
        if (own != Place.DEPLOYED || namedBy.isEmpty()) {
            return own;
        }
        Place best = null;
        for (Location l : namedBy) {
            Place p = place(l.path());
            if (best == null || rank(p) > rank(best)) {
                best = p;
            }
        }
        return best;
    }

    private static int rank(Place p) {
        return switch (p) {
            case LOCAL, TEST -> 0;
            case CI -> 1;
            case DEPLOYED -> 2;
            case SHARED -> 3;
        };
    }

    /** Severity of a weak value at this path. */
    public Severity weakValueSeverity(String path) {
        return weakValueSeverity(place(path));
    }

    /** Severity of a weak value in a file used there. */
    public static Severity weakValueSeverity(Place place) {
        return switch (place) {
            case LOCAL, TEST -> Severity.LOW;
            case CI -> Severity.MEDIUM;
            case SHARED, DEPLOYED -> Severity.HIGH;
        };
    }
}
