package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Finding;
import io.samokoder.i18n.Text;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Masking;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.Location;
import io.samokoder.model.docker.ContainerScripts;
import io.samokoder.model.docker.FileEnvVariables;
import io.samokoder.model.environments.DeployedVariables;
import io.samokoder.model.environments.Evidence;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;
import io.samokoder.model.settings.SpringBlocks;
import io.samokoder.model.settings.SpringProfiles;
import io.samokoder.model.settings.UnixSocketServers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Secret-named settings whose value (or interpolation default, or URL password) is weak: a default or dictionary
 * value, the user name, too short, low entropy, a test value. Looks wherever settings live: compose environment (map
 * and list, {@code ${X:-default}}), {@code .env*}, CI workflows, shell scripts, INI/properties/TOML/YAML configs,
 * Dockerfiles and code defaults. Templates ({@code .env.example}) are left to {@link CommittedEnvFileRule}.
 */
@RuleInfo(id = "secrets/weak-value", category = Category.SECRETS, severity = Severity.HIGH,
        summary = "A password, key or token setting has a default, dictionary, short or low-entropy value.",
        remediation = "Remove the default and require the value from the environment (${VAR:?set VAR}); generate it"
                + " (openssl rand -base64 32) and keep it in a secret store.",
        description = "Secret-named settings (password, passwd, pwd, secret, token, api_key, key, credential, auth, DSN)"
                + " and URL passwords are weak when they are in the dictionary (weak-values.txt plus"
                + " secrets.weakValues), equal the project or user name, are shorter than 12 characters (32 for"
                + " signing keys such as SECRET_KEY or JWT_SECRET), have low entropy or are test values, or, when those"
                + " checks leave them open and they do not look generated, when the nbvcxz estimate of the guesses"
                + " they take is below 10^14 for passwords, 10^12 for tokens or 10^20 for signing keys (the project's"
                + " own words count as known). A bcrypt hash in a setting (a Caddy or htpasswd password hash) is"
                + " weak when it is the hash of a user name next to it, of one of the first weak values or of the"
                + " project's own words (at most 40 tries and 2^15 rounds per hash, hashes up to cost 14, 8 hashes per"
                + " audit; others are info). Severity:"
                + " high in deployable files, medium in CI, low in local-development files (secrets.localPaths)"
                + " and for Spring credentials whose block connects only to localhost; low for a program's fallback"
                + " (a code default, a Spring placeholder, a Dockerfile ENV, the ${X:-default} of a shell script a"
                + " container of the repository runs or an image COPYs) for a variable the deployment passes; info for a compose variable the service's program never reads (Caddy reads only the variables"
                + " its mounted Caddyfile names). The one-line value of a committed file a compose file declares as a"
                + " secret's file: is judged as the value of a setting named for the secret (or for the X of an X_FILE"
                + " variable pointing at it), at the severity of the most shared compose file declaring it; binary,"
                + " multi-line and longer than 512 characters files (keys, certificates) are not judged.")
public final class WeakValueRule implements Rule {

