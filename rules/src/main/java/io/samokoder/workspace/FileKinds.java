package io.samokoder.workspace;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which files a tool loads, decided by name and location as the tools themselves decide. Content-based detection
 * (a Prometheus config under an unusual name) lives in the models that parse the content.
 */
public final class FileKinds {

    private static final Pattern COMPOSE = Pattern.compile(
            "(?:docker-)?compose(?:[.-][^/]*)?\\.ya?ml");
    private static final Pattern PROMETHEUS = Pattern.compile("prometheus(?:[.-][^/]*)?\\.ya?ml");
    private static final Pattern ALERTMANAGER = Pattern.compile("alertmanager(?:[.-][^/]*)?\\.ya?ml");

    private FileKinds() {
    }

    static String name(String path) {
        int slash = path.lastIndexOf('/');
        return (slash < 0 ? path : path.substring(slash + 1)).toLowerCase(Locale.ROOT);
    }

    public static boolean isYaml(String path) {
        String n = name(path);
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    /**
     * {@code compose.yaml}, {@code docker-compose.yml}, {@code docker-compose.override.yml}, {@code docker-compose.prod.yml},
     * the Compose specification's own {@code compose.<name>.yaml} ({@code compose.observability.yaml}), …
     */
    public static boolean isCompose(String path) {
        return COMPOSE.matcher(name(path)).matches();
    }

    private static final java.util.regex.Pattern TEST_INPUT = java.util.regex.Pattern.compile(
            "(?:^|.*/)(testdata|test-data|__fixtures__)/.*");

    /**
     * The folder that marks a file as a test's input ({@code lib/promscrape/testdata/prometheus.yml}: Go's
     * {@code testdata}, {@code test-data}, Jest's {@code __fixtures__}), or empty: tests read such files, nothing
     * deploys them.
     */
    public static java.util.Optional<String> testInputFolder(String path) {
        java.util.regex.Matcher m = TEST_INPUT.matcher(path);
        return m.matches() ? java.util.Optional.of(path.substring(0, m.end(1))) : java.util.Optional.empty();
    }

    public static boolean isPrometheusByName(String path) {
        return PROMETHEUS.matcher(name(path)).matches();
    }

    public static boolean isAlertmanagerByName(String path) {
        return ALERTMANAGER.matcher(name(path)).matches();
    }

    /** Prometheus rule files by their usual homes: {@code prometheus/rules/}, {@code *.rules.yml}, {@code alerts.yml}. */
    public static boolean isPrometheusRules(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String n = name(path);
        return isYaml(path) && (p.contains("prometheus/rules/") || p.contains("prometheus/alerts/")
                || n.endsWith(".rules.yml") || n.endsWith(".rules.yaml") || n.equals("alerts.yml")
                || n.equals("alerts.yaml") || n.equals("alert.rules.yml") || n.equals("recording_rules.yml"));
    }

    /** Grafana provisioning: {@code provisioning/datasources/*.yml}, {@code provisioning/dashboards/*.yml}, … */
    public static boolean isGrafanaProvisioning(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return isYaml(path) && (p.contains("provisioning/datasources/") || p.contains("provisioning/dashboards/")
                || p.contains("provisioning/notifiers/") || p.contains("provisioning/alerting/")
                || p.contains("provisioning/plugins/"));
    }

    /** CI systems' configuration: GitHub Actions, GitLab CI, CircleCI, Bitbucket, Azure, Travis, Drone, Woodpecker. */
    public static boolean isCi(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        String n = name(path);
        if (!isYaml(path)) {
            return false;
        }
        return p.startsWith(".github/workflows/") || p.startsWith(".github/actions/") && (n.equals("action.yml")
                || n.equals("action.yaml")) || p.equals(".gitlab-ci.yml") || p.startsWith(".gitlab/ci/")
                || p.equals(".circleci/config.yml") || p.equals("bitbucket-pipelines.yml")
                || p.equals("azure-pipelines.yml") || p.equals(".travis.yml") || p.equals(".drone.yml")
                || p.startsWith(".woodpecker/") || p.equals(".woodpecker.yml") || p.equals(".github/dependabot.yml");
    }

    public static boolean isGithubWorkflow(String path) {
        return isYaml(path) && path.toLowerCase(Locale.ROOT).startsWith(".github/workflows/");
    }

    public static boolean isGitlabCi(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.equals(".gitlab-ci.yml") || p.startsWith(".gitlab/ci/") && isYaml(path);
    }

    /** Any YAML file one of the audited tools loads as it is. */
    public static boolean isToolYaml(String path) {
        return isCompose(path) || isPrometheusByName(path) || isAlertmanagerByName(path) || isPrometheusRules(path)
                || isGrafanaProvisioning(path) || isCi(path) || name(path).equals(".samokoder.yml");
    }

    public static boolean isMarkdown(String path) {
        String n = name(path);
        return n.endsWith(".md") || n.endsWith(".markdown") || n.endsWith(".mdown") || n.endsWith(".mkd");
    }
}
