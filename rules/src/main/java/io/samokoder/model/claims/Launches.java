package io.samokoder.model.claims;

import io.samokoder.model.compose.ShellCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one shell command line of a document and says whether it starts something, and what: compose ({@code docker
 * compose up}, {@code docker-compose -f x.yml up -d}, {@code docker stack deploy -c x.yml}) or something else (a native
 * dev server, {@code docker run}, a cluster deploy). Task runners ({@code make up}, {@code just dev}, {@code task run})
 * and scripts ({@code ./start.sh}) are followed into their recipe or text through a {@link Resolver}, so that a
 * {@code make up} that runs compose counts as compose. Commands that only build, install, test or inspect start
 * nothing.
 */
public final class Launches {

    /** Finds what a task runner target or a script runs. */
    public interface Resolver {
        /** The recipe of {@code target} for {@code tool} ({@code make}, {@code just}, {@code task}) run in {@code dir}. */
        Optional<Recipe> target(String tool, String target, String dir);

        /** The text of the script at {@code path} run in {@code dir}. */
        Optional<Recipe> script(String path, String dir);

        Resolver NONE = new Resolver() {
            @Override
            public Optional<Recipe> target(String tool, String target, String dir) {
                return Optional.empty();
            }

            @Override
            public Optional<Recipe> script(String path, String dir) {
                return Optional.empty();
            }
        };
    }

    /**
     * What a target or script runs.
     *
     * @param name where it was found, for messages ({@code Makefile target up})
     * @param text the commands, one a line
     */
    public record Recipe(String name, String text) {
    }

    /** A launch without a place: kind and the compose details. */
    record Found(Launch.Kind kind, List<String> files, List<String> profiles, List<String> services, String directory,
                 String via) {
        Launch at(int offset, int line, String command) {
            return new Launch(kind, offset, line, command, files, profiles, services, directory, via);
        }
    }

    private static final int MAX_DEPTH = 3;
    private static final Set<String> COMPOSE_STARTS = Set.of("up", "start", "restart", "watch");
    private static final Set<String> COMPOSE_VALUED = Set.of("-f", "--file", "-p", "--project-name", "--profile",
            "--env-file", "--project-directory", "--ansi", "--parallel", "--progress", "-c", "--context", "-H",
            "--host", "--log-level");
    private static final Set<String> UP_VALUED = Set.of("--scale", "-t", "--timeout", "--exit-code-from", "--attach",
            "--no-attach", "--wait-timeout", "--pull");
    /** Words a target or script is named for when it serves something (used when it cannot be read). */
    private static final Pattern SERVE_NAME = Pattern.compile(
            "(?i)(?:^|[-_:./])(?:run|dev|start|serve|server|up|watch|develop|local|boot|launch)(?:$|[-_:.])");
    /** Tools that serve whatever their first argument is ({@code uvicorn app:app}, {@code node server.js}). */
    private static final Set<String> SERVERS = Set.of("uvicorn", "gunicorn", "hypercorn", "daphne", "granian",
            "waitress-serve", "node", "nodemon", "ts-node", "tsx", "deno", "air", "vite", "serve", "http-server",
            "live-server", "json-server", "rackup", "puma", "unicorn", "caddy", "foreman", "overmind", "honcho",
            "dev", "bin/rails", "rails", "java", "php", "symfony", "ruby", "perl", "streamlit", "gradio", "chainlit",
            "panel", "jupyter", "hugo", "jekyll", "mkdocs", "mdbook", "docusaurus", "sphinx-autobuild", "next", "nuxt",
            "astro", "remix", "expo", "ng", "wrangler", "vercel", "netlify", "ollama", "flask", "fastapi",
            "django-admin", "iex", "mix", "kubectl", "helm", "kind", "minikube", "skaffold", "tilt", "k3d",
            "kustomize", "oc", "vagrant", "terraform", "ansible-playbook", "gcloud", "az", "aws", "fly", "flyctl",
            "heroku", "dotnet", "swift", "sbt", "lein");
    /** Subcommands of multi-purpose tools that start a server; other subcommands build, install or test. */
    private static final Map<String, Set<String>> SUBCOMMANDS = Map.ofEntries(
            Map.entry("go", Set.of("run")),
            Map.entry("cargo", Set.of("run", "watch", "leptos", "shuttle")),
            Map.entry("docker", Set.of("run", "start", "service", "container")),
            Map.entry("podman", Set.of("run", "start", "play", "kube")),
            Map.entry("nerdctl", Set.of("run", "start")));
    private static final Set<String> NPM_SCRIPTS_THAT_SERVE = Set.of("start", "dev", "serve", "preview", "watch",
            "develop", "server", "storybook", "docs");
    private static final Set<String> PY_NOT_SERVING = Set.of("pip", "venv", "virtualenv", "pytest", "unittest", "build",
            "twine", "black", "ruff", "isort", "mypy", "flake8", "pylint", "pre_commit", "alembic", "coverage",
            "doctest", "compileall", "json.tool", "ensurepip", "pipx", "poetry", "spacy", "nltk", "grpc_tools.protoc",
            "playwright", "nox", "tox", "piptools", "pip_audit", "bandit");
    private static final Set<String> MANAGE_PY_SERVING = Set.of("runserver", "runserver_plus", "run_huey", "runworker",
            "celery");
    private static final Set<String> JVM_GOALS = Set.of("spring-boot:run", "quarkus:dev", "jetty:run", "tomcat7:run",
            "exec:java", "liberty:dev", "liberty:run", "wildfly:run", "bootrun", "run", "quarkusdev", "apprun",
            "jettyrun", "tomcatrun", "micronaut:run", "mn:run", "bootrunlocal");
    /** Tools that run the command after them ({@code uv run X}, {@code bundle exec X}, {@code npx X}). */
    private static final Set<String> RUNNERS = Set.of("uv", "poetry", "pipenv", "pdm", "hatch", "rye", "conda",
            "bundle", "npx", "pnpx", "bunx", "dotenv", "watchexec", "entr", "op");
    /** Packages that serve when run through npx and friends. */
    private static final Set<String> NPX_SERVERS = Set.of("vite", "next", "serve", "http-server", "nuxt", "astro",
            "live-server", "json-server", "webpack-dev-server", "wrangler", "expo", "ng", "nodemon", "tsx", "ts-node",
            "parcel", "storybook", "docusaurus", "vitepress", "remix", "react-scripts", "vue-cli-service");
    private static final Pattern MAKE_VAR = Pattern.compile("\\$[({]([A-Za-z_][A-Za-z0-9_]*)[)}]");