    @Override
    public List<io.samokoder.engine.RuleOption> options() {
        return List.of(Weakness.WEAK_VALUES, Weakness.PROJECT_NAMES, SecretsPolicy.LOCAL_PATHS, SecretsAllowlist.ALLOW_VALUES);
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        for (SourceFile f : context.workspace().files()) {
            FileSettings.Kind k = FileSettings.kindOf(f.path());
            if (k != FileSettings.Kind.NONE && k != FileSettings.Kind.DOTENV_TEMPLATE) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        SecretsPass.of(context); // every file's settings, from the one read of the tree the token scan shares
        Weakness weakness = Weakness.of(context);
        SecretsPolicy policy = SecretsPolicy.of(context);
        SecretsAllowlist allow = SecretsAllowlist.of(context);
        List<PendingHash> hashes = java.util.Collections.synchronizedList(new ArrayList<>());
        // assembling the compose project (for images run without their password) is mostly one thread's work: it
        // runs beside the judging of every file's settings instead of before it
        ForkJoinTask<List<ImageDefaults.Hit>> images = ForkJoinPool.commonPool().submit(
                () -> ImageDefaults.find(context));
        List<List<Finding>> judged = Parallel.map(context.workspace().files(), 16, file -> {
            FileSettings fs = FileSettings.of(context, file);
            if (fs.kind() == FileSettings.Kind.NONE || fs.kind() == FileSettings.Kind.DOTENV_TEMPLATE) {
                return List.of();
            }
            return weakSettings(context, file, fs, null, weakness, policy, allow, hashes);
        });
        for (ImageDefaults.Hit hit : images.join()) {
            sink.report(Finding.of(this).at(hit.path(), hit.line()).severity(policy.weakValueSeverity(hit.path()))
                    .message(Text.of("secrets.weak.imageDefault", hit.service(), hit.known().product(),
                            hit.known().variables().get(0), policy.developmentReasonText(hit.path())))
                    .key(hit.service() + ":" + hit.known().variables().get(0)).build());
        }
        judged.forEach(found -> found.forEach(sink::report));
        // env files compose reads under names that are not dotenv names (monitoring/grafana.config): judged the same
        for (Map.Entry<String, List<Location>> e : EnvFiles.unnamed(context).entrySet()) {
            context.workspace().file(e.getKey()).ifPresent(file -> weakSettings(context, file,
                    FileSettings.ofEnvFile(context, file), policy.envFilePlace(e.getKey(), e.getValue()), weakness,
                    policy, allow, hashes).forEach(sink::report));
        }
        judgeHashes(hashes, weakness).forEach(sink::report);
        secretFiles(context, weakness, policy, allow, sink);
    }

    /**
     * The committed files compose mounts as secrets: their value is the secret's, judged like a setting of that name,
     * at the severity of the most shared compose file that declares it.
     */
    private void secretFiles(AuditContext context, Weakness weakness, SecretsPolicy policy, SecretsAllowlist allow,
                             FindingSink sink) {
        for (SecretFiles.Value v : SecretFiles.of(context)) {
            if (allow.allows(v.value()) || !SecretValues.isVerbatimLiteral(v.value())) {
                continue;
            }
            boolean placeholder = SecretValues.isChangeMe(v.value());
            Optional<Text> reason = placeholder
                    ? Optional.of(Text.of("secrets.weak.changeMe", Masking.mask(v.value())))
                    : weakness.reasonText(v.name(), v.value(), v.users(), Weakness.kindOf(v.name()));
            if (reason.isEmpty()) {
                continue;
            }
            Severity severity = placeholder ? Severity.LOW : SecretsPolicy.weakValueSeverity(v.place());
            Text why = severity == Severity.LOW && !placeholder
                    ? policy.developmentReasonText(v.declared().composeFile()) : Text.verbatim("");
            sink.report(Finding.of(this).at(v.file().path(), v.line(), 1).severity(severity)
                    .message(Text.of("secrets.weak.message", Text.of("secrets.weak.subject.secretFile", v.name(),
                            v.declaredAt()), reason.get(), why))
                    .key("secret-file:" + v.name()).build());
        }
    }

    /**
     * A bcrypt hash in a setting, placed and worded like any weak value of that setting, waiting for its tries:
     * they run after every file is read, in path order, so that the per-audit bound falls on the same hashes in every
     * run.
     */
    private record PendingHash(String path, int line, int column, BcryptHashes.Occurrence hash, List<String> users,
                               Severity severity, Text why, Text subject, String key) {
    }

    private List<Finding> judgeHashes(List<PendingHash> pending, Weakness weakness) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<PendingHash> sorted = new ArrayList<>(pending);
        sorted.sort(java.util.Comparator.comparing(PendingHash::path).thenComparingInt(PendingHash::line)
                .thenComparingInt(PendingHash::column).thenComparing(PendingHash::key));
        List<String> dictionary = weakness.dictionaryInOrder();
        List<String> project = weakness.projectWords();
        Set<String> checked = new java.util.LinkedHashSet<>();
        List<PendingHash> toTry = new ArrayList<>();
        List<Finding> out = new ArrayList<>();
        for (PendingHash p : sorted) {
            BcryptHashes.Occurrence h = p.hash();
            String masked = Masking.mask(h.hash());
            if (h.cost() > BcryptHashes.MAX_COST) {
                out.add(hashFinding(p, Severity.INFO, Text.of("secrets.weak.bcrypt.tooCostly", masked, h.cost(),
                        BcryptHashes.MAX_COST), Text.verbatim("")));
            } else if (checked.contains(h.hash()) || checked.size() < BcryptHashes.MAX_HASHES) {
                checked.add(h.hash());
                toTry.add(p);
            } else {
                out.add(hashFinding(p, Severity.INFO, Text.of("secrets.weak.bcrypt.tooMany", masked,
                        BcryptHashes.MAX_HASHES), Text.verbatim("")));
            }
        }
        // bcrypt is slow on purpose: the hashes are tried on both cores
        List<Optional<Finding>> tried = Parallel.map(toTry, 1, p -> BcryptHashes.crack(p.hash().hash(),
                BcryptHashes.candidates(p.hash().cost(), p.users(), dictionary, project)).map(c -> hashFinding(p,
                p.severity(), Text.of(weakness.isDictionary(c.password()) ? "secrets.weak.bcrypt.dictionary"
                        : c.source() == BcryptHashes.Source.USER ? "secrets.weak.bcrypt.userName"
                        : "secrets.weak.bcrypt.projectWord", Masking.mask(p.hash().hash())), p.why())));
        tried.forEach(f -> f.ifPresent(out::add));
        return out;
    }

