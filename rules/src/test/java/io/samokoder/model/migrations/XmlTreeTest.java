package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class XmlTreeTest {

    @Test
    void recordsLinesOfStartTags() {
        XmlTree t = XmlTree.parse("<?xml version=\"1.0\"?>\n<root xmlns=\"urn:x\">\n  <a id=\"1\">\n    text\n  </a>\n"
                + "  <b/>\n</root>\n");
        assertThat(t.error()).isNull();
        assertThat(t.root().name()).isEqualTo("root");
        assertThat(t.root().children()).extracting(XmlTree.Element::line).containsExactly(3, 6);
        assertThat(t.root().children().get(0).attr("id")).isEqualTo("1");
        assertThat(t.root().children().get(0).text()).isEqualTo("text");
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        XmlTree t = XmlTree.parse("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<r><c>&x;</c></r>");
        String text = t.root() == null || t.root().children().isEmpty() ? "" : t.root().children().get(0).text();
        assertThat(text).doesNotContain("TOP-SECRET-VALUE");
        XmlTree dtd = XmlTree.parse("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + secret.toUri() + "\">\n<r/>");
        assertThat(dtd.root()).isNotNull();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void billionLaughsIsStoppedWithAnError() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        String prev = "lol";
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">\n");
            prev = "lol" + i;
        }
        sb.append("]>\n<lolz>&").append(prev).append(";</lolz>\n");
        XmlTree t = XmlTree.parse(sb.toString());
        assertThat(t.error()).isNotNull();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void malformedBinaryHugeAndDeepInputYieldErrors() {
        XmlTree broken = XmlTree.parse("<a>\n<b>\n</a>");
        assertThat(broken.error()).isNotNull();
        assertThat(broken.errorLine()).isEqualTo(3);
        assertThat(XmlTree.parse("\u0000\u0001\u0002binary").error()).isNotNull();
        assertThat(XmlTree.parse("<a>" + "x".repeat(10 * 1024 * 1024)).error()).isNotNull();
        assertThat(XmlTree.parse("<a>".repeat(200_000)).error()).isNotNull();
        assertThat(XmlTree.parse("<a attr=\"never closed>").error()).isNotNull();
    }
}
