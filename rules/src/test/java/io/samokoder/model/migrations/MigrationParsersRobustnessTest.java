package io.samokoder.model.migrations;

import io.samokoder.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Seeded mutations of the real migration files of the fixtures (deleted, duplicated and inserted characters, stray
 * quotes, brackets, indentation, NULs) fed to every parser: none may throw, and each must finish quickly.
 */
class MigrationParsersRobustnessTest {

    private static final String NASTY = "'\"\\()[]{}:#\n\t \u0000\u00ff\ufffd$<>&;/*-=";

    private static List<String> samples(String... extensions) throws IOException {
        try (Stream<Path> s = Files.walk(Fixtures.root())) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e)))
                    .filter(p -> p.toString().contains("migration") || p.toString().contains("changelog")
                            || p.toString().contains("alembic"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            return "";
                        }
                    }).toList();
        }
    }

    private static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int edits = 1 + r.nextInt(8);
        for (int i = 0; i < edits && sb.length() > 0; i++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, NASTY.charAt(r.nextInt(NASTY.length())));
                case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + r.nextInt(40))));
                default -> sb.setLength(at);
            }
        }
        return sb.toString();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void pythonParserNeverThrows() throws IOException {
        List<String> modules = samples(".py");
        assertThat(modules).hasSizeGreaterThan(10);
        Random r = new Random(20261123);
        for (int round = 0; round < 3000; round++) {
            String text = mutate(modules.get(r.nextInt(modules.size())), r);
            assertThatCode(() -> {
                AlembicModule m = AlembicModule.parse("x.py", text);
                if (m.upgrade() != null && m.downgrade() != null) {
                    DowngradeAnalysis.unreversed(m.upgrade(), m.downgrade());
                    DowngradeAnalysis.unreversedData(m.upgrade(), m.downgrade());
                }
            }).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void xmlAndSqlCheckersNeverThrow() throws IOException {
        List<String> xml = samples(".xml");
        List<String> sql = samples(".sql");
        assertThat(xml).isNotEmpty();
        assertThat(sql).isNotEmpty();
        Random r = new Random(7);
        for (int round = 0; round < 1500; round++) {
            String x = mutate(xml.get(r.nextInt(xml.size())), r);
            assertThatCode(() -> XmlTree.parse(x)).as(x).doesNotThrowAnyException();
            String q = mutate(sql.get(r.nextInt(sql.size())), r);
            assertThatCode(() -> SqlLexCheck.check(q)).as(q).doesNotThrowAnyException();
        }
    }
}
