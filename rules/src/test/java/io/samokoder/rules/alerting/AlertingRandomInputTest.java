package io.samokoder.rules.alerting;

import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.Finding;
import io.samokoder.engine.yaml.YamlLoader;
import io.samokoder.fixtures.Fixtures;
import io.samokoder.model.render.RenderCommands;
import io.samokoder.model.placeholders.Placeholder;
import io.samokoder.model.placeholders.PlaceholderScanner;
import io.samokoder.model.placeholders.YamlPlaceholders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded random input: the scanners and the rules never throw, never hang, and stay within their input. */
class AlertingRandomInputTest {

    private static final String ALPHABET = "${}:-?+=_AZaz09 \n\t'\"\\|&;<>#/.@*[](),!`{{}}$$";

    @TempDir
    Path repo;

    private static String random(Random rnd, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void scannersOnRandomText() {
        Random rnd = new Random(20261123L);
        for (int round = 0; round < 1_500; round++) {
            String text = random(rnd, rnd.nextInt(400));
            for (Placeholder p : PlaceholderScanner.scan(text)) {
                assertThat(p.start()).isGreaterThanOrEqualTo(0).isLessThan(p.end());
                assertThat(p.end()).isLessThanOrEqualTo(text.length());
                assertThat(text.charAt(p.start())).isEqualTo('$');
                assertThat(p.name()).matches("[A-Za-z_][A-Za-z0-9_]*");
            }
            assertThat(RenderCommands.find(text)).allSatisfy(s -> {
                assertThat(s.input()).isNotNull();
                assertThat(s.output()).isNotNull();
            });
            List<YamlPlaceholders.Site> sites = YamlPlaceholders.scan(null, text, YamlLoader.load("r.yml", text));
            assertThat(sites).allSatisfy(s -> assertThat(s.line()).isBetween(1, text.split("\n", -1).length + 1));
        }
    }

    @Test
    void rulesOnMutatedSeedConfigs() throws IOException {
        String seed = Files.readString(Fixtures.dir("alerting-seed").resolve("monitoring/alertmanager/alertmanager.yml"),
                StandardCharsets.UTF_8);
        String compose = Files.readString(Fixtures.dir("alerting-fixed").resolve("docker-compose.yml"),
                StandardCharsets.UTF_8);
        Random rnd = new Random(42L);
        Files.createDirectories(repo.resolve("monitoring/alertmanager"));
        for (int round = 0; round < 40; round++) {
            // getBytes, not writeString: a mutation may split a surrogate pair, which becomes '?' (still hostile input)
            Files.write(repo.resolve("monitoring/alertmanager/alertmanager.yml"),
                    mutate(seed, rnd).getBytes(StandardCharsets.UTF_8));
            Files.write(repo.resolve("monitoring/alertmanager/alertmanager.yml.tmpl"),
                    mutate(seed, rnd).getBytes(StandardCharsets.UTF_8));
            Files.write(repo.resolve("docker-compose.yml"), mutate(compose, rnd).getBytes(StandardCharsets.UTF_8));
            List<Finding> findings = new Auditor().run(AuditConfig.forRoot(repo)).active();
            assertThat(findings).as("round %d", round).noneMatch(f -> f.ruleId().equals("config/check-failed"));
        }
    }

    /** Deletes, duplicates or inserts a few random slices. */
    private static String mutate(String text, Random rnd) {
        StringBuilder sb = new StringBuilder(text);
        int edits = 1 + rnd.nextInt(6);
        for (int i = 0; i < edits && sb.length() > 2; i++) {
            int at = rnd.nextInt(sb.length());
            int len = Math.min(sb.length() - at, rnd.nextInt(40));
            switch (rnd.nextInt(3)) {
                case 0 -> sb.delete(at, at + len);
                case 1 -> sb.insert(at, sb.substring(at, at + len));
                default -> sb.insert(at, random(rnd, len));
            }
        }
        return sb.toString();
    }
}
