package io.samokoder.model.compose;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our resolved services, ports, environment values and bind mounts against {@code docker-compose config} (compose v1,
 * Debian package docker-compose, which needs no engine) on every compose project of every fixture that it accepts.
 * Compose v1 predates parts of the Compose specification ({@code include:}, {@code ${VAR:+x}}, nested defaults);
 * projects using them are rejected by it or kept out of the fixtures it accepts.
 */
class DockerComposeDifferentialTest {

    record Outcome(String project, String verdict) {
    }

    @Test
    void resolvedServicesPortsAndEnvironmentEqualDockerComposeConfig() throws IOException {
        Path tool = ExternalTools.require("docker-compose");
        List<Outcome> outcomes = new ArrayList<>();
        int compared = 0;
        for (Path original : Fixtures.all()) {
            Path fixture = withMissingEnvFiles(original, tool);
            AuditContext ctx = new AuditContext(Workspace.scan(fixture, List.of("/expected.json"), 1 << 20),
                    AuditConfig.forRoot(fixture));
            ComposeProject project = ComposeProject.of(ctx);
            for (ComposeStack stack : project.stacks()) {
                String name = original.getFileName() + "/" + stack.directory()
                        + (fixture.equals(original) ? "" : " (missing env_file created empty)");
                if (stack.defaultFiles().isEmpty() || !stack.files().equals(stack.defaultFiles())) {
                    outcomes.add(new Outcome(name, "skipped: not only default files"));
                    continue;
                }
                Path dir = stack.directory().isEmpty() ? fixture : fixture.resolve(stack.directory());
                List<String> cmd = new ArrayList<>(List.of(tool.toString()));
                for (String f : stack.defaultFiles()) {
                    cmd.add("-f");
                    cmd.add(fixture.resolve(f).toString());
                }
                cmd.add("config");
                Run run = run(cmd, dir);
                if (run.exit != 0) {
                    outcomes.add(new Outcome(name, "rejected by docker-compose: " + run.err.strip().lines().reduce((a, b) -> b).orElse("")));
                    continue;
                }
                compare(name, stack, YamlLoader.load("config", run.out), fixture);
                compared++;
                outcomes.add(new Outcome(name, "equal"));
            }
        }
        System.out.println(outcomes);
        for (Path original : Fixtures.all()) {
            deleteCopies(original);
        }
        assertThat(compared).as("compose projects docker-compose accepted and we compared: " + outcomes)
                .isGreaterThanOrEqualTo(2);
    }

