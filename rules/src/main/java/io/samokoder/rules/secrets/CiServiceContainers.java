package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.settings.Setting;
import org.yaml.snakeyaml.nodes.Node;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The throw-away databases and brokers a CI job starts beside itself (GitHub Actions {@code services:} and
 * {@code container:}, GitLab CI {@code services:}): their passwords exist for the job's minutes, on the runner, and
 * reach nothing else. A setting is one of theirs when it is in their {@code env:}/{@code variables:}, when it is
 * a URL whose host is such a container (its service name, {@code localhost} or {@code 127.0.0.1}, where the runner
 * publishes its ports), or when it repeats a container's password for the job's code to connect with
 * ({@code POSTGRES_PASSWORD: postgres} in the job's {@code env:}, {@code DB_CREDENTIALS: app:postgres}).
 */
final class CiServiceContainers {

    private static final Pattern URL_HOST = Pattern.compile(
            "^[A-Za-z][A-Za-z0-9+.-]{1,30}://[^@/\\s]{0,300}@\\[?([A-Za-z0-9_.-]{1,200})");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0.0.0.0");

    private CiServiceContainers() {
    }

    /** Whether the setting belongs to a service container of a CI file. */
    static boolean isThrowAway(AuditContext context, SourceFile file, Setting s) {
        if (!FileKinds.isCi(file.path())) {
            return false;
        }
        List<String> parents = s.parents();
        if (parents.contains("services") || parents.contains("container")) {
            return true;
        }
        String value = s.value().strip();
        Matcher m = URL_HOST.matcher(value);
        if (m.find()) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            return LOOPBACK.contains(host) || services(context, file).names().contains(host);
        }
        for (String password : services(context, file).passwords()) {
            if (value.equals(password) || value.endsWith(":" + password)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern DEPLOYS = Pattern.compile("(?i)deploy|publish|release|kubectl|helm\\b|terraform"
            + "|ansible|\\bssh\\b|\\bscp\\b|rsync|docker(?:/login-action|/build-push-action|\\s+push|\\s+login)"
            + "|\\baws\\s|gcloud|\\baz\\s|flyctl|heroku|vercel|netlify|twine|npm\\s+publish");
    private static final Pattern TESTS = Pattern.compile("(?i)\\btests?\\b|pytest|playwright|cypress|jest|vitest"
            + "|mocha|\\btox\\b|\\bnox\\b|coverage|\\bverify\\b|go\\s+test|cargo\\s+test|rspec|phpunit|e2e"
            + "|mypy|pyright|pyrefly|\\btyping\\b|type-?check|\\btsc\\b");

    /**
     * Whether the setting is in the {@code env:} of a GitHub Actions job (or one of its steps) that runs tests or
     * type checks and deploys nothing: no deployment environment, no step that deploys, publishes, pushes or logs in
     * somewhere. Its values configure the test run on the runner and reach nothing else.
     */
    static boolean isTestJob(AuditContext context, SourceFile file, Setting s) {
        List<String> parents = s.parents();
        if (!FileKinds.isCi(file.path()) || parents.size() < 3 || !parents.get(0).equals("jobs")
                || !parents.contains("env")) {
            return false;
        }
        Map<String, Node> jobs = YamlDocument.mapping(context.yaml(file).rootMapping().get("jobs"));
        Map<String, Node> job = YamlDocument.mapping(jobs.get(parents.get(1)));
        return !job.isEmpty() && !job.containsKey("uses") && !deploys(job) && tests(parents.get(1), job);
    }

    /**
     * Whether the setting is in the workflow-level {@code env:} of a GitHub Actions workflow whose jobs run tests
     * and none deploys: every job that sees the value (a job calling a reusable workflow with {@code uses:} does
     * not: GitHub passes no workflow-level env to it) is a job of the test run on the runner.
     */
    static boolean isTestWorkflow(AuditContext context, SourceFile file, Setting s) {
        List<String> parents = s.parents();
        if (!FileKinds.isCi(file.path()) || parents.isEmpty() || !parents.get(0).equals("env")) {
            return false;
        }
        Map<String, Node> jobs = YamlDocument.mapping(context.yaml(file).rootMapping().get("jobs"));
        boolean tests = false;
        for (Map.Entry<String, Node> e : jobs.entrySet()) {
            Map<String, Node> job = YamlDocument.mapping(e.getValue());
            if (job.containsKey("uses")) {
                continue;
            }
            if (job.isEmpty() || deploys(job)) {
                return false;
            }
            tests |= tests(e.getKey(), job);
        }
        return tests;
    }

    /** A job with a deployment environment or a step that deploys, publishes, pushes or logs in somewhere. */
    private static boolean deploys(Map<String, Node> job) {
        if (job.containsKey("environment")) {
            return true;
        }
        for (Node step : YamlDocument.sequence(job.get("steps"))) {
            Map<String, Node> m = YamlDocument.mapping(step);
            for (String key : List.of("run", "uses")) {
                if (DEPLOYS.matcher(YamlDocument.scalar(m.get(key)).orElse("")).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A job whose id, name or one of whose steps names a test runner or type checker. */
    private static boolean tests(String id, Map<String, Node> job) {
        if (TESTS.matcher(id).find()
                || YamlDocument.scalar(job.get("name")).map(n -> TESTS.matcher(n).find()).orElse(false)) {
            return true;
        }
        for (Node step : YamlDocument.sequence(job.get("steps"))) {
            Map<String, Node> m = YamlDocument.mapping(step);
            for (String key : List.of("run", "uses", "name")) {
                if (TESTS.matcher(YamlDocument.scalar(m.get(key)).orElse("")).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The service containers of a CI file's jobs: their names (GitHub: the keys of {@code services:}; GitLab: name
     * and alias) and the secret values their settings hold.
     */
    private static Services services(AuditContext context, SourceFile file) {
        return context.parsed(file, Services.class, f -> {
            Set<String> passwords = new HashSet<>();
            for (Setting s : io.samokoder.model.settings.FileSettings.of(context, f).settings()) {
                if ((s.parents().contains("services") || s.parents().contains("container"))
                        && SecretNames.isSecret(s.name()) && SecretValues.isLiteral(s.value())) {
                    passwords.add(s.value().strip());
                }
            }
            return new Services(collect(context.yaml(f)), passwords);
        });
    }

    private record Services(Set<String> names, Set<String> passwords) {
    }

    private static Set<String> collect(YamlDocument doc) {
        Set<String> out = new HashSet<>();
        Map<String, Node> root = doc.rootMapping();
        Map<String, Node> jobs = YamlDocument.mapping(root.get("jobs"));
        List<Node> holders = new java.util.ArrayList<>((jobs.isEmpty() ? root : jobs).values());
        for (Node top : doc.root().stream().toList()) {
            holders.add(top); // GitLab's top-level services: apply to every job
        }
        for (Node job : holders) {
            Node services = YamlDocument.mapping(job).get("services");
            out.addAll(YamlDocument.mapping(services).keySet());
            for (Node item : YamlDocument.sequence(services)) {
                YamlDocument.scalar(item).ifPresent(image -> out.add(hostOfImage(image)));
                Map<String, Node> m = YamlDocument.mapping(item);
                YamlDocument.scalar(m.get("alias")).ifPresent(out::add);
                YamlDocument.scalar(m.get("name")).ifPresent(image -> out.add(hostOfImage(image)));
            }
        }
        Set<String> lower = new HashSet<>();
        out.forEach(n -> lower.add(n.toLowerCase(Locale.ROOT)));
        return lower;
    }

    /** GitLab names a service container after its image: {@code postgres:15} is reachable as {@code postgres}. */
    private static String hostOfImage(String image) {
        String name = image.contains(":") ? image.substring(0, image.indexOf(':')) : image;
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
