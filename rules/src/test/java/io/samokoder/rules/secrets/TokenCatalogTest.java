package io.samokoder.rules.secrets;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCatalogTest {

    private final TokenCatalog catalog = TokenCatalog.builtIn();

    @Test
    void tableHoldsAtLeastThirtyFormatsIncludingTheRequiredProviders() {
        List<String> ids = catalog.patterns().stream().map(TokenPattern::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
        assertThat(ids).contains("telegram-bot-token", "aws-access-key-id", "aws-secret-access-key", "github-pat",
                "github-oauth-token", "github-app-token", "github-fine-grained-pat", "gitlab-pat", "slack-token",
                "slack-webhook", "openai-api-key", "anthropic-api-key", "google-api-key", "stripe-secret-key",
                "sendgrid-api-key", "twilio-api-key", "yandex-cloud-api-key", "yandex-cloud-iam-token", "npm-access-token",
                "pypi-upload-token", "dockerhub-pat", "private-key", "jwt");
    }

    @Test
    void everyPatternFindsItsSampleAndOnlyWithItsOwnId() {
        Map<String, String> samples = new TokenSamples(42).lines();
        assertThat(samples.keySet()).as("every built-in pattern has a sample")
                .containsExactlyInAnyOrderElementsOf(catalog.patterns().stream().map(TokenPattern::id).toList());
        for (Map.Entry<String, String> e : samples.entrySet()) {
            String text = "# config\n" + e.getValue() + "\n# end\n";
            List<TokenCatalog.Match> found = catalog.scan(text);
            assertThat(found).as(e.getKey()).extracting(m -> m.pattern().id()).containsExactly(e.getKey());
            assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo(found.get(0).secret());
        }
    }

    @Test
    void samplesFromManySeedsAreAllFound() {
        for (long seed = 1; seed <= 20; seed++) {
            for (Map.Entry<String, String> e : new TokenSamples(seed).lines().entrySet()) {
                assertThat(catalog.scan(e.getValue())).as(e.getKey() + " seed " + seed).isNotEmpty();
                // the same from the bytes the secrets pass reads, in a buffer longer than the text
                byte[] read = (e.getValue() + "\nghp_sk-AKIA").getBytes(StandardCharsets.US_ASCII);
                assertThat(catalog.scan(e.getValue(), read)).usingRecursiveFieldByFieldElementComparator()
                        .isEqualTo(catalog.scan(e.getValue()));
            }
        }
    }

    @Test
    void documentationPlaceholdersAndLowEntropyValuesAreNotTokens() {
        String text = String.join("\n",
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "GITHUB_TOKEN=ghp_000000000000000000000000000000000000",
                "OPENAI_API_KEY=sk-...",
                "OPENAI_API_KEY=sk-your-key-here",
                "bot: 123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "postgresql://user:password@localhost:5432/db",
                "postgresql://user:${DB_PASSWORD}@localhost:5432/db",
                "if line.startswith('-----BEGIN RSA PRIVATE KEY-----'):",
                "task-1234 disk-5678 ask-me");
        assertThat(catalog.scan(text)).isEmpty();
    }

    @Test
    void tokensInsideLongerWordsAreNotReported() {
        TokenSamples s = new TokenSamples(42);
        String glued = "xghp_" + s.r(TokenSamples.ALNUM, 36) + " AKIA" + s.r(TokenSamples.UPPER, 17);
        assertThat(catalog.scan(glued)).isEmpty();
    }

    /**
     * Catastrophic backtracking on a megabyte line takes hours; a linear scan, well under a second. The limit is a
     * hang guard far above the second, so that a loaded machine cannot fail it; the speed is measured by
     * {@code SecretsBenchmark}.
     */
    private static final Duration HANG = Duration.ofSeconds(30);

    @Test
    void aMegabyteLineOfNearMatchesNeverHangsAnyPattern() {
        Random random = new Random(1);
        for (TokenPattern p : catalog.patterns()) {
            for (String keyword : p.keywords().subList(0, 1)) {
                for (String filler : List.of(TokenSamples.URLSAFE + ".:/=", "0123456789")) {
                    StringBuilder line = new StringBuilder(1 << 20);
                    while (line.length() < 1 << 20) {
                        line.append(keyword.toUpperCase()).append(keyword);
                        int n = 1 + random.nextInt(30);
                        for (int i = 0; i < n; i++) {
                            line.append(filler.charAt(random.nextInt(filler.length())));
                        }
                    }
                    assertTimeoutPreemptively(HANG, () -> catalog.scan(line),
                            () -> p.id() + " keyword " + keyword + " on a 1 MB line of near-matches");
                }
            }
        }
    }

    @Test
    void aMegabyteOfEveryKeywordRepeatedNeverHangs() {
        StringBuilder line = new StringBuilder(1 << 20);
        List<String> keywords = catalog.patterns().stream().flatMap(p -> p.keywords().stream()).toList();
        int i = 0;
        while (line.length() < 1 << 20) {
            line.append(keywords.get(i++ % keywords.size())).append("eyJ").append("-----BEGIN ");
        }
        assertTimeoutPreemptively(HANG, () -> catalog.scan(line));
    }

    @Test
    void userTableAddsReplacesAndDisablesEntries() {
        List<TokenPattern> user = TokenCatalog.parse("""
                patterns:
                  - id: acme-api-key
                    description: ACME API key
                    regex: '(?<![A-Za-z0-9])(acme_[A-Za-z0-9]{24})(?![A-Za-z0-9])'
                    keywords: [acme_]
                    entropy: 3.0
                  - id: jwt
                    enabled: false
                """, "test");
        TokenCatalog extended = TokenCatalog.extend(catalog, user);
        TokenSamples s = new TokenSamples(3);
        String acme = "ACME=acme_" + s.r(TokenSamples.ALNUM, 24);
        String jwt = new TokenSamples(3).lines().get("jwt");
        assertThat(extended.scan(acme)).extracting(m -> m.pattern().id()).containsExactly("acme-api-key");
        assertThat(extended.scan(jwt)).isEmpty();
        assertThat(catalog.scan(jwt)).isNotEmpty();
        assertThat(extended.patterns()).hasSize(catalog.patterns().size());
    }

    @Test
    void aRequiredLiteralGatesTheRegexAndOnlyBeforeTheNextWhitespace() {
        List<TokenPattern> user = TokenCatalog.parse("""
                patterns:
                  - id: url-password
                    regex: '://([^:@/ ]{1,100}+):([^@/ ]{4,200}+)@[a-z]'
                    keywords: ['://']
                    anchor: start
                    requires: '@'
                  - id: acme-pair
                    regex: '(acme:[A-Za-z0-9]{20})'
                    keywords: ['acme:']
                    anchor: start
                    requires: '#='
                """, "test");
        TokenCatalog gated = TokenCatalog.extend(TokenCatalog.builtIn(), user);
        String password = new TokenSamples(5).r(TokenSamples.ALNUM, 20);
        assertThat(gated.scan("DATABASE_URL=postgresql://app:" + password + "@db/app"))
                .extracting(m -> m.pattern().id()).containsExactly("url-password");
        // the built-in table declares the same gate for the same format
        assertThat(catalog.scan("DATABASE_URL=postgresql://app:" + password + "@db/app"))
                .extracting(TokenCatalog.Match::secret).containsExactly(password);
        // a multi-character literal: all of it, after the keyword and before a space
        String key = new TokenSamples(6).r(TokenSamples.ALNUM, 20);
        assertThat(gated.scan("x acme:" + key + "#= y")).extracting(m -> m.pattern().id()).containsExactly("acme-pair");
        assertThat(gated.scan("x acme:" + key + "#- y#=")).isEmpty(); // the regex would match: the gate says no
        assertThat(gated.scan("x acme:" + key + " #=")).isEmpty();

        // hits in order: the literal, a space, the window, a literal past a space, a later literal
        TokenCatalog.Gate gate = new TokenCatalog.Gate("@");
        String text = "://app:pw@db ://a\tb@ ://xy@z ://q";
        assertThat(gate.opens(text, 3, 12)).isTrue();
        assertThat(gate.opens(text, 16, 40)).as("a tab before the literal").isFalse();
        assertThat(gate.opens(text, 25, 26)).as("past the window").isFalse();
        assertThat(gate.opens(text, 25, 40)).isTrue();
        assertThat(gate.opens(text, 33, 40)).as("none left").isFalse();
        TokenCatalog.Gate secret = new TokenCatalog.Gate("secret");
        assertThat(secret.opens("aws_SECRET_access_key=x", 3, 23)).as("ignoring case").isTrue();
        assertThat(new TokenCatalog.Gate("secret").opens("aws_secre t", 3, 11)).isFalse();
        // the built-in AWS secret format declares 'secret': found in either case, and not tried past a space
        String awsSecret = new TokenSamples(8).r(TokenSamples.BASE64, 40);
        assertThat(catalog.scan("AWS_Secret_Access_Key = " + awsSecret)).extracting(TokenCatalog.Match::secret)
                .containsExactly(awsSecret);
        assertThat(catalog.scan("aws credentials: secret = " + awsSecret)).isEmpty();
        assertThatThrownBy(() -> TokenCatalog.parse(
                "patterns:\n  - id: w\n    regex: 'x'\n    keywords: [x]\n    requires: '@'\n", "t"))
                .hasMessageContaining("w").hasMessageContaining("anchor: start");
        assertThatThrownBy(() -> TokenCatalog.parse("patterns:\n  - id: s\n    regex: 'x'\n    keywords: [x]\n"
                + "    anchor: start\n    requires: 'a b'\n", "t")).hasMessageContaining("without whitespace");
    }

    @Test
    void theGateOverBytesAnswersAsTheGateOverCharacters() {
        Random random = new Random(11);
        String pieces = "://ab@cd SECRET\tsecreT x@@ ";
        for (String literal : List.of("@", "secret", "#=")) {
            for (int round = 0; round < 300; round++) {
                int length = 1 + random.nextInt(120);
                StringBuilder sb = new StringBuilder();
                while (sb.length() < length) {
                    int from = random.nextInt(pieces.length());
                    sb.append(pieces, from, Math.min(pieces.length(), from + 1 + random.nextInt(6)));
                }
                String text = sb.substring(0, length);
                // a buffer longer than the text, its tail from an earlier file
                byte[] bytes = (text + "@secret#= ").getBytes(StandardCharsets.US_ASCII);
                TokenCatalog.Gate chars = new TokenCatalog.Gate(literal);
                TokenCatalog.Gate ascii = new TokenCatalog.Gate(literal);
                int from = 0;
                while (true) { // hits in order, as the scan gives them
                    from += random.nextInt(8);
                    if (from > length) {
                        break;
                    }
                    int limit = Math.min(length, from + random.nextInt(40));
                    assertThat(ascii.opens(text, bytes, length, from, limit))
                            .as("'%s' in '%s' from %d to %d", literal, text, from, limit)
                            .isEqualTo(chars.opens(text, from, limit));
                }
            }
        }
        // a literal outside ASCII (a user's) takes the character test, which folds case beyond ASCII
        String kelvin = "\u212A";
        assertThat(new TokenCatalog.Gate(kelvin).opens("ak b", "ak b".getBytes(StandardCharsets.US_ASCII), 4, 0, 4))
                .isEqualTo(new TokenCatalog.Gate(kelvin).opens("ak b", 0, 4));
        // and whole scans: the built-in gates over bytes find what they find over characters
        String password = new TokenSamples(5).r(TokenSamples.ALNUM, 20);
        String awsSecret = new TokenSamples(8).r(TokenSamples.BASE64, 40);
        for (String text : List.of("DATABASE_URL=postgresql://app:" + password + "@db/app",
                "x https://example.com/a b@c postgresql://u:" + password + "@h", "AWS_Secret_Access_Key = " + awsSecret,
                "aws credentials: secret = " + awsSecret)) {
            byte[] read = (text + " ://x:yyyyyy@z").getBytes(StandardCharsets.US_ASCII);
            assertThat(catalog.scan(text, read)).as(text).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(catalog.scan(text));
        }
    }

    @Test
    void malformedUserTablesAreRejectedWithTheEntryNamed() {
        assertThatThrownBy(() -> TokenCatalog.parse("patterns:\n  - id: bad\n    regex: '(unclosed'\n    keywords: [x]\n", "t"))
                .hasMessageContaining("bad").hasMessageContaining("invalid regex");
        assertThatThrownBy(() -> TokenCatalog.parse("patterns:\n  - id: nokw\n    regex: 'abc'\n", "t"))
                .hasMessageContaining("nokw").hasMessageContaining("keyword");
        assertThatThrownBy(() -> TokenCatalog.parse("just: text", "t")).hasMessageContaining("patterns");
        assertThatThrownBy(() -> TokenCatalog.parse(": : :\n\t- [", "t")).hasMessageContaining("YAML");
    }

    @Test
    void tableValuesAreReadAsAYaml11LoaderTypesThem() {
        List<TokenPattern> user = TokenCatalog.parse("""
                base: &base
                  keywords: [tok_]
                  entropy: 2_0.0e-1
                patterns:
                  - <<: *base
                    id: typed
                    regex: '(tok_)([a-z0-9]{20})'
                    group: 2
                    window: 64
                  - id: off
                    enabled: no
                """, "test");
        assertThat(user).hasSize(2);
        TokenPattern typed = user.get(0);
        assertThat(typed.group()).isEqualTo(2);
        assertThat(typed.window()).isEqualTo(64);
        assertThat(typed.entropy()).isEqualTo(2.0);
        assertThat(typed.keywords()).containsExactly("tok_");
        assertThat(user.get(1).regex()).isNull();
    }

    @Test
    void duplicateKeysAndBrokenYamlNameTheLine() {
        assertThatThrownBy(() -> TokenCatalog.parse("patterns:\n  - id: a\n    id: b\n", "t"))
                .hasMessageContaining("not valid YAML: line 3");
        assertThatThrownBy(() -> TokenCatalog.parse("patterns:\n  - id: 'open\n", "t"))
                .hasMessageContaining("not valid YAML: line ");
        assertThatThrownBy(() -> TokenCatalog.parse("a: &a [*a]\npatterns: *a\n", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keywordAutomatonFindsOverlappingKeywordsCaseInsensitively() {
        KeywordAutomaton a = new KeywordAutomaton(List.of(List.of("he", "she"), List.of("hers"), List.of("sk-")));
        List<String> hits = new ArrayList<>();
        // a Latin-1 string (scanned as bytes), a StringBuilder (as chars), a string with a character outside
        // Latin-1 (bytes, where it is '?'), one with a surrogate pair (chars: as bytes the pair would be one '?')
        for (CharSequence text : List.<CharSequence>of("uSHErs ask-Me é", new StringBuilder("uSHErs ask-Me é"),
                "uSHErs ask-Me Ж", "\uD83D\uDE00SHErs ask-Me")) {
            hits.clear();
            KeywordAutomaton.Occurrences o = a.scan(text);
            for (int i = 0; i < o.size(); i++) {
                hits.add(o.pattern(i) + "@" + o.end(i));
            }
            int shift = text.charAt(0) == 'u' ? 0 : 1;
            assertThat(hits).as(text.toString()).containsExactly("0@" + (4 + shift), "1@" + (6 + shift),
                    "2@" + (11 + shift));
        }
        // more occurrences than the buffer first holds
        KeywordAutomaton.Occurrences many = a.scan("shers ".repeat(100));
        assertThat(many.size()).isEqualTo(200);
        assertThat(many.end(199)).isEqualTo(599);
    }

    @Test
    void keywordAutomatonRunningSideBySideOnSegmentsFindsWhatANaiveSearchFinds() {
        List<List<String>> keywords = List.of(List.of("he", "she"), List.of("hers"), List.of("sk-"),
                List.of("-----begin"), List.of("s"));
        KeywordAutomaton a = new KeywordAutomaton(keywords);
        Random random = new Random(7);
        String pieces = "hershe-sk-----BEGINsSHE xé";
        for (int round = 0; round < 400; round++) {
            // lengths around the four-segment cut-over and well above it; keywords straddle the segment borders
            int length = round < 200 ? round : random.nextInt(5000);
            StringBuilder text = new StringBuilder(length);
            while (text.length() < length) {
                int from = random.nextInt(pieces.length());
                text.append(pieces, from, Math.min(pieces.length(), from + 1 + random.nextInt(10)));
            }
            text.setLength(length);
            List<String> expected = naiveOccurrences(keywords, text.toString());
            for (CharSequence form : List.<CharSequence>of(text.toString(), text)) {
                KeywordAutomaton.Occurrences o = a.scan(form);
                List<String> hits = new ArrayList<>();
                for (int i = 0; i < o.size(); i++) {
                    hits.add(o.pattern(i) + "@" + o.end(i));
                }
                assertThat(hits).as("length %d, %s", length, form.getClass().getSimpleName())
                        .containsExactlyElementsOf(expected);
            }
            // ASCII text as read from its file: in a larger buffer whose tail holds keywords of a previous file
            byte[] read = (text.toString().replace('\u00e9', 'e') + "hershe-sk-").getBytes(StandardCharsets.US_ASCII);
            KeywordAutomaton.Occurrences o = a.scan(read, length);
            List<String> hits = new ArrayList<>();
            for (int i = 0; i < o.size(); i++) {
                hits.add(o.pattern(i) + "@" + o.end(i));
            }
            assertThat(hits).as("length %d, bytes", length)
                    .containsExactlyElementsOf(naiveOccurrences(keywords, text.toString().replace('\u00e9', 'e')));
        }
    }

    /** Every (pattern, end) with a keyword of the pattern ending there, by end and then pattern. */
    private static List<String> naiveOccurrences(List<List<String>> keywords, String text) {
        List<String> found = new ArrayList<>();
        for (int end = 1; end <= text.length(); end++) {
            for (int p = 0; p < keywords.size(); p++) {
                for (String k : keywords.get(p)) {
                    if (end >= k.length() && text.regionMatches(true, end - k.length(), k, 0, k.length())) {
                        found.add(p + "@" + end);
                        break;
                    }
                }
            }
        }
        return found;
    }

    @Test
    void aKeyBlockIsLocatedAtItsBeginLineATokenAtItsValue() {
        String key = new TokenSamples(42).lines().get("private-key");
        String text = "# config\n" + key + "\n# end\n";
        List<TokenCatalog.Match> found = catalog.scan(text);
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.pattern().id()).isEqualTo("private-key");
            assertThat(m.location()).isEqualTo(text.indexOf("-----BEGIN"));
            assertThat(key).contains(m.secret());
        });
        String token = new TokenSamples(42).lines().get("github-pat");
        String line = "GH_TOKEN = '" + token + "'";
        assertThat(catalog.scan(line)).singleElement().satisfies(m -> assertThat(m.location()).isEqualTo(m.start()));
    }

    @Test
    void keywordsOfCaseSensitivePatternsMustMatchInTheirOwnCase() {
        Map<String, TokenPattern> byId = new java.util.HashMap<>();
        catalog.patterns().forEach(p -> byId.put(p.id(), p));
        assertThat(TokenCatalog.exactCase(byId.get("jwt"), "eyJ")).isTrue();
        assertThat(TokenCatalog.exactCase(byId.get("aws-secret-access-key"), "aws")).as("(?i:aws)").isFalse();
        assertThat(TokenCatalog.exactCase(byId.get("url-password"), "://")).as("no letters").isFalse();
        String jwt = new TokenSamples(42).lines().get("jwt");
        assertThat(catalog.scan("token: " + jwt)).extracting(m -> m.pattern().id()).containsExactly("jwt");
        assertThat(catalog.scan("token: " + jwt.replace("eyJ", "eyj"))).isEmpty();
    }
}
