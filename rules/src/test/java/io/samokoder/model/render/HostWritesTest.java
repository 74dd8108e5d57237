package io.samokoder.model.render;

import io.samokoder.engine.AuditContext;
import io.samokoder.testing.TempRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HostWritesTest {

    @TempDir
    Path dir;

    @Test
    void scriptsThatWriteOneRepositoryFileFromAnother() {
        AuditContext ctx = new TempRepo(dir)
                .file("Makefile", """
                        configs:
                        \ttest -f "configs/prometheus.yml" || cp configs/prometheus.default.yml configs/prometheus.yml
                        """)
                .file("configs/prometheus.default.yml", "scrape_configs: []\n")
                .file("deploy/render.sh", "#!/bin/sh\nenvsubst < am.tmpl.yml > am.yml\ncp /etc/hosts hosts.txt\n")
                .file("deploy/am.tmpl.yml", "route: {}\n")
                .context();
        HostWrites w = HostWrites.of(ctx);
        assertThat(w.writerOf("configs/prometheus.yml")).hasValueSatisfying(x -> {
            assertThat(x.source()).isEqualTo("configs/prometheus.default.yml");
            assertThat(x.where()).isEqualTo("cp in Makefile:2");
            assertThat(x.rendered()).isFalse();
        });
        // relative to the script's folder when the root does not hold the input
        assertThat(w.writerOf("deploy/am.yml")).hasValueSatisfying(x -> {
            assertThat(x.source()).isEqualTo("deploy/am.tmpl.yml");
            assertThat(x.rendered()).isTrue();
        });
        assertThat(w.writerOf("hosts.txt")).isEmpty();
        assertThat(w.writerOf("deploy/hosts.txt")).isEmpty();
    }

    @Test
    void aHelperFunctionThatCreatesAConfigFromItsExample() {
        AuditContext ctx = new TempRepo(dir)
                .file("install/lib.sh", """
                        export APP_YML=app/config.yml
                        function from_example {
                          target="$1"
                          example="$(echo "$target" | sed 's/\\.[^.]*$/.example&/')"
                          cp -n "$example" "$target"
                        }
                        """)
                .file("install/configs.sh", "from_example \"$APP_YML\"\nfrom_example relay/config.yml\n")
                .file("install/key.sh", "sed -i -e 's/^app.key:.*$/app.key: x/' $APP_YML\n")
                .file("app/config.example.yml", "app.key: x\n")
                .context();
        HostWrites w = HostWrites.of(ctx);
        assertThat(w.writerOf("app/config.yml")).hasValueSatisfying(x -> {
            assertThat(x.source()).isEqualTo("app/config.example.yml");
            assertThat(x.where()).isEqualTo("cp in install/configs.sh:1");
        });
        assertThat(w.copiesOf("app/config.example.yml")).hasSize(1);
        // no relay/config.example.yml to copy
        assertThat(w.writerOf("relay/config.yml")).isEmpty();
        assertThat(w.rewriteOf("app/config.yml", "app.key")).hasValueSatisfying(
                r -> assertThat(r.location().path()).isEqualTo("install/key.sh"));
        assertThat(w.rewriteOf("app/config.yml", "other")).isEmpty();
    }
}
