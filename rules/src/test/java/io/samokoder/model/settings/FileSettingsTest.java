package io.samokoder.model.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileSettingsTest {

    @Test
    void aDoubleQuotedShellValueKeepsTheQuotesOfItsExpansion() {
        // "${X:-""}" is one string: the inner quotes belong to the expansion's default
        assertThat(FileSettings.unquoteShell("\"${POSTGRES_PASSWORD:-\"\"}\"")).isEqualTo("${POSTGRES_PASSWORD:-\"\"}");
        assertThat(FileSettings.unquoteShell("\"${A:-\"x\"}/${B}\" # note")).isEqualTo("${A:-\"x\"}/${B}");
        assertThat(FileSettings.unquoteShell("\"a\\\"b\"")).isEqualTo("a\\\"b");
        assertThat(FileSettings.unquoteShell("'${A:-\"x\"'")).isEqualTo("${A:-\"x\"");
        assertThat(FileSettings.unquoteShell("\"open")).isNull();
    }
}