    private Finding hashFinding(PendingHash p, Severity severity, Text reason, Text why) {
        return Finding.of(this).at(p.path(), p.line(), p.column()).severity(severity)
                .message(Text.of("secrets.weak.message", p.subject(), reason, why)).key(p.key()).build();
    }

    /**
     * @param place where the file is used when its own path does not say it (an env file is used where the compose
     *              files that read it are); null to take it from the path
     */
    private List<Finding> weakSettings(AuditContext context, SourceFile file, FileSettings fs,
                                       SecretsPolicy.Place place, Weakness weakness, SecretsPolicy policy,
                                       SecretsAllowlist allow, List<PendingHash> hashes) {
        Map<String, List<String>> users = new HashMap<>();
        Set<String> inMemory = new java.util.HashSet<>();
        Set<String> unread = new java.util.HashSet<>();
        for (Setting s : fs.settings()) {
            if (SecretNames.isUser(s.name())) {
                users.computeIfAbsent(s.scope(), k -> new ArrayList<>()).add(s.value().strip());
            }
            if (IN_MEMORY_DATABASE.matcher(s.value()).lookingAt()) {
                inMemory.add(s.scope()); // jdbc:h2:mem: — a database inside the process, reachable by nobody
            }
            if (s.name().equals("basicAuth") && s.value().strip().equals("false")) {
                unread.add(s.scope()); // a Grafana data source without basic auth never sends basicAuthPassword
            }
        }
        boolean spring = isSpringConfig(file.path());
        SpringView springView = new SpringView(context, file, fs);
        // a program's own fallbacks (code, Spring config, an image's ENV): a deployment that passes the variable
        // replaces them; a compose file's default is the deployment's own and stays judged
        boolean program = place == null && (fs.kind() == FileSettings.Kind.CODE || spring || fs.kind() == FileSettings.Kind.DOCKERFILE);
        boolean code = fs.kind() == FileSettings.Kind.CODE;
        boolean javascript = code && !file.path().endsWith(".py");
        boolean compose = FileKinds.isCompose(file.path());
        boolean dotenv = fs.kind() == FileSettings.Kind.DOTENV;
        Severity[] severity = new Severity[1]; // a glob test of the path: only for files with a finding
        List<Finding> found = new ArrayList<>();
        for (Setting s : fs.settings()) {
            String v = s.value();
            if (BcryptHashes.mayHold(v)) {
                // a bcrypt hash says what it is whatever the setting's name (a Traefik label's htpasswd entry)
                for (BcryptHashes.Occurrence h : BcryptHashes.find(v, compose)) {
                    if (allow.allows(h.hash())) {
                        continue;
                    }
                    boolean fallback = code && s.parents().equals(FileSettings.DEFAULT) || h.variable() != null;
                    String name = h.variable() != null ? h.variable() : s.name();
                    Placed at = place(context, file, fs, s, place, policy, program, spring, springView, code && s.parents()
                            .equals(FileSettings.DEFAULT), fallback, h.variable() != null, name, false, severity);
                    List<String> near = new ArrayList<>();
                    if (h.user() != null) {
                        near.add(h.user());
                    }
                    for (String u : users.getOrDefault(s.scope(), List.of())) {
                        BcryptHashes.userValue(u).ifPresent(near::add);
                    }
                    Text subject = h.user() != null ? Text.of("secrets.weak.subject.htpasswd", s.name(), h.user())
                            : h.variable() == null ? Text.of("secrets.weak.subject.literal", s.name())
                            : s.name().equals(h.variable()) ? Text.of("secrets.weak.subject.default", s.name())
                            : Text.of("secrets.weak.subject.defaultThrough", s.name(), h.variable());
                    hashes.add(new PendingHash(file.path(), s.line(), s.column() + h.offset(), h, near,
                            at.severity(), at.why(), subject, s.name() + ":bcrypt:" + h.offset()));
                }
            }
            if (!SecretNames.isSecret(s.name()) && v.indexOf("://") < 0 && v.indexOf("${") < 0) {
                continue; // neither a secret name, a URL nor an interpolation: nothing to judge
            }
            if (code && SecretValues.isKeyName(s.name(), v, javascript, s.parents().equals(FileSettings.CONSTANT))) {
                continue; // const TOKEN_KEY = "accessToken": where a token is kept, not the token
            }
            if (inMemory.contains(s.scope()) && SecretNames.isSecret(s.name())) {
                continue; // the password of an in-memory database guards nothing outside the process
            }
            if (unread.contains(s.scope()) && s.name().equals("basicAuthPassword")) {
                continue;
            }
            boolean codeDefault = code && s.parents().equals(FileSettings.DEFAULT);
            // compose passes environment values to the container as they are: no shell runs a $(…) in them
            boolean literalCommands = compose && s.parents().contains("environment");
            for (SecretValues.Candidate c : SecretValues.candidates(s.name(), s.value(), literalCommands,
                    spring ? SecretValues.Dialect.SPRING
                            : fs.kind() == FileSettings.Kind.SHELL ? SecretValues.Dialect.SHELL
                            : SecretValues.Dialect.ANY)) {
                if (allow.allows(c.value())) {
                    continue;
                }
                List<String> near = new ArrayList<>(users.getOrDefault(s.scope(), List.of()));
                if (c.user() != null) {
                    near.add(c.user());
                }
                Optional<Text> reason;
                boolean placeholder = false;
                if (c.command()) {
                    reason = Optional.of(Text.of("secrets.weak.command", Masking.mask(c.value())));
                } else if (dotenv && SecretValues.isChangeMe(c.value())) {
                    placeholder = true;
                    reason = Optional.of(Text.of("secrets.weak.changeMe", Masking.mask(c.value())));
                } else {
                    reason = weakness.reasonText(c.name(), c.value(), near,
                            c.kind() == SecretValues.Kind.URL_PASSWORD ? Guessability.Kind.PASSWORD
                                    : Weakness.kindOf(c.name()));
                }
                if (reason.isEmpty()) {
                    continue;
                }
                boolean fallback = codeDefault || c.kind() == SecretValues.Kind.DEFAULT
                        || c.kind() == SecretValues.Kind.URL_PASSWORD && !c.name().equals(s.name());
                if (fallback && c.kind() != SecretValues.Kind.URL_PASSWORD
                        && Weakness.kindOf(c.name()) == Guessability.Kind.TOKEN
                        && NAMED_PLACEHOLDER.matcher(c.value().strip()).matches()) {
                    continue; // ${OPENAI_API_KEY:demo}: a word that stands for "no key", which the provider refuses
                }
                Optional<Placed> unreadHere = unreadBy(context, file, s, compose);
                Placed at = unreadHere.isPresent() ? unreadHere.get() : place(context, file, fs, s, place, policy, program,
                        spring, springView, codeDefault, fallback, c.kind() == SecretValues.Kind.DEFAULT, c.name(), placeholder,
                        severity);
                found.add(Finding.of(this).at(file.path(), s.line(), s.column() + c.offset())
                        .severity(at.severity())
                        .message(Text.of("secrets.weak.message", subject(s, c), reason.get(), at.why()))
                        .key(s.name() + ":" + c.kind() + ":" + c.name())
                        .build());
            }
        }
        return found;
    }

