package io.samokoder.model.environments;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.Location;
import io.samokoder.model.compose.ComposeFile;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.compose.ImageReference;
import io.samokoder.model.compose.Mount;
import io.samokoder.model.settings.FileSettings;
import io.samokoder.model.settings.Setting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of the repository that serve a developer's machine rather than a deployment, each with the evidence the
 * model read:
 * <ul>
 *   <li>a <b>statement</b> in a README (for its folder) or in any document that speaks of the whole codebase or
 *   repository (for the root): "for local development only", "must not be deployed in production", "not meant for
 *   production", "intended for development purpose", "local development setup using Docker Compose", "this folder
 *   contains example Docker Compose files", "this compose demo"; the same statement in a compose file's comments (for
 *   that file);</li>
 *   <li>a compose file beside a <b>standalone production stack</b> in the same folder ({@code docker-compose.yml}
 *   next to a {@code docker-compose.prod.yml} whose every service has its own image or build): the production file is
 *   what is deployed, the other is the development stack;</li>
 *   <li>compose files of a repository that deploys production with <b>Kubernetes</b> (a manifest under
 *   {@code k8s/…/prod/} or {@code overlays/production/}): compose is how its developers run it;</li>
 *   <li>a compose file that runs <b>only backing services</b> (databases, brokers, mail catchers, admin UIs) and
 *   nothing the repository builds: the application runs on the host, against these;</li>
 *   <li>a compose file a document opens in <b>Play with Docker</b> (a sandbox that lives four hours);</li>
 *   <li>an env file that serves its application at <b>localhost</b> ({@code APP_URL=http://localhost:5000}).</li>
 * </ul>
 * Files a local stack bind-mounts or reads with {@code env_file:} belong to it too, when no other stack uses them;
 * so do those of a compose file named for local development ({@code docker-compose-dev.yml}, {@code dev/compose.yaml}).
 * An env file or compose file whose own comments say it is for local development or an example is local itself.
 * Files named for a shared environment ({@code docker-compose.prod.yml}) are never local here.
 */
public final class DevelopmentStacks {

    /** Sentences that declare something not for production / for local development. */
    private static final Pattern STATEMENT = Pattern.compile("(?i)"
            + "for local development only"
            + "|(?:intended|meant|designed|only) (?:only )?for (?:use in )?(?:local )?development(?: purposes?| environments?| only)"
            + "|not (?:meant|intended|designed|suitable|ready)? ?(?:to be deployed |to be used |for use )?(?:in|for|to) (?:any )?production"
            + "|must not be (?:deployed|used) (?:in|to|for) (?:any )?production"
            + "|local development setup (?:using|with) [^.]{0,60}(?:docker[- ]?compose|compose)"
            + "|change (?:all )?(?:the )?default (?:credentials|passwords?) before (?:any )?(?:production|deploying)"
            + "|this (?:folder|directory) (?:only )?(?:contains|holds|has|provides|includes) (?:an? |some "
            + "|several |a few )?(?:examples?|samples?)\\b"
            + "|\\b(?:docker|compose|docker[- ]compose) demo\\b");
    /**
     * What a file's own comments may say about that file, besides {@link #STATEMENT}: a header is about its file, so
     * "used for local development" or "this is an example" there cannot be read as being about something else.
     */
    private static final Pattern FILE_STATEMENT = Pattern.compile("(?i)"
            + "this (?:file|stack|setup|configuration|compose file) is (?:only )?(?:used |meant |intended )?"
            + "(?:to [^.]{0,60} )?for local development"
            + "|\\bthis is an example\\b");
    /** A README line that gives a localhost address with the credentials to log in there. */
    private static final Pattern LOCAL_LOGIN = Pattern.compile("(?i)(?:localhost|127\\.0\\.0\\.1)[:/][^\\s)`]{0,80}"
            + ".{0,60}\\b(?:credentials?|password|login|log in|sign in)\\b");
    /** A sentence about the whole repository, wherever the document sits. */
    private static final Pattern WHOLE_REPOSITORY = Pattern.compile(
            "(?i)\\b(?:codebase|code base|this repository|this repo|the repository)\\b");
    private static final Pattern PLAY_WITH_DOCKER = Pattern.compile(
            "play-with-docker\\.com/?\\?stack=([^\\s)\"'<>\\]]{1,500})");
    /** Images of databases, brokers and developer tools a locally run application talks to. */
    private static final Set<String> BACKING = Set.of("postgres", "postgis", "mysql", "mariadb", "mongo", "mongodb",
            "redis", "valkey", "memcached", "rabbitmq", "elasticsearch", "opensearch", "kafka", "zookeeper",
            "cp-kafka", "cp-zookeeper", "mailhog", "mailpit", "maildev", "smtp4dev", "pgadmin4", "adminer",
            "localstack", "mssql", "mssql-server", "cassandra", "nats", "etcd", "clickhouse-server", "dynamodb-local",
            "azurite", "wiremock", "mockserver");
    private static final Pattern KUBERNETES_PRODUCTION = Pattern.compile(
            "(?i)(?:^|.*/)(?:k8s|kubernetes|kube|kustomize|overlays|helm|charts|manifests)/(?:.*/)?(prod|production|prd)/[^/]+\\.ya?ml");
    private static final Set<String> PRODUCTION_NAMES = Set.of("prod", "production", "prd", "live");
    /** Name parts of compose files for one developer's machine (not {@code override}: plain {@code up} loads it). */
    private static final Set<String> LOCAL_NAMES = Set.of("dev", "development", "local");
    private static final Set<String> ENVIRONMENT_NAMES = Set.of("prod", "production", "prd", "live", "staging",
            "stage", "stg", "qa", "uat", "preprod", "ci", "dev", "development", "local", "override", "test");
    private static final Pattern PUBLIC_URL_NAME = Pattern.compile(
            "(?i)(?:.*_)?(?:APP_URL|BASE_URL|PUBLIC_URL|SITE_URL|SERVER_URL|EXTERNAL_URL|FRONTEND_URL|WEB_URL|AUTHORITY|"
                    + "DOMAIN|SERVER_NAME|VIRTUAL_HOST|HOSTNAME_EXTERNAL)");
    private static final Pattern LOCAL_HOST = Pattern.compile(
            "(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1\\])(?:[:/].*)?$");
    private static final int MAX_DOC = 1024 * 1024;

    /** path -> evidence, for files. */
    private final Map<String, Evidence> files;
    /** folder ("" for the root) -> evidence, for whole subtrees. */
    private final TreeMap<String, Evidence> folders;

    private DevelopmentStacks(Map<String, Evidence> files, TreeMap<String, Evidence> folders) {
        this.files = files;
        this.folders = folders;
    }

    public static DevelopmentStacks of(AuditContext context) {
        return context.model(DevelopmentStacks.class, DevelopmentStacks::build);
    }

    /** Why the file at this path serves local development, if the repository says or shows so. */
    public Optional<Evidence> evidence(String path) {
        Evidence own = files.get(path);
        if (own != null) {
            return Optional.of(own);
        }
        String folder = path;
        while (true) {
            int slash = folder.lastIndexOf('/');
            folder = slash < 0 ? "" : folder.substring(0, slash);
            Evidence e = folders.get(folder);
            if (e != null) {
                return Optional.of(e);
            }
            if (folder.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    private static DevelopmentStacks build(AuditContext context) {
        Map<String, Evidence> files = new HashMap<>();
        TreeMap<String, Evidence> folders = new TreeMap<>();
        List<String[]> playWithDocker = new ArrayList<>(); // file name, evidence path, line
        // README folder -> a localhost login it gives: about the compose stacks below it, not other deployments
        Map<String, Evidence> logins = new HashMap<>();
        for (SourceFile f : context.workspace().files()) {
            if (isDocument(f.path()) && f.size() <= MAX_DOC) {
                statements(context, f, folders, logins, playWithDocker);
            }
        }
        ComposeProject project = ComposeProject.of(context);
        Map<String, Evidence> stacks = new TreeMap<>();
        List<String> composeFiles = new ArrayList<>(new TreeSet<>(project.files().keySet()));
        String kubernetes = null;
        for (SourceFile f : context.workspace().files()) {
            if (KUBERNETES_PRODUCTION.matcher(f.path()).matches()) {
                kubernetes = f.folder();
                break;
            }
        }
        for (String path : composeFiles) {
            ComposeFile cf = project.files().get(path);
            if (named(path, ENVIRONMENT_NAMES) && !named(path, Set.of("dev", "development", "local", "override",
                    "test"))) {
                continue; // named for a shared environment: never local here
            }
            Evidence e = commentStatement(context, path);
            if (e == null) {
                e = besideProduction(project, cf, composeFiles);
            }
            if (e == null && kubernetes != null) {
                e = new Evidence(kubernetes, 0, Text.of("model.evidence.kubernetes"));
            }
            if (e == null) {
                e = backingServicesOnly(cf);
            }
            if (e == null) {
                e = within(logins, cf.folder());
            }
            if (e == null) {
                for (String[] pwd : playWithDocker) {
                    if (cf.path().equals(pwd[0]) || cf.path().endsWith("/" + pwd[0])) {
                        e = new Evidence(pwd[1], Integer.parseInt(pwd[2]), Text.of("model.evidence.playWithDocker"));
                        break;
                    }
                }
            }
            if (e == null && (named(path, LOCAL_NAMES) || inFolderNamed(path, LOCAL_NAMES))) {
                // docker-compose-dev.yml: its own findings are local by name already; this carries the name to the
                // env files and mounts that only it uses (an .env.docker.dev read by no other stack)
                e = new Evidence(path, 0, Text.of("model.evidence.namedLocal"));
            }
            if (e != null) {
                stacks.put(path, e);
            }
        }
        for (String[] pwd : playWithDocker) {
            for (SourceFile f : context.workspace().files()) {
                if (f.name().equals(pwd[0]) && !stacks.containsKey(f.path())) {
                    stacks.put(f.path(), new Evidence(pwd[1], Integer.parseInt(pwd[2]),
                            Text.of("model.evidence.playWithDockerFile", f.path())));
                }
            }
        }
        // YAML files the compose model does not read as compose files (src/main/docker/monitoring.yml) may say it
        for (SourceFile f : context.workspace().files()) {
            String lower = f.path().toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".yml") || lower.endsWith(".yaml")) && !stacks.containsKey(f.path())
                    && f.size() <= MAX_DOC && !FileKinds.isCi(f.path())) {
                Evidence e = commentStatement(context, f.path());
                if (e != null) {
                    stacks.put(f.path(), e);
                }
            }
        }
        files.putAll(stacks);
        // env files say it in their own comments too ("used to set the environment variables for local development")
        Set<String> envFiles = new TreeSet<>(project.envFiles().keySet());
        for (SourceFile f : context.workspace().files()) {
            if (FileSettings.isDotenv(f.name().toLowerCase(Locale.ROOT))) {
                envFiles.add(f.path());
            }
        }
        for (String path : envFiles) {
            Evidence e = files.containsKey(path) ? null : commentStatement(context, path);
            if (e != null) {
                files.put(path, e);
            }
        }
        mounted(project, stacks, folders, files);
        springProfiles(context, project, stacks, files);
        localEnvFiles(context, project, files);
        return new DevelopmentStacks(Map.copyOf(files), folders);
    }

    /** The entry for this folder or the nearest folder above it. */
    private static Evidence within(Map<String, Evidence> byFolder, String folder) {
        String f = folder;
        while (true) {
            Evidence e = byFolder.get(f);
            if (e != null || f.isEmpty()) {
                return e;
            }
            int slash = f.lastIndexOf('/');
            f = slash < 0 ? "" : f.substring(0, slash);
        }
    }

    private static boolean isDocument(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return FileKinds.isMarkdown(path) || lower.endsWith(".mdx") || lower.endsWith(".rst");
    }

    private static boolean isReadme(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("readme");
    }

    private static void statements(AuditContext context, SourceFile f, TreeMap<String, Evidence> folders,
                                   Map<String, Evidence> logins, List<String[]> playWithDocker) {
        String name = f.name().toLowerCase(Locale.ROOT);
        if (name.startsWith("changelog") || name.startsWith("history") || name.startsWith("news")
                || name.startsWith("release")) {
            return; // what changed once, not what the repository is
        }
        String text = context.workspace().text(f).orElse("");
        int line = 0;
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            line++;
            String l = text.substring(start, end);
            if (l.contains("play-with-docker")) {
                Matcher m = PLAY_WITH_DOCKER.matcher(l);
                while (m.find()) {
                    String url = m.group(1);
                    String file = url.substring(url.lastIndexOf('/') + 1);
                    if (FileKinds.isCompose(file) || file.endsWith(".yml") || file.endsWith(".yaml")) {
                        playWithDocker.add(new String[] {file, f.path(), Integer.toString(line)});
                    }
                }
            }
            if (l.length() < 2000 && isReadme(f.name()) && (l.contains("localhost") || l.contains("127.0.0.1"))) {
                Matcher m = LOCAL_LOGIN.matcher(l);
                if (m.find()) {
                    logins.putIfAbsent(f.folder(), new Evidence(f.path(), line, Text.of("model.evidence.localLogin",
                            quote(l, m))));
                }
            }
            if (l.length() < 2000 && (l.contains("roduction") || l.contains("evelopment") || l.contains("ample")
                    || l.contains("demo"))) {
                Matcher m = STATEMENT.matcher(l);
                if (m.find()) {
                    boolean whole = WHOLE_REPOSITORY.matcher(l).find();
                    if (whole || isReadme(f.name())) {
                        String scope = whole ? "" : f.folder();
                        folders.putIfAbsent(scope, new Evidence(f.path(), line, Text.of("model.evidence.says",
                                quote(l, m))));
                    }
                }
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
    }

    /** The statement with a little context, without Markdown emphasis, at most about 100 characters. */
    private static String quote(String line, Matcher m) {
        int from = Math.max(0, m.start() - 30);
        int to = Math.min(line.length(), m.end() + 20);
        String q = line.substring(from, to).replaceAll("[*_`>#]+", "").strip();
        return (from > 0 ? "…" : "") + q + (to < line.length() ? "…" : "");
    }

    private static Evidence commentStatement(AuditContext context, String path) {
        Optional<SourceFile> file = context.workspace().file(path);
        if (file.isEmpty()) {
            return null;
        }
        String text = context.workspace().text(file.get()).orElse("");
        int line = 0;
        boolean header = true; // the comments before the first setting speak of the whole file
        for (String l : text.split("\n", -1)) {
            line++;
            String s = l.strip();
            if (s.startsWith("#")) {
                Matcher m = STATEMENT.matcher(s);
                if (!m.find()) {
                    m = FILE_STATEMENT.matcher(s);
                    if (!header || !m.find()) {
                        continue;
                    }
                }
                return new Evidence(path, line, Text.of("model.evidence.says", quote(s, m)));
            }
            if (!s.isEmpty()) {
                header = false;
            }
        }
        return null;
    }

    /** A standalone production compose file in the same folder (every service has its own image or build). */
    private static Evidence besideProduction(ComposeProject project, ComposeFile file, List<String> composeFiles) {
        if (named(file.path(), PRODUCTION_NAMES)) {
            return null;
        }
        for (String other : composeFiles) {
            ComposeFile o = project.files().get(other);
            if (o == file || !o.folder().equals(file.folder()) || !named(other, PRODUCTION_NAMES)
                    || o.declaredServices().isEmpty()) {
                continue;
            }
            boolean standalone = o.declaredServices().values().stream()
                    .allMatch(s -> s.image().isPresent() || s.hasBuild());
            if (standalone) {
                return new Evidence(other, 0, Text.of("model.evidence.besideProduction"));
            }
        }
        return null;
    }

    private static Evidence backingServicesOnly(ComposeFile file) {
        String own = file.path().contains("/") ? file.path().substring(0, file.path().lastIndexOf('/')) : "";
        if (file.declaredServices().isEmpty() || !own.equals(file.folder())) {
            return null; // an overlay of another folder's project: it runs next to that project's application
        }
        List<String> images = new ArrayList<>();
        for (ComposeService s : file.declaredServices().values()) {
            if (s.hasBuild() || s.imageReference().isEmpty()) {
                return null;
            }
            ImageReference ref = s.imageReference().get();
            String name = ref.name().toLowerCase(Locale.ROOT);
            String last = name.substring(name.lastIndexOf('/') + 1);
            if (!BACKING.contains(last)) {
                return null;
            }
            if (!images.contains(last)) {
                images.add(last);
            }
        }
        return new Evidence(file.path(), 0, Text.of("model.evidence.backingOnly",
                images.stream().map(Text::code).toList()));
    }

    /** Whether a name part of the file name is one of these ({@code docker-compose.prod.yml}: prod). */
    private static boolean named(String path, Set<String> parts) {
        return hasPart(path.substring(path.lastIndexOf('/') + 1), parts);
    }

    /** Whether a folder of the path has one of these name parts ({@code dev-postgres/compose.yaml}: dev). */
    private static boolean inFolderNamed(String path, Set<String> parts) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 && hasPart(path.substring(0, slash), parts);
    }

    /** Whether a word of these names (split at {@code / . _ -}) is one of the parts. */
    private static boolean hasPart(String names, Set<String> parts) {
        for (String part : names.toLowerCase(Locale.ROOT).split("[/._-]+")) {
            if (parts.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** Files and folders bind-mounted or read as env files by local stacks only. */
    private static void mounted(ComposeProject project, Map<String, Evidence> stacks, TreeMap<String, Evidence> folders,
                                Map<String, Evidence> files) {
        Map<String, Evidence> local = new TreeMap<>();
        Set<String> elsewhere = new TreeSet<>();
        for (ComposeStack stack : project.stacks()) {
            for (ComposeService service : stack.services().values()) {
                Evidence e = null;
                for (String source : service.sourceFiles()) {
                    e = stacks.get(source);
                    if (e == null) {
                        break;
                    }
                }
                for (Mount m : service.volumes()) {
                    if (m.repositoryPath().isEmpty() || m.repositoryPath().get().isEmpty()) {
                        continue;
                    }
                    String p = m.repositoryPath().get();
                    if (e == null) {
                        elsewhere.add(p);
                    } else {
                        local.putIfAbsent(p, mountedBy(e, m.location()));
                    }
                }
            }
        }
        project.envFiles().forEach((path, where) -> {
            Evidence e = null;
            for (Location l : where) {
                e = stacks.get(l.path());
                if (e == null) {
                    elsewhere.add(path);
                    return;
                }
            }
            if (e != null) {
                local.putIfAbsent(path, mountedBy(e, where.get(0)));
            }
        });
        local.forEach((path, e) -> {
            if (!elsewhere.contains(path)) {
                files.putIfAbsent(path, e);
                folders.putIfAbsent(path, e); // a mounted folder: every file below it
            }
        });
    }

    private static Evidence mountedBy(Evidence stack, Location where) {
        return new Evidence(stack.path(), stack.line(), Text.of("model.evidence.usedBy",
                stack.saysText(), where.path() + ":" + where.line()));
    }

    private static final Pattern SPRING_PROFILE_FILE = Pattern.compile(
            "(?:^|.*/)src/main/resources/(?:.*/)?[A-Za-z0-9_.-]+-([A-Za-z0-9_]+)\\.(?:properties|ya?ml)");
    private static final Pattern K8S_PROFILES = Pattern.compile(
            "SPRING_PROFILES_ACTIVE['\"]?\\s*[:=]\\s*['\"]?([A-Za-z0-9_, -]+)");

    /**
     * Spring profile files ({@code application-docker.yml}, a config server's {@code catalog-service-docker.properties})
     * whose profile only local stacks activate ({@code SPRING_PROFILES_ACTIVE=docker}): they configure those stacks.
     */
    private static void springProfiles(AuditContext context, ComposeProject project, Map<String, Evidence> stacks,
                                       Map<String, Evidence> files) {
        Map<String, Evidence> local = new HashMap<>();
        Set<String> elsewhere = new TreeSet<>();
        for (ComposeStack stack : project.stacks()) {
            for (ComposeService service : stack.services().values()) {
                ComposeService.EnvironmentEntry entry = service.environment().get("SPRING_PROFILES_ACTIVE");
                if (entry == null || entry.value().isEmpty()) {
                    continue;
                }
                Evidence e = stacks.get(entry.location().path());
                for (String profile : entry.value().get().value().split(",")) {
                    String p = profile.strip();
                    if (e == null) {
                        elsewhere.add(p);
                    } else {
                        local.putIfAbsent(p, new Evidence(e.path(), e.line(), Text.of(
                                "model.evidence.profile", e.saysText(), p,
                                entry.location().path() + ":" + entry.location().line())));
                    }
                }
            }
        }
        if (local.isEmpty()) {
            return;
        }
        for (SourceFile f : context.workspace().files()) {
            String lower = f.path().toLowerCase(Locale.ROOT);
            if ((lower.endsWith(".yml") || lower.endsWith(".yaml")) && f.size() <= MAX_DOC && !FileKinds.isCompose(f.path())) {
                String text = context.workspace().text(f).orElse("");
                if (text.contains("SPRING_PROFILES_ACTIVE") && text.contains("apiVersion:")) {
                    Matcher m = K8S_PROFILES.matcher(text);
                    while (m.find()) {
                        for (String profile : m.group(1).split(",")) {
                            elsewhere.add(profile.strip());
                        }
                    }
                }
            }
        }
        for (SourceFile f : context.workspace().files()) {
            Matcher m = SPRING_PROFILE_FILE.matcher(f.path());
            if (m.matches() && local.containsKey(m.group(1)) && !elsewhere.contains(m.group(1))) {
                files.putIfAbsent(f.path(), local.get(m.group(1)));
            }
        }
    }

    /** Env files whose application is served at localhost. */
    private static void localEnvFiles(AuditContext context, ComposeProject project, Map<String, Evidence> files) {
        for (SourceFile f : context.workspace().files()) {
            boolean env = FileSettings.kindOf(f.path()) == FileSettings.Kind.DOTENV
                    || project.envFiles().containsKey(f.path());
            if (!env || files.containsKey(f.path()) || named(f.path(), Set.of("prod", "production", "prd", "live",
                    "staging", "stage", "stg", "qa", "uat", "preprod"))) {
                continue;
            }
            FileSettings fs = project.envFiles().containsKey(f.path()) && FileSettings.kindOf(f.path())
                    != FileSettings.Kind.DOTENV ? FileSettings.ofEnvFile(context, f) : FileSettings.of(context, f);
            for (Setting s : fs.settings()) {
                if (PUBLIC_URL_NAME.matcher(s.name()).matches() && LOCAL_HOST.matcher(s.value().strip()).matches()) {
                    files.put(f.path(), new Evidence(f.path(), s.line(), Text.of(
                            "model.evidence.localUrl", s.name() + "=" + s.value().strip())));
                    break;
                }
            }
        }
    }
}
