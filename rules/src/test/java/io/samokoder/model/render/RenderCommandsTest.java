package io.samokoder.model.render;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandsTest {

    @Test
    void envsubstWithRedirections() {
        List<RenderCommands.Step> steps = RenderCommands.find(
                "/bin/sh -c envsubst < /etc/alertmanager/alertmanager.yml.tmpl > /tmp/alertmanager.yml"
                        + " && exec /bin/alertmanager --config.file=/tmp/alertmanager.yml");
        assertThat(steps).containsExactly(new RenderCommands.Step("envsubst", "/etc/alertmanager/alertmanager.yml.tmpl",
                "/tmp/alertmanager.yml", Optional.empty()));
    }

    @Test
    void envsubstShellFormatRestrictsTheVariables() {
        RenderCommands.Step step = RenderCommands.find("envsubst '$A ${B}' <in.tmpl >out.yml").get(0);
        assertThat(step.only()).contains(Set.of("A", "B"));
        assertThat(step.input()).isEqualTo("in.tmpl");
        assertThat(step.output()).isEqualTo("out.yml");
    }

    @Test
    void catPipeTeeAndFlags() {
        assertThat(RenderCommands.find("cat /t/a.tmpl | envsubst | tee /run/a.yml >/dev/null").get(0))
                .extracting(RenderCommands.Step::input, RenderCommands.Step::output)
                .containsExactly("/t/a.tmpl", "/run/a.yml");
        assertThat(RenderCommands.find("envsubst -i /t/a.tmpl -o /run/a.yml").get(0))
                .extracting(RenderCommands.Step::input, RenderCommands.Step::output)
                .containsExactly("/t/a.tmpl", "/run/a.yml");
    }

    @Test
    void sedScriptsNameTheVariablesTheyReplace() {
        RenderCommands.Step step = RenderCommands.find(
                "sed -e \"s|\\${TOKEN}|${TOKEN}|g\" \\\n    -e 's/__CHAT__/1/' /etc/am/a.tmpl > /tmp/a.yml").get(0);
        assertThat(step.tool()).isEqualTo("sed");
        assertThat(step.input()).isEqualTo("/etc/am/a.tmpl");
        assertThat(step.output()).isEqualTo("/tmp/a.yml");
        assertThat(step.only().orElseThrow()).contains("TOKEN", "__CHAT__").doesNotContain("OTHER");
        RenderCommands.Step inPlace = RenderCommands.find("sed -i 's/X/y/' /etc/alertmanager/alertmanager.yml").get(0);
        assertThat(inPlace.input()).isEqualTo(inPlace.output()).isEqualTo("/etc/alertmanager/alertmanager.yml");
    }

    @Test
    void gomplateFlagsAndItsVariables() {
        RenderCommands.Step step = RenderCommands.find("exec gomplate --file=/t/am.tmpl -o /tmp/am.yml").get(0);
        assertThat(step.input()).isEqualTo("/t/am.tmpl");
        assertThat(step.output()).isEqualTo("/tmp/am.yml");
        assertThat(RenderCommands.gomplateVariables("a: {{ .Env.TOKEN }}\nb: {{ getenv \"CHAT\" }}\n"
                + "c: {{ getenv \"OPT\" \"default\" }}")).containsExactly("TOKEN", "CHAT");
    }

    @Test
    void dockerizeAndPerl() {
        assertThat(RenderCommands.find("dockerize -template /t/am.tmpl:/etc/alertmanager/alertmanager.yml"
                + " -template /t/b.tmpl:/b.yml /bin/alertmanager")).extracting(RenderCommands.Step::tool,
                RenderCommands.Step::input, RenderCommands.Step::output)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dockerize", "/t/am.tmpl",
                        "/etc/alertmanager/alertmanager.yml"), org.assertj.core.groups.Tuple.tuple("dockerize",
                        "/t/b.tmpl", "/b.yml"));
        assertThat(RenderCommands.find("perl -pe 's/\\$\\{(\\w+)\\}/$ENV{$1}/g' /t/a.tmpl > /tmp/a.yml").get(0))
                .extracting(RenderCommands.Step::tool, RenderCommands.Step::input, RenderCommands.Step::output)
                .containsExactly("perl", "/t/a.tmpl", "/tmp/a.yml");
        assertThat(RenderCommands.find("perl -pe 's/a/b/' in > out")).as("no %ENV: not a variable render").isEmpty();
        assertThat(RenderCommands.gomplateVariables("{{ default .Env.A \"x\" }} {{ .Env.B | default \"y\" }} {{ .Env.C }}"))
                .containsExactly("C");
    }

    @Test
    void commentsQuotesAndSeparators() {
        assertThat(RenderCommands.find("# envsubst < a > b\necho 'envsubst < a > b'; true || envsubst < c > d"))
                .extracting(RenderCommands.Step::input).containsExactly("c");
        assertThat(RenderCommands.find("alertmanager --config.file=/etc/alertmanager/alertmanager.yml")).isEmpty();
        assertThat(RenderCommands.find("envsubst")).as("no input or output: not a file render").isEmpty();
        assertThat(RenderCommands.find("x".repeat(300_000))).isEmpty();
    }

    @Test
    void copiesAndUnfollowedRewritesAreWritesButNotRenders() {
        String script = "cp /etc/a/am.yml.tmpl /tmp/am.yml\n"
                + "awk '{print}' /etc/p.yml.src > /tmp/p.yml\n"
                + "eval sed $script -- \"$1\" > \"$2\"\n"
                + "printf '%s' \"$v\" | sed -e 's/a/b/'\n";
        assertThat(RenderCommands.find(script)).isEmpty();
        assertThat(RenderCommands.writes(script)).extracting(RenderCommands.Step::tool, RenderCommands.Step::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cp", RenderCommands.Kind.COPY),
                        org.assertj.core.groups.Tuple.tuple("awk", RenderCommands.Kind.OPAQUE),
                        org.assertj.core.groups.Tuple.tuple("sed", RenderCommands.Kind.OPAQUE));
    }

    @Test
    void sedReplacementsWithoutDollarAreFixedByTheScript() {
        RenderCommands.Step step = RenderCommands.find(
                "sed -e 's|${A}|${A}|g' -e 's|${B}|4h|g;s/${C}/x/' in.yml > out.yml").get(0);
        assertThat(step.only()).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
                .contains("A", "B", "C");
        assertThat(step.fixed()).containsExactlyInAnyOrder("B", "C");
    }

    @Test
    void programsAScriptStarts() {
        assertThat(RenderCommands.commandNames("mkdir -p /etc/alertmanager\nexec /bin/alertmanager --x \"$@\""))
                .containsExactly("mkdir", "alertmanager");
    }
}
