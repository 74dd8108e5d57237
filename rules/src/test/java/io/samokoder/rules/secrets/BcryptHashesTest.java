package io.samokoder.rules.secrets;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Auditor;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BcryptHashesTest {

    @TempDir
    Path dir;

    private static String hash(String password, String prefix, int cost) {
        return BCrypt.hashpw(password, BCrypt.gensalt(prefix, cost));
    }

    @Test
    void findsHashesPlainEscapedInDefaultsAndHtpasswdEntries() {
        String h = hash("admin", "$2a", 4);
        List<BcryptHashes.Occurrence> plain = BcryptHashes.find(h);
        assertThat(plain).singleElement().satisfies(o -> {
            assertThat(o.hash()).isEqualTo(h);
            assertThat(o.cost()).isEqualTo(4);
            assertThat(o.variable()).isNull();
            assertThat(o.user()).isNull();
        });
        assertThat(BcryptHashes.find("${ADMIN_PASSWORD_HASH:-" + h + "}")).singleElement()
                .satisfies(o -> assertThat(o.variable()).isEqualTo("ADMIN_PASSWORD_HASH"));
        String y = hash("changeme", "$2y", 5);
        String escaped = "admin:" + y.replace("$", "$$") + ",ops:" + hash("x", "$2b", 4).replace("$", "$$");
        List<BcryptHashes.Occurrence> entries = BcryptHashes.find(escaped);
        assertThat(entries).extracting(BcryptHashes.Occurrence::user).containsExactly("admin", "ops");
        assertThat(entries.get(0).hash()).isEqualTo(y);
        assertThat(entries.get(0).offset()).isEqualTo(6);
        // not a hash: too short, another scheme, glued into a longer token
        assertThat(BcryptHashes.find(h.substring(0, 59))).isEmpty();
        assertThat(BcryptHashes.find("$1$abcdefgh$" + "a".repeat(22))).isEmpty();
        assertThat(BcryptHashes.find(h + "x")).isEmpty();
        assertThat(BcryptHashes.find("${DB_PASSWORD:-postgres}")).isEmpty();
        // compose replaces $dZu… in $2a$14$dZu… with a variable's value: that hash is not what it deploys
        String letter = "$2a$14$dZuNlWFAQLQdwxbjazu8ruEe276DUw/F6qx5NdKCRY96mjurE2mgi";
        assertThat(BcryptHashes.find("${H:-" + letter + "}", true)).isEmpty();
        assertThat(BcryptHashes.find("${H:-" + letter + "}", false)).hasSize(1);
        assertThat(BcryptHashes.find(letter.replace("$", "$$"), true)).hasSize(1);
        assertThat(BcryptHashes.find("${H:-$2a$14$1EVEMWwHjxXhl7MTdORACe2SzQvz/o5L3iJ/99dXMZBIU0kkolXM6}", true))
                .hasSize(1);
    }

    @Test
    void triesFewerCandidatesTheCostlierTheHash() {
        assertThat(BcryptHashes.tries(4)).isEqualTo(BcryptHashes.MAX_CANDIDATES);
        assertThat(BcryptHashes.tries(10)).isEqualTo(32);
        assertThat(BcryptHashes.tries(12)).isEqualTo(8);
        assertThat(BcryptHashes.tries(14)).isEqualTo(2);
        assertThat(BcryptHashes.tries(31)).isEqualTo(1);
        List<BcryptHashes.Candidate> c = BcryptHashes.candidates(12, List.of("admin", "ops"),
                List.of("admin", "password", "changeme", "secret", "root", "123456", "postgres", "test", "guest"),
                List.of("dashmon"));
        assertThat(c).extracting(BcryptHashes.Candidate::password)
                .containsExactly("admin", "ops", "password", "changeme",
                        "secret", "root", "123456", "postgres");
        assertThat(c.get(0).source()).isEqualTo(BcryptHashes.Source.USER);
        assertThat(c.get(2).source()).isEqualTo(BcryptHashes.Source.DICTIONARY);
    }

    @Test
    void cracksOnlyHashesOfACandidateAndSurvivesMalformedOnes() {
        String weak = hash("changeme", "$2y", 4);
        String strong = hash("Qv7-Lr2xN9pT4wKz8mB3", "$2b", 4);
        List<BcryptHashes.Candidate> candidates = BcryptHashes.candidates(4, List.of("admin"),
                Weakness.builtInOrdered(), List.of());
        assertThat(BcryptHashes.crack(weak, candidates)).map(BcryptHashes.Candidate::password).contains("changeme");
        assertThat(BcryptHashes.crack(strong, candidates)).isEmpty();
        // cost 03 and a salt bcrypt refuses: no answer, no exception
        assertThat(BcryptHashes.crack("$2a$03$" + weak.substring(7), candidates)).isEmpty();
        assertThat(BcryptHashes.crack(weak.substring(0, 29) + "\u00e9" + weak.substring(30), candidates)).isEmpty();
    }

    private List<Finding> audit() {
        AuditResult result = new Auditor().run(AuditConfig.forRoot(dir));
        assertThat(result.findings()).noneMatch(f -> f.ruleId().equals("config/check-failed"));
        return result.findings().stream().filter(f -> f.category() == Category.SECRETS).toList();
    }

    @Test
    void boundsHashesPerAuditAndCostWithInfoAndNeverPrintsAHash() throws IOException {
        List<String> hashes = new ArrayList<>();
        StringBuilder compose = new StringBuilder("services:\n");
        for (int i = 0; i < BcryptHashes.MAX_HASHES + 1; i++) {
            String h = hash("admin", "$2a", 4);
            hashes.add(h);
            compose.append("  app").append(i).append(":\n    image: ghcr.io/acme/app:1\n    environment:\n")
                    .append("      ADMIN_PASSWORD_HASH: ${ADMIN_PASSWORD_HASH:-").append(h.replace("$", "$$")).append("}\n");
        }
        // never tried, so never made here: a hash of cost 15 takes seconds to compute
        String costly = "$2b$15$v1G0v4C/nYgdXrQtI9Bl2.TkFy2oypu.dBVW1fjARmXZT15aXzJZS";
        hashes.add(costly);
        compose.append("  costly:\n    image: ghcr.io/acme/app:1\n    environment:\n")
                .append("      UI_PASSWORD_HASH: \"").append(costly.replace("$", "$$")).append("\"\n");
        Files.writeString(dir.resolve("docker-compose.yml"), compose.toString(), StandardCharsets.UTF_8);

        List<Finding> found = audit().stream().filter(f -> f.ruleId().equals("secrets/weak-value")).toList();
        assertThat(found.stream().filter(f -> f.severity() == Severity.HIGH && f.message().contains("bcrypt hash of")))
                .hasSize(BcryptHashes.MAX_HASHES);
        assertThat(found.stream().filter(f -> f.severity() == Severity.INFO).map(Finding::message))
                .anyMatch(m -> m.contains("an audit tries at most " + BcryptHashes.MAX_HASHES + " hashes"))
                .anyMatch(m -> m.contains("of cost " + (BcryptHashes.MAX_COST + 1)));
        // the last hash in path and line order is the one left untried, in every run
        assertThat(found).filteredOn(f -> f.message().contains("at most")).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(4 * BcryptHashes.MAX_HASHES + 5));
        for (Finding f : found) {
            for (String h : hashes) {
                assertThat(f.message()).doesNotContain(h).doesNotContain(h.substring(7));
                assertThat(f.fingerprintKey()).doesNotContain(h.substring(7));
            }
        }
    }
}