    /**
     * Real projects gitignore the {@code .env} their services name in {@code env_file:}; docker-compose then refuses
     * the project. Such a fixture is compared on a copy where each missing env file exists and is empty (both tools
     * see the same tree). Other fixtures are used as they are.
     */
    private static final Map<Path, Path> COPIES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void deleteCopies(Path original) throws IOException {
        Path copy = COPIES.remove(original);
        if (copy != null) {
            try (var files = Files.walk(copy)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path withMissingEnvFiles(Path fixture, Path tool) throws IOException {
        Path copy = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Path dir = copy == null ? fixture : copy;
            List<String> cmd = new ArrayList<>(List.of(tool.toString(), "config", "-q"));
            if (!Files.isRegularFile(dir.resolve("docker-compose.yml")) && !Files.isRegularFile(dir.resolve("docker-compose.yaml"))) {
                return dir;
            }
            Run run = run(cmd, dir);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Couldn't find env file: (\\S+)").matcher(run.err);
            if (run.exit == 0 || !m.find()) {
                return dir;
            }
            if (copy == null) {
                copy = Files.createTempDirectory("dc-fixture");
                COPIES.put(fixture, copy);
                Path target = copy;
                try (var files = Files.walk(fixture)) {
                    for (Path p : files.toList()) {
                        Path to = target.resolve(fixture.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(p, to);
                        }
                    }
                }
                continue; // ask again in the copy, whose paths differ
            }
            Path missing = Path.of(m.group(1));
            if (!missing.startsWith(copy)) {
                return fixture;
            }
            Files.createDirectories(missing.getParent());
            Files.writeString(missing, "");
        }
        return copy == null ? fixture : copy;
    }

    private static void compare(String name, ComposeStack stack, YamlDocument theirs, Path fixture) {
        Map<String, Node> services = YamlDocument.mapping(theirs.rootMapping().get("services"));
        assertThat(new TreeSet<>(stack.services().keySet())).as(name + " services")
                .isEqualTo(new TreeSet<>(services.keySet()));
        for (ComposeService ours : stack.services().values()) {
            String where = name + " service " + ours.name();
            Map<String, Node> s = YamlDocument.mapping(services.get(ours.name()));
            assertThat(ours.image().map(ComposeValue::value)).as(where + " image")
                    .isEqualTo(YamlDocument.scalar(s.get("image")).map(DockerComposeDifferentialTest::unescape));
            TreeSet<String> ourPorts = new TreeSet<>();
            ours.ports().forEach(p -> ourPorts.add(port(p)));
            TreeSet<String> theirPorts = new TreeSet<>();
            for (Node p : YamlDocument.sequence(s.get("ports"))) {
                theirPorts.add(theirPort(p));
            }
            assertThat(ourPorts).as(where + " ports").isEqualTo(theirPorts);
            TreeSet<String> ourExpose = new TreeSet<>();
            ours.expose().forEach(p -> ourExpose.add(p.targetStart() + "-" + p.targetEnd() + "/" + p.protocol()));
            TreeSet<String> theirExpose = new TreeSet<>();
            for (Node p : YamlDocument.sequence(s.get("expose"))) {
                String t = YamlDocument.scalar(p).orElse("");
                String proto = t.contains("/") ? t.substring(t.indexOf('/') + 1) : "tcp";
                String range = t.contains("/") ? t.substring(0, t.indexOf('/')) : t;
                theirExpose.add((range.contains("-") ? range : range + "-" + range) + "/" + proto);
            }
            assertThat(ourExpose).as(where + " expose").isEqualTo(theirExpose);
            Map<String, String> ourEnv = new TreeMap<>();
            ours.environment().forEach((k, v) -> v.value().ifPresent(x -> ourEnv.put(k, x.value())));
            Map<String, String> theirEnv = new TreeMap<>();
            YamlDocument.mapping(s.get("environment")).forEach((k, v) -> {
                if (v instanceof ScalarNode && !YamlDocument.isNull(v)) {
                    theirEnv.put(unescape(k), unescape(((ScalarNode) v).getValue()));
                }
            });
            if (ours.envFiles().isEmpty()) {
                assertThat(ourEnv).as(where + " environment").isEqualTo(theirEnv);
            } else {
                // docker-compose config also folds the env_file's variables in
                assertThat(theirEnv).as(where + " environment (with env_file)").containsAllEntriesOf(ourEnv);
            }
            TreeSet<String> ourBinds = new TreeSet<>();
            ours.volumes().stream().filter(m -> m.isBind() && m.repositoryPath().isPresent())
                    .forEach(m -> ourBinds.add(m.repositoryPath().get() + ":" + m.target()));
            TreeSet<String> theirBinds = new TreeSet<>();
            String root = fixture.toAbsolutePath().normalize() + "/";
            for (Node v : YamlDocument.sequence(s.get("volumes"))) {
                String text = YamlDocument.scalar(v).orElseGet(() -> YamlDocument.scalar(YamlDocument.mapping(v).get("source")).orElse("")
                        + ":" + YamlDocument.scalar(YamlDocument.mapping(v).get("target")).orElse(""));
                if (text.startsWith(root)) {
                    String[] parts = text.substring(root.length()).split(":");
                    theirBinds.add(parts[0] + ":" + parts[1]);
                }
            }
            assertThat(ourBinds).as(where + " bind mounts of the repository").isEqualTo(theirBinds);
        }
    }

    private static String port(PortMapping p) {
        return p.hostIp() + "|" + p.publishedStart() + "-" + p.publishedEnd() + "|" + p.targetStart() + "-"
                + p.targetEnd() + "|" + p.protocol();
    }

    private static String theirPort(Node n) {
        if (n instanceof MappingNode) {
            Map<String, Node> m = YamlDocument.mapping(n);
            String target = YamlDocument.scalar(m.get("target")).orElse("0");
            String published = YamlDocument.scalar(m.get("published")).orElse("");
            String[] pr = published.isEmpty() ? new String[]{"0", "0"} : published.contains("-")
                    ? published.split("-") : new String[]{published, published};
            return YamlDocument.scalar(m.get("host_ip")).orElse("") + "|" + pr[0] + "-" + pr[1] + "|" + target + "-"
                    + target + "|" + YamlDocument.scalar(m.get("protocol")).orElse("tcp");
        }
        String text = YamlDocument.scalar(n).orElse("");
        PortMapping p = PortParser.parseShort(ComposeValue.literal(text, new io.samokoder.model.Location("", 0, 0)), text);
        return port(p);
    }

    /** docker-compose config escapes {@code $} as {@code $$} in its output. */
    private static String unescape(String s) {
        return s.replace("$$", "$");
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs with a minimal environment so that the shell's variables cannot leak into interpolation. */
    private static Run run(List<String> cmd, Path dir) throws IOException {
        Path out = Files.createTempFile("dc-out", ".yml");
        Path err = Files.createTempFile("dc-err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(cmd + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

}
