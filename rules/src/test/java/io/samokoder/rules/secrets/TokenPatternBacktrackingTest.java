package io.samokoder.rules.secrets;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catastrophic backtracking: every built-in token pattern scans a 1 MB line of near-matches (its keywords repeated,
 * followed by runs of token characters that stop one short or turn invalid, random token-alphabet noise seeded with
 * keywords) in under a second, alone in a catalog so the time is its own. Limit: {@code samokoder.regex.limitMillis}
 * (default 1000) of the scanning thread's CPU time, so that a machine shared with other builds does not fail the test;
 * catastrophic backtracking costs minutes of CPU, not seconds.
 */
class TokenPatternBacktrackingTest {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static long cpuMillis() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    static final int MB = 1 << 20;
    static final long LIMIT = Long.getLong("samokoder.regex.limitMillis", 1000);
    static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Repeats {@code unit(i)} until the line holds 1 MB; no line breaks. */
    static String line(Function<Integer, String> unit) {
        StringBuilder sb = new StringBuilder(MB + 512);
        for (int i = 0; sb.length() < MB; i++) {
            sb.append(unit.apply(i));
        }
        return sb.toString();
    }

    static List<String> nearMatches(TokenPattern p) {
        List<String> kws = new ArrayList<>();
        for (String k : p.keywords()) {
            kws.add(k);
            kws.add(k.toUpperCase(Locale.ROOT));
        }
        SplittableRandom r = new SplittableRandom(p.id().hashCode());
        List<String> lines = new ArrayList<>();
        lines.add(line(i -> kws.get(i % kws.size())));
        lines.add(kws.get(0) + line(i -> String.valueOf(TOKEN_CHARS.charAt(i % TOKEN_CHARS.length()))));
        for (int len : new int[] {39}) {
            lines.add(line(i -> kws.get(i % kws.size()) + TOKEN_CHARS.substring(0, len % 62) + "!"));
        }
        lines.add(line(i -> kws.get(i % kws.size()) + "-" + "1234567890".repeat(2) + "-"));
        if (p.id().startsWith("aws")) {
            lines.add(line(i -> "aws_secret_access_key = \"" + "Ab1/".repeat(9) + "xyz\" "));
        }
        if (p.id().contains("url") || p.id().contains("password")) {
            lines.add(line(i -> "https://user:" + "p".repeat(i % 50) + "@" + kws.get(i % kws.size())));
        }
        lines.add(line(i -> {
            StringBuilder sb = new StringBuilder(kws.get(r.nextInt(kws.size())));
            String alphabet = TOKEN_CHARS + "_-./+=:\"' ";
            for (int j = r.nextInt(60); j > 0; j--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return sb.toString();
        }));
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltInPatternScansAMegabyteOfNearMatchesInUnderASecond() {
        TokenCatalog empty = TokenCatalog.fromYaml("patterns: []");
        return TokenCatalog.builtIn().patterns().stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            TokenCatalog one = TokenCatalog.extend(empty, List.of(p));
            one.scan("warm up " + p.keywords().get(0) + " " + TOKEN_CHARS); // JIT and class loading out of the timing
            int variant = 0;
            for (String line : nearMatches(p)) {
                long start = cpuMillis();
                one.scan(line);
                long millis = cpuMillis() - start;
                assertThat(millis).as("%s on near-match line #%d (%d chars)", p.id(), variant, line.length())
                        .isLessThan(LIMIT);
                variant++;
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theWholeTableScansAMegabyteOfMixedNearMatchesInUnderASecond() {
        StringBuilder mixed = new StringBuilder();
        for (TokenPattern p : TokenCatalog.builtIn().patterns()) {
            for (String k : p.keywords()) {
                mixed.append(k).append(TOKEN_CHARS, 0, 30).append(' ');
            }
        }
        String unit = mixed.toString();
        String line = line(i -> unit);
        return Stream.of(DynamicTest.dynamicTest("all patterns", () -> {
            TokenCatalog.builtIn().scan(unit);
            long start = cpuMillis();
            TokenCatalog.builtIn().scan(line);
            assertThat(cpuMillis() - start).isLessThan(LIMIT);
        }));
    }
}