    /**
     * A compose environment entry the service's program never reads (Caddy takes its settings only from its
     * Caddyfile, and the mounted Caddyfile names other variables): its weak value protects nothing, info.
     */
    private static Optional<Placed> unreadBy(AuditContext context, SourceFile file, Setting s, boolean compose) {
        if (!compose || !s.parents().contains("environment")) {
            return Optional.empty();
        }
        Optional<Placed> out = Optional.empty();
        for (io.samokoder.model.docker.Container c : io.samokoder.model.docker.Containers.of(context).all()) {
            io.samokoder.model.compose.ComposeService.EnvironmentEntry e = c.service()
                    .map(x -> x.environment().get(s.name())).orElse(null);
            if (e == null || !e.location().path().equals(file.path()) || e.location().line() != s.line()) {
                continue;
            }
            Optional<io.samokoder.model.docker.Container.UnreadVariable> unread = c.unreadVariable(context, s.name());
            if (unread.isEmpty()) {
                return Optional.empty(); // one stack that runs the service with it is enough
            }
            out = Optional.of(new Placed(Severity.INFO, Text.of("secrets.weak.unreadByService", c.name(),
                    unread.get().program(), unread.get().configFile(), s.name())));
        }
        return out;
    }

    /** The severity of a weak value at its place, and why when the place lowers it. */
    /** What a Spring file's blocks and the deployed profiles beside it say, built once per file when first asked. */
    private static final class SpringView {
        private final AuditContext context;
        private final SourceFile file;
        private final FileSettings settings;
        private SpringBlocks blocks;
        private Map<String, Location> overrides;

