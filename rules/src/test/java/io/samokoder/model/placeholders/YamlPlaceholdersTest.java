package io.samokoder.model.placeholders;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlPlaceholdersTest {

    private static final List<String> LINE_ENDS = List.of("\n", "\r\n", "\r");

    private static List<String> sites(String text) {
        YamlDocument doc = YamlLoader.load("x.yml", text);
        return YamlPlaceholders.scan(null, text, doc).stream()
                .map(s -> s.placeholder().name() + "@" + s.line() + ":" + s.column() + " " + s.fieldPath()).toList();
    }

    private static String shown(String eol) {
        return eol.replace("\r", "CR").replace("\n", "LF");
    }

    @Test
    void placeholdersOfAParsedFileKeepTheirPlaceWhateverEndsTheLines() {
        String yaml = """
                # scraped every ${NOT_A_FIELD}
                global:
                  scrape_interval: ${INTERVAL}
                remote_write:
                  - url: "${REMOTE_URL}"
                """;
        for (String eol : LINE_ENDS) {
            String text = yaml.replace("\n", eol);
            assertThat(YamlLoader.load("x.yml", text).isUsable()).isTrue();
            assertThat(sites(text)).as(shown(eol)).containsExactly("INTERVAL@3:20 global.scrape_interval",
                    "REMOTE_URL@5:11 remote_write.url");
        }
    }

    @Test
    void aFileThatDoesNotParseIsScannedLineByLineWhateverEndsTheLines() {
        String yaml = """
                # a comment with ${NOT_A_FIELD}
                token: ${TOKEN}
                  broken: [
                url: ${URL} # ${IN_A_COMMENT}
                """;
        for (String eol : LINE_ENDS) {
            String text = yaml.replace("\n", eol);
            assertThat(YamlLoader.load("x.yml", text).isUsable()).isFalse();
            assertThat(sites(text)).as(shown(eol)).containsExactly("TOKEN@2:8 token", "URL@4:6 url");
        }
    }

    @Test
    void aVariableNamedTwiceInOneValueIsOnePlaceAtItsFirstOccurrence() {
        String text = """
                labels:
                  - traefik.http.routers.${HOST:-prom}.service=${HOST:-prom}
                  - traefik.http.routers.${HOST:-prom}.rule=Host(`${HOST:-prom}.${DOMAIN}`)
                other: ${HOST}
                """;
        YamlDocument doc = YamlLoader.load("x.yml", text);
        List<YamlPlaceholders.Site> all = YamlPlaceholders.scan(null, text, doc);
        assertThat(all).hasSize(6);
        assertThat(YamlPlaceholders.firstPerScalar(all)).extracting(
                s -> s.placeholder().name() + "@" + s.line() + ":" + s.column())
                .containsExactly("HOST@2:26", "HOST@3:26", "DOMAIN@3:65", "HOST@4:8");
    }

    @Test
    void inTheLineBasedFallbackTheLineStandsForTheValue() {
        String text = "url: ${A}/${A}/${B}\n  broken: [\nnext: ${A}\n";
        YamlDocument doc = YamlLoader.load("x.yml", text);
        assertThat(doc.isUsable()).isFalse();
        assertThat(YamlPlaceholders.firstPerScalar(YamlPlaceholders.scan(null, text, doc)))
                .extracting(s -> s.placeholder().name() + "@" + s.line()).containsExactly("A@1", "B@1", "A@3");
    }
}
