package io.samokoder.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepoGeneratorTest {

    @TempDir
    Path tmp;

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void exactFileCountAndSameBytesForTheSameSeed() throws IOException {
        RepoGenerator.Manifest a = new RepoGenerator(7, 737, 4096).generate(tmp.resolve("a"));
        RepoGenerator.Manifest b = new RepoGenerator(7, 737, 4096).generate(tmp.resolve("b"));
        Map<String, byte[]> sa = snapshot(tmp.resolve("a"));
        Map<String, byte[]> sb = snapshot(tmp.resolve("b"));
        assertThat(sa).hasSize(737);
        assertThat(a.files()).isEqualTo(737);
        assertThat(sa.keySet()).isEqualTo(sb.keySet());
        sa.forEach((path, bytes) -> assertThat(sb.get(path)).as(path).isEqualTo(bytes));
        assertThat(RepoGenerator.toJson(a)).isEqualTo(RepoGenerator.toJson(b));
        long total = sa.values().stream().mapToLong(x -> x.length).sum();
        assertThat(a.bytes()).isEqualTo(total);
        // mean size within 25% of the requested one
        assertThat(total / 737.0).isBetween(4096 * 0.75, 4096 * 1.25);
    }

    @Test
    void anotherSeedGivesAnotherTree() throws IOException {
        new RepoGenerator(1, 200, 2048).generate(tmp.resolve("a"));
        new RepoGenerator(2, 200, 2048).generate(tmp.resolve("b"));
        Map<String, byte[]> sa = snapshot(tmp.resolve("a"));
        Map<String, byte[]> sb = snapshot(tmp.resolve("b"));
        long differing = sa.keySet().stream().filter(p -> !java.util.Arrays.equals(sa.get(p), sb.get(p))).count();
        assertThat(differing).isGreaterThan(100);
    }

    @Test
    void realisticMix() throws IOException {
        Path root = tmp.resolve("r");
        RepoGenerator.Manifest m = new RepoGenerator(42, 1000, 4096).generate(root);
        Map<String, byte[]> files = snapshot(root);
        assertThat(files.keySet()).contains("README.md", ".gitignore", "docker-compose.yml", "docs/index.md",
                ".github/workflows/ci.yml");
        assertThat(files.keySet().stream().filter(p -> p.endsWith("/docker-compose.yml")).count()).isEqualTo(10);
        assertThat(files.keySet().stream().filter(p -> p.endsWith("monitoring/prometheus.yml")).count()).isEqualTo(10);
        assertThat(files.keySet().stream().filter(p -> p.endsWith("monitoring/alertmanager.yml")).count()).isEqualTo(10);
        assertThat(files.keySet().stream().filter(p -> p.contains("/migrations/versions/")).count())
                .isEqualTo(m.alembicRevisions()).isGreaterThan(30);
        assertThat(m.markdownFiles()).isGreaterThan(80);
        for (String lang : List.of(".py", ".java", ".js")) {
            assertThat(files.keySet().stream().filter(p -> p.endsWith(lang)).count()).as(lang).isGreaterThan(100);
        }
        // Alembic chains: every down_revision names a revision of the same service
        Pattern rev = Pattern.compile("(?m)^revision = '([0-9a-f]{12})'");
        Pattern down = Pattern.compile("(?m)^down_revision = (None|'([0-9a-f]{12})')");
        Set<String> revisions = new HashSet<>();
        List<String> downs = new ArrayList<>();
        files.forEach((p, bytes) -> {
            if (p.contains("/migrations/versions/")) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                Matcher r = rev.matcher(text);
                assertThat(r.find()).as(p).isTrue();
                revisions.add(r.group(1));
                Matcher d = down.matcher(text);
                assertThat(d.find()).as(p).isTrue();
                if (d.group(2) != null) {
                    downs.add(d.group(2));
                }
            }
        });
        assertThat(revisions).containsAll(downs);
        assertThat(downs).hasSize(revisions.size() - 10); // one base per service
    }

    @Test
    void manifestListsEveryPlantedSecretAtItsLine() throws IOException {
        Path root = tmp.resolve("s");
        RepoGenerator.Manifest m = new RepoGenerator(42, 2000, 4096).generate(root);
        assertThat(m.secrets()).hasSizeGreaterThan(20);
        Map<String, Pattern> shapes = Map.of(
                "aws-access-key-id", Pattern.compile("AKIA[A-Z2-7]{16}"),
                "github-pat", Pattern.compile("ghp_[A-Za-z0-9]{36}"),
                "slack-token", Pattern.compile("xoxb-[0-9]{12}-[0-9]{13}-[A-Za-z0-9]{24}"),
                "npm-access-token", Pattern.compile("npm_[A-Za-z0-9]{36}"),
                "private-key", Pattern.compile("-----BEGIN RSA PRIVATE KEY-----"));
        assertThat(m.secrets().stream().map(RepoGenerator.Planted::kind).distinct()).containsExactlyInAnyOrderElementsOf(
                shapes.keySet());
        for (RepoGenerator.Planted p : m.secrets()) {
            List<String> lines = Files.readAllLines(root.resolve(p.path()));
            assertThat(shapes.get(p.kind()).matcher(lines.get(p.line() - 1)).find()).as(p.toString()).isTrue();
        }
        // and nothing token-shaped anywhere else: the count is exact
        long found = 0;
        for (Map.Entry<String, byte[]> e : snapshot(root).entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            for (Pattern shape : shapes.values()) {
                Matcher matcher = shape.matcher(text);
                while (matcher.find()) {
                    found++;
                }
            }
        }
        assertThat(found).isEqualTo(m.secrets().size());
    }

    @Test
    void everyRelativeMarkdownLinkResolvesExceptThePlantedBrokenOnes() throws IOException {
        Path root = tmp.resolve("d");
        RepoGenerator.Manifest m = new RepoGenerator(3, 3000, 2048).generate(root);
        Pattern link = Pattern.compile("\\]\\(([^)#]*)(?:#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (String path : snapshot(root).keySet()) {
            if (!path.endsWith(".md")) {
                continue;
            }
            List<String> lines = Files.readAllLines(root.resolve(path));
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = link.matcher(lines.get(i));
                while (matcher.find()) {
                    String target = matcher.group(1);
                    if (target.isEmpty()) {
                        continue;
                    }
                    checked++;
                    if (!Files.exists(root.resolve(path).resolveSibling(target).normalize())) {
                        broken.add(path + ":" + (i + 1) + ":" + target);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(broken).containsExactlyInAnyOrderElementsOf(m.brokenLinks().stream()
                .map(b -> b.path() + ":" + b.line() + ":" + b.target()).toList());
        assertThat(broken).isNotEmpty();
    }

    @Test
    void refusesANonEmptyFolder() throws IOException {
        Files.writeString(tmp.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> new RepoGenerator(1, 10, 1024).generate(tmp)).hasMessageContaining("not empty");
    }

    @Test
    void tinyTreesStillWork() throws IOException {
        for (int n : new int[] {1, 5, 6, 14, 105}) {
            Path root = tmp.resolve("t" + n);
            new RepoGenerator(1, n, 1024).generate(root);
            assertThat(snapshot(root)).as("files=" + n).hasSize(n);
        }
    }
}