        SpringView(AuditContext context, SourceFile file, FileSettings settings) {
            this.context = context;
            this.file = file;
            this.settings = settings;
        }

        SpringBlocks blocks() {
            if (blocks == null) {
                blocks = SpringBlocks.of(settings);
            }
            return blocks;
        }

        Map<String, Location> overrides() {
            if (overrides == null) {
                overrides = SpringProfiles.deployedOverrides(context, file);
            }
            return overrides;
        }
    }

    private record Placed(Severity severity, Text why) {
    }

    /**
     * Where the weak value of setting {@code s} is used decides its severity: the file's place, lowered for a
     * program's fallback that the deployment replaces, an install step that replaces the file, a CI service container
     * or test job, a change-me placeholder.
     *
     * @param defaultValue the value is an interpolation default ({@code ${X:-default}})
     * @param name         the setting or variable the value belongs to
     * @param fileSeverity the file's severity once computed (a glob test of the path: only for files with a finding)
     */
    private Placed place(AuditContext context, SourceFile file, FileSettings fs, Setting s, SecretsPolicy.Place place,
                         SecretsPolicy policy, boolean program, boolean spring, SpringView springView,
                         boolean codeDefault, boolean fallback,
                         boolean defaultValue, String name, boolean placeholder, Severity[] fileSeverity) {
        Text context2 = null;
        if (program) {
            Optional<Evidence> passed = Optional.empty();
            String variable = null;
            if (fallback) {
                variable = codeDefault ? s.name() : name;
                passed = deployed(context).passes(variable);
            } else if (spring && !defaultValue) {
                variable = DeployedVariables.springVariable(SpringBlocks.property(s));
                passed = deployed(context).passes(variable);
            } else if (fs.kind() == FileSettings.Kind.DOCKERFILE) {
                variable = s.name();
                passed = deployed(context).passes(variable);
            }
            if (passed.isPresent()) {
                context2 = Text.of("secrets.weak.fallbackWithout", variable, passed.get().message());
            } else if ((fallback || fs.kind() == FileSettings.Kind.CODE) && LOOPBACK_URL.matcher(s.value()).find()) {
                // a program's default or constant URL to this machine: a developer's local database
                context2 = Text.of("secrets.weak.fallbackLocalhost");
            } else if (spring) {
                Optional<SpringBlocks.Address> local = springView.blocks().loopbackAddress(s);
                Location override = springView.overrides().get(SpringProfiles.relaxed(SpringBlocks.property(s)));
                if (local.isPresent()) {
                    context2 = Text.of("secrets.weak.localBlock", local.get().property(),
                            local.get().setting().line());
                } else if (override != null) {
                    context2 = Text.of("secrets.weak.profileOverride", override.path() + ":" + override.line());
                }
            }
        } else if (fallback && place == null && fs.kind() == FileSettings.Kind.SHELL) {
            // a script a container runs (an image's entrypoint) reads the container's environment: its ${X:-default}
            // is the image's fallback, which a deployment that passes X replaces; a host script reads the operator's
            // shell and keeps its file's severity
            Optional<Evidence> passed = deployed(context).passes(name);
            // the official images' idiom: the script reads X from the file X_FILE names (a compose secret)
            Optional<Evidence> passedFile = passed.isPresent() || !FileEnvVariables.of(context, file)
                    .readsFromFile(name) ? Optional.empty() : deployed(context).passes(name + "_FILE");
            if ((passed.isPresent() || passedFile.isPresent())
                    && ContainerScripts.of(context).runInContainer(file.path()).isPresent()) {
                context2 = passed.isPresent() ? Text.of("secrets.weak.fallbackWithout", name, passed.get().message())
                        : Text.of("secrets.weak.fallbackWithoutFile", name, name + "_FILE",
                        passedFile.get().message());
            }
        }
        if (context2 == null && fs.kind() == FileSettings.Kind.INI) {
            Optional<Setting> socket = UnixSocketServers.socketOf(fs, s);
            if (socket.isPresent()) {
                context2 = Text.of("secrets.weak.unixSocket", socket.get().name(), socket.get().line());
            }
        }
        if (fileSeverity[0] == null) {
            fileSeverity[0] = place != null ? SecretsPolicy.weakValueSeverity(place)
                    : policy.weakValueSeverity(file.path());
        }
        Severity at = fileSeverity[0];
        Text why = Text.verbatim("");
        if (placeholder) {
            at = Severity.LOW;
        } else if (context2 != null) {
            at = Severity.LOW;
            why = context2;
        } else if (at != Severity.LOW && policy.replacedInCopy(file.path(), s.name()).isPresent()) {
            at = Severity.LOW;
            Location r = policy.replacedInCopy(file.path(), s.name()).get().location();
            why = Text.of("secrets.weak.replacedAtInstall", r.path() + ":" + r.line());
        } else if (at == Severity.LOW) {
            why = policy.developmentReasonText(file.path());
        } else if (at == Severity.MEDIUM && CiServiceContainers.isThrowAway(context, file, s)) {
            at = Severity.LOW;
            why = Text.of("secrets.weak.throwAway");
        } else if (at == Severity.MEDIUM && CiServiceContainers.isTestJob(context, file, s)) {
            at = Severity.LOW;
            why = Text.of("secrets.weak.testJob");
        } else if (at == Severity.MEDIUM && CiServiceContainers.isTestWorkflow(context, file, s)) {
            at = Severity.LOW;
            why = Text.of("secrets.weak.testWorkflow");
        } else if (PytestEnv.isTestRunValue(file, s)) {
            at = Severity.LOW;
            why = Text.of("secrets.weak.pytestEnv");
        }
        return new Placed(at, why);
    }

