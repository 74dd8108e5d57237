package io.samokoder.model.markdown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.samokoder.testing.ExternalTools;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GithubSluggerTest {

    @Test
    void emojiIsRemovedAndItsSpaceBecomesALeadingDash() {
        assertThat(GithubSlugger.slugOf("📊 Мониторинг")).isEqualTo("-мониторинг");
        assertThat(GithubSlugger.slugOf("🚀 Samokoder — AI-платформа")).isEqualTo("-samokoder--ai-платформа");
    }

    @Test
    void lettersOfEveryScriptAreKeptAndLowercased() {
        assertThat(GithubSlugger.slugOf("Развёртывание")).isEqualTo("развёртывание");
        assertThat(GithubSlugger.slugOf("日本語 見出し")).isEqualTo("日本語-見出し");
        assertThat(GithubSlugger.slugOf("Ελληνικά Σ")).isEqualTo("ελληνικά-σ");
    }

    @Test
    void punctuationAndSymbolsAreRemovedButHyphenAndUnderscoreKept() {
        assertThat(GithubSlugger.slugOf("Hello, World!")).isEqualTo("hello-world");
        assertThat(GithubSlugger.slugOf("C++ & Java (2024)")).isEqualTo("c--java-2024");
        assertThat(GithubSlugger.slugOf("my_var-name")).isEqualTo("my_var-name");
        assertThat(GithubSlugger.slugOf("x²")).isEqualTo("x"); // Other_Number
        assertThat(GithubSlugger.slugOf("Ⅻ")).isEqualTo("ⅻ"); // Letter_Number stays
    }

    @Test
    void onlyTheAsciiSpaceBecomesADashOtherWhitespaceIsRemovedAndNothingIsTrimmed() {
        assertThat(GithubSlugger.slugOf("a\tb")).isEqualTo("ab");
        assertThat(GithubSlugger.slugOf("a\u00a0b")).isEqualTo("ab");
        assertThat(GithubSlugger.slugOf(" a ")).isEqualTo("-a-");
    }

    @Test
    void variationSelectorIsAMarkAndStaysInTheSlugAsOnGitHub() {
        // ⚠️ is U+26A0 U+FE0F: the symbol goes, the variation selector (a nonspacing mark) stays
        assertThat(GithubSlugger.slugOf("⚠️ Внимание")).isEqualTo("\uFE0F-внимание");
        assertThat(GithubSlugger.slugOf("⚠ Внимание")).isEqualTo("-внимание");
        // the zero-width joiner of a family emoji is a format character: removed
        assertThat(GithubSlugger.slugOf("👨\u200D👩\u200D👧 Семья")).isEqualTo("-семья");
    }

    @Test
    void duplicatesAreNumberedLikeGithubSlugger() {
        GithubSlugger s = new GithubSlugger();
        assertThat(List.of(s.slug("Foo"), s.slug("foo"), s.slug("Foo-1"), s.slug("foo"), s.slug("")))
                .containsExactly("foo", "foo-1", "foo-1-1", "foo-2", "");
        assertThat(s.slug("")).isEqualTo("-1");
    }

    /** Every code point classified as github-slugger's generated regex does, and sample strings slugged alike. */
    @Test
    void agreesWithGithubSluggerOnEveryCodePoint() throws Exception {
        ExternalTools.requireNpm("remark");
        ExternalTools.require("node");
        Path root = ExternalTools.repoRoot().resolve("tools/node");
        Path script = Files.createTempFile("slugger", ".mjs");
        List<String> samples = List.of("📊 Мониторинг", "⚠️ Внимание", "Hello, World!", "C++ & Java (2024)", "İstanbul",
                "ΣΊΣΥΦΟΣ", "a\tb", "x²", "Ⅻ", "日本語 見出し", "👨\u200D👩\u200D👧 Семья", "foo_bar-baz", "Straße", "ǅ");
        ObjectMapper json = new ObjectMapper();
        Files.writeString(script, """
                import {regex} from '%s/node_modules/github-slugger/regex.js';
                import GithubSlugger from '%s/node_modules/github-slugger/index.js';
                const re = new RegExp(regex.source, '');
                const removed = [];
                let start = -1;
                for (let cp = 0; cp <= 0x110000; cp++) {
                  const isSurrogate = cp >= 0xD800 && cp <= 0xDFFF;
                  const r = cp < 0x110000 && !isSurrogate && re.test(String.fromCodePoint(cp));
                  if (r && start < 0) start = cp;
                  if (!r && start >= 0) { removed.push([start, cp - 1]); start = -1; }
                }
                const s = new GithubSlugger();
                const samples = %s;
                console.log(JSON.stringify({removed, slugs: samples.map(x => s.slug(x))}));
                """.formatted(root, root, json.writeValueAsString(samples)));
        ExternalTools.Result r = ExternalTools.run(List.of("node", script.toString()), root, Duration.ofMinutes(2));
        Files.deleteIfExists(script);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode out = json.readTree(r.stdout());

        List<String> expected = new ArrayList<>();
        out.path("removed").forEach(n -> expected.add(n.get(0).asInt() + "-" + n.get(1).asInt()));
        List<String> actual = new ArrayList<>();
        int start = -1;
        for (int cp = 0; cp <= 0x110000; cp++) {
            boolean surrogate = cp >= 0xD800 && cp <= 0xDFFF;
            boolean removed = cp < 0x110000 && !surrogate && GithubSlugger.removed(cp);
            if (removed && start < 0) {
                start = cp;
            }
            if (!removed && start >= 0) {
                actual.add(start + "-" + (cp - 1));
                start = -1;
            }
        }
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);

        GithubSlugger s = new GithubSlugger();
        List<String> slugs = new ArrayList<>();
        samples.forEach(x -> slugs.add(s.slug(x)));
        List<String> nodeSlugs = new ArrayList<>();
        out.path("slugs").forEach(n -> nodeSlugs.add(n.asText()));
        assertThat(slugs).isEqualTo(nodeSlugs);
    }
}
