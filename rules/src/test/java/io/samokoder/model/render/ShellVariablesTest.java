package io.samokoder.model.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShellVariablesTest {

    @Test
    void assignedVariablesAndDefaultsAreSubstitutedInLaterCommands() {
        String out = ShellVariables.expand("""
                #!/bin/sh
                SRC="/etc/alertmanager/alertmanager.yml.src"
                export DST=${CONFIG_OUT:-/tmp/alertmanager.yml}
                envsubst '$SMTP_PASSWORD' < "$SRC" > "${DST}"
                exec alertmanager --config.file="$DST" "$@"
                """);
        assertThat(out).contains("envsubst '$SMTP_PASSWORD' < \"/etc/alertmanager/alertmanager.yml.src\""
                + " > \"/tmp/alertmanager.yml\"");
        assertThat(out).contains("--config.file=\"/tmp/alertmanager.yml\" \"$@\"");
    }

    @Test
    void unknownNamesEscapedDollarsAndSingleQuotesStay() {
        String out = ShellVariables.expand("A=x\necho $B \\$A '$A' \"$A\" ${C}\n");
        assertThat(out).isEqualTo("A=x\necho $B \\$A '$A' \"x\" ${C}\n");
    }

    @Test
    void aRenderStepFollowsTheVariables() {
        String script = ShellVariables.expand("T=/etc/a.tmpl\nO=/run/a.yml\nenvsubst < $T > $O\n");
        assertThat(RenderCommands.find(script)).singleElement().satisfies(s -> {
            assertThat(s.input()).isEqualTo("/etc/a.tmpl");
            assertThat(s.output()).isEqualTo("/run/a.yml");
        });
    }
}