    private static final Pattern IN_MEMORY_DATABASE = Pattern.compile(
            "\\s*jdbc:(?:h2:mem:|hsqldb:mem:|derby:memory:|sqlite::memory:)");
    private static final Pattern NAMED_PLACEHOLDER = Pattern.compile("(?i)demo|placeholder|dummy|none|unset|empty");
    private static final Pattern LOOPBACK_URL = Pattern.compile(
            "://[^@/\\s]{0,300}@(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?:[:/]|$)");

    private static DeployedVariables deployed(AuditContext context) {
        return DeployedVariables.of(context);
    }

    /**
     * Spring Boot's configuration files ({@code application.properties}, {@code application-docker.yml}, …) and the
     * property files of Java resources (a config server's repository): an environment variable overrides them.
     */
    static boolean isSpringConfig(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return (name.startsWith("application") || name.startsWith("bootstrap")) && (name.endsWith(".properties")
                || name.endsWith(".yml") || name.endsWith(".yaml"))
                || path.contains("src/main/resources/") && (name.endsWith(".properties") || name.endsWith(".yml")
                || name.endsWith(".yaml"));
    }

    private static Text subject(Setting s, SecretValues.Candidate c) {
        return switch (c.kind()) {
            case DEFAULT -> s.name().equals(c.name()) ? Text.of("secrets.weak.subject.default", s.name())
                    : Text.of("secrets.weak.subject.defaultThrough", s.name(), c.name());
            case URL_PASSWORD -> Text.of("secrets.weak.subject.urlPassword", s.name(), c.user());
            case LITERAL -> Text.of("secrets.weak.subject.literal", s.name());
        };
    }
}