    private Launches() {
    }

    /** The launch a command line makes (the last one when it chains several), or empty. */
    static Optional<Found> classify(String commandLine, Resolver resolver) {
        return classify(commandLine, resolver, "", 0);
    }

    static Optional<Found> classify(String commandLine, Resolver resolver, String dir, int depth) {
        Found last = null;
        String cwd = dir;
        for (String part : commandLine.split("&&|\\|\\||;|\\|(?!\\|)")) {
            List<String> words = ShellCommands.words(part.trim());
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equals("cd") || words.get(0).equals("pushd")) {
                cwd = words.size() > 1 ? join(cwd, words.get(1)) : "";
                continue;
            }
            Optional<Found> f = command(words, resolver, cwd, depth);
            if (f.isPresent()) {
                last = f.get();
            }
        }
        return Optional.ofNullable(last);
    }

    /** Whether a command line only sends a request to or opens a URL ({@code curl}, {@code open}, {@code wget}). */
    static boolean accessesUrl(String commandLine) {
        List<String> words = ShellCommands.words(commandLine.trim());
        int i = 0;
        while (i < words.size() && (words.get(i).contains("=") && !words.get(i).startsWith("-")
                || words.get(i).equals("sudo") || words.get(i).equals("watch"))) {
            i++;
        }
        if (i >= words.size()) {
            return false;
        }
        String w = words.get(i).toLowerCase(Locale.ROOT);
        return Set.of("curl", "wget", "http", "https", "httpie", "xh", "open", "xdg-open", "start", "explorer",
                "sensible-browser", "firefox", "chromium", "google-chrome", "invoke-webrequest", "iwr", "invoke-restmethod",
                "irm", "grpcurl", "websocat", "wscat", "ab", "hey", "k6", "siege", "nc", "telnet", "lynx", "links")
                .contains(w);
    }

    private static Optional<Found> command(List<String> raw, Resolver resolver, String dir, int depth) {
        List<String> words = new ArrayList<>(raw);
        // leading VAR=value assignments and wrappers that run the rest
        while (!words.isEmpty() && (isAssignment(words.get(0)) || Set.of("sudo", "time", "nohup", "exec", "command",
                "env").contains(words.get(0)))) {
            words.remove(0);
            while (!words.isEmpty() && words.get(0).startsWith("-") && !words.get(0).equals("-")) {
                words.remove(0); // sudo -E, env -i
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String w0 = words.get(0);
        String tool = w0.toLowerCase(Locale.ROOT);
        String base = tool.contains("/") ? tool.substring(tool.lastIndexOf('/') + 1) : tool;
        List<String> args = words.subList(1, words.size());
        String first = firstArgument(args);

        if (base.equals("docker-compose") || base.equals("podman-compose")
                || (base.equals("docker") || base.equals("podman") || base.equals("nerdctl"))
                && !args.isEmpty() && args.get(0).equals("compose")) {
            return compose(base.endsWith("-compose") ? args : args.subList(1, args.size()), dir);
        }
        if ((base.equals("docker") || base.equals("podman")) && args.size() >= 2 && args.get(0).equals("stack")
                && args.get(1).equals("deploy")) {
            List<String> files = new ArrayList<>();
            for (int i = 2; i < args.size(); i++) {
                String a = args.get(i);
                if ((a.equals("-c") || a.equals("--compose-file")) && i + 1 < args.size()) {
                    files.add(args.get(++i));
                } else if (a.startsWith("--compose-file=")) {
                    files.add(a.substring("--compose-file=".length()));
                }
            }
            return Optional.of(new Found(Launch.Kind.COMPOSE, files, List.of(), List.of(), dir, ""));
        }
        if (Set.of("make", "gmake", "just", "task", "mage").contains(base)) {
            String target = first == null ? "" : first;
            if (target.isEmpty() || target.contains("=")) {
                return Optional.empty();
            }
            String runner = base.equals("gmake") ? "make" : base;
            Optional<Recipe> recipe = depth < MAX_DEPTH ? resolver.target(runner, target, dir) : Optional.empty();
            if (recipe.isPresent()) {
                return recipe(recipe.get(), resolver, dir, depth);
            }
            return SERVE_NAME.matcher(target).find() ? other(dir) : Optional.empty();
        }
        if (base.endsWith(".sh") || (tool.startsWith("./") || tool.startsWith("bin/") || tool.startsWith("scripts/"))
                && !base.equals("gradlew") && !base.equals("mvnw")
                || Set.of("bash", "sh", "zsh").contains(base) && first != null && !first.equals("-c")) {
            String path = Set.of("bash", "sh", "zsh").contains(base) ? first : w0;
            Optional<Recipe> script = depth < MAX_DEPTH && path != null ? resolver.script(path, dir) : Optional.empty();
            Optional<Found> runs = script.flatMap(r -> recipe(r, resolver, dir, depth));
            if (runs.isPresent()) {
                return runs;
            }
            if (script.isPresent() && !SERVERS.contains(base)) {
                return Optional.empty(); // read, and it starts nothing
            }
            if (script.isEmpty()) {
                String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
                // a script named for serving, or a binary the document built or downloaded (./mailpit)
                if (SERVE_NAME.matcher(name).find() || !name.contains(".") && !SERVERS.contains(base)
                        || SERVERS.contains(base) && first != null) {
                    return other(dir);
                }
                return Optional.empty();
            }
        }
        if (Set.of("npm", "yarn", "pnpm", "bun").contains(base)) {
            return packageScript(base, args, resolver, dir, depth);
        }
        if (RUNNERS.contains(base)) {
            // uv run X, poetry run X, bundle exec X, npx X: what X starts
            List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty() && (rest.get(0).startsWith("-") || Set.of("run", "exec", "x", "--").contains(rest.get(0)))) {
                rest.remove(0);
            }
            return rest.isEmpty() ? Optional.empty() : runs(base, rest, resolver, dir, depth);
        }
        if (base.startsWith("python") || base.equals("py") || base.equals("manage.py") || base.endsWith(".py")) {
            return python(base.endsWith(".py") ? words : args, dir);
        }
        if (Set.of("mvn", "mvnw", "gradle", "gradlew", "mvnd").contains(base)) {
            for (String a : args) {
                if (JVM_GOALS.contains(a.toLowerCase(Locale.ROOT)) || a.toLowerCase(Locale.ROOT).endsWith(":bootrun")) {
                    return other(dir);
                }
            }
            return Optional.empty();
        }
        if (SUBCOMMANDS.containsKey(base)) {
            if (first == null || !SUBCOMMANDS.get(base).contains(first)) {
                return Optional.empty();
            }
            return other(dir);
        }
        if (base.equals("helm") && first != null && Set.of("install", "upgrade").contains(first)) {
            return other(dir);
        }
        if (SERVERS.contains(base)) {
            if (first == null || Set.of("install", "build", "test", "version", "help", "get", "describe", "logs",
                    "delete", "config", "init", "login", "repo", "lint", "fmt", "new", "add", "remove", "list", "ls",
                    "status", "pull", "push", "plan", "validate", "-v", "--version", "-version", "--help", "-h")
                    .contains(first)) {
                return Optional.empty();
            }
            if (base.equals("php") && !(first.equals("artisan") || first.equals("-S"))) {
                return args.contains("serve") ? other(dir) : Optional.empty();
            }
            if (base.equals("helm")) {
                return Set.of("install", "upgrade").contains(first) ? other(dir) : Optional.empty();
            }
            if (base.equals("dotnet") && !Set.of("run", "watch").contains(first)) {
                return Optional.empty();
            }
            return other(dir);
        }
        return Optional.empty();
    }

    /** {@code npm run dev}, {@code yarn start}, {@code pnpm dev}, {@code bun run server.ts}, {@code npm exec vite}. */
    private static Optional<Found> packageScript(String tool, List<String> args, Resolver resolver, String dir,
                                                 int depth) {
        List<String> plain = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        String first = plain.get(0);
        if (Set.of("exec", "dlx", "x").contains(first) && plain.size() > 1) {
            return runs("npx", plain.subList(1, plain.size()), resolver, dir, depth);
        }
        String script = Set.of("run", "run-script").contains(first) ? plain.size() > 1 ? plain.get(1) : "" : first;
        if (tool.equals("bun") && (script.endsWith(".ts") || script.endsWith(".js") || script.endsWith(".tsx"))) {
            return other(dir);
        }
        String head = script.contains(":") ? script.substring(0, script.indexOf(':')) : script;
        return NPM_SCRIPTS_THAT_SERVE.contains(head) ? other(dir) : Optional.empty();
    }

    /** What the command after a runner starts; through npx, a known dev server package. */
    private static Optional<Found> runs(String runner, List<String> rest, Resolver resolver, String dir, int depth) {
        Optional<Found> inner = command(rest, resolver, dir, depth + 1);
        if (inner.isPresent() || !Set.of("npx", "pnpx", "bunx").contains(runner)) {
            return inner;
        }
        String pkg = rest.get(0).replaceFirst("@[^/]*$", "");
        return NPX_SERVERS.contains(pkg) ? other(dir) : Optional.empty();
    }

    private static Optional<Found> python(List<String> args, String dir) {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-m")) {
            i++;
        }
        if (i >= args.size()) {
            return Optional.empty();
        }
        if (args.get(i).equals("-m")) {
            String module = i + 1 < args.size() ? args.get(i + 1) : "";
            return module.isEmpty() || PY_NOT_SERVING.contains(module) ? Optional.empty() : other(dir);
        }
        String script = args.get(i);
        if (script.endsWith("manage.py")) {
            String sub = i + 1 < args.size() ? args.get(i + 1) : "";
            return MANAGE_PY_SERVING.contains(sub) ? other(dir) : Optional.empty();
        }
        return script.endsWith(".py") ? other(dir) : Optional.empty();
    }

    private static Optional<Found> compose(List<String> args, String dir) {
        List<String> files = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        String directory = dir;
        int i = 0;
        String sub = null;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (COMPOSE_VALUED.contains(a) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (a.equals("-f") || a.equals("--file")) {
                    files.add(v);
                } else if (a.equals("--profile")) {
                    profiles.add(v);
                } else if (a.equals("--project-directory")) {
                    directory = join(dir, v);
                }
            } else if (a.startsWith("--file=")) {
                files.add(a.substring(7));
            } else if (a.startsWith("--profile=")) {
                profiles.add(a.substring(10));
            } else if (a.startsWith("--project-directory=")) {
                directory = join(dir, a.substring(20));
            } else if (a.startsWith("-") || a.startsWith("$(") || a.startsWith("${")) {
                continue;
            } else {
                sub = a;
                break;
            }
        }
        if (sub == null || !COMPOSE_STARTS.contains(sub)) {
            return Optional.empty();
        }
        List<String> services = new ArrayList<>();
        for (i = i + 1; i < args.size(); i++) {
            String a = args.get(i);
            if (UP_VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-") && !a.startsWith("#") && a.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
                services.add(a);
            } else if (a.startsWith("#")) {
                break;
            }
        }
        return Optional.of(new Found(Launch.Kind.COMPOSE, files, profiles, services, directory, ""));
    }

    /**
     * What a recipe or script starts: something else when its last launch is not compose (compose for the database,
     * then a native dev server in the foreground), else compose with the files and profiles of all its compose
     * launches (a script's branches cannot be told apart). Makefile variables named for compose read as
     * {@code docker compose}.
     */
    private static Optional<Found> recipe(Recipe r, Resolver resolver, String dir, int depth) {
        Found last = null;
        List<Found> compose = new ArrayList<>();
        String cwd = dir;
        for (String line : joinContinuations(r.text())) {
            String l = line.strip();
            while (!l.isEmpty() && "@-+".indexOf(l.charAt(0)) >= 0) {
                l = l.substring(1).strip();
            }
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("echo ") || l.startsWith("printf ")) {
                continue;
            }
            l = expandVariables(l);
            List<String> w = ShellCommands.words(l);
            if (!w.isEmpty() && w.get(0).equals("cd") && w.size() > 1 && !l.contains("&&") && !l.contains(";")) {
                cwd = join(cwd, w.get(1));
                continue;
            }
            Optional<Found> f = classify(l, resolver, cwd, depth + 1);
            if (f.isPresent()) {
                last = f.get();
                if (last.kind() == Launch.Kind.COMPOSE) {
                    compose.add(last);
                }
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        if (last.kind() != Launch.Kind.COMPOSE) {
            return Optional.of(new Found(last.kind(), List.of(), List.of(), List.of(), last.directory(), r.name()));
        }
        List<String> files = new ArrayList<>();
        List<String> profiles = new ArrayList<>();
        boolean plain = false;
        for (Found c : compose) {
            plain |= c.files().isEmpty();
            for (String file : c.files()) {
                String path = join(c.directory(), file);
                if (!files.contains(path)) {
                    files.add(path);
                }
            }
            c.profiles().stream().filter(x -> !profiles.contains(x)).forEach(profiles::add);
        }
        // a plain up somewhere in the recipe runs the folder's default files too: no file list then
        // file paths are relative to the document's folder already
        return Optional.of(new Found(Launch.Kind.COMPOSE, plain ? List.of() : files, profiles, List.of(),
                plain ? last.directory() : "", r.name()));
    }

    static String expandVariables(String line) {
        Matcher m = MAKE_VAR.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String upper = name.toUpperCase(Locale.ROOT);
            String value;
            if (upper.contains("COMPOSE")) {
                value = "docker compose";
            } else if (upper.equals("MAKE")) {
                value = "make";
            } else if (Set.of("PYTHON", "NPM", "DOCKER", "GO", "UV", "POETRY", "YARN", "PNPM", "NODE", "MVN", "GRADLE",
                    "KUBECTL", "HELM", "CARGO").contains(upper)) {
                value = name.toLowerCase(Locale.ROOT);
            } else {
                value = "";
            }
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    static List<String> joinContinuations(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (l.endsWith("\\")) {
                cur.append(l, 0, l.length() - 1).append(' ');
            } else {
                cur.append(l);
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }

    private static Optional<Found> other(String dir) {
        return Optional.of(new Found(Launch.Kind.OTHER, List.of(), List.of(), List.of(), dir, ""));
    }

    private static String firstArgument(List<String> args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return args.isEmpty() ? null : args.get(0);
    }

    private static boolean isAssignment(String w) {
        int eq = w.indexOf('=');
        return eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /** {@code dir} + {@code rel}, normalised, {@code ""} for the start folder. */
    static String join(String dir, String rel) {
        String r = rel.replace('\\', '/');
        if (r.startsWith("~") || r.startsWith("$")) {
            return dir;
        }
        String p = r.startsWith("/") ? r.substring(1) : dir.isEmpty() ? r : dir + "/" + r;
        List<String> parts = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else {
                    parts.add("..");
                }
            } else {
                parts.add(s);
            }
        }
        return String.join("/", parts);
    }
}
