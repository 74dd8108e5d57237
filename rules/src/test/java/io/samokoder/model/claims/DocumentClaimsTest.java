package io.samokoder.model.claims;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentClaimsTest {

    private static Endpoint endpoint(DocumentClaims c, int line, int port) {
        return c.endpoints().stream().filter(e -> e.line() == line && e.port() == port).findFirst().orElseThrow();
    }

    @Test
    void eachUrlBelongsToTheComponentNamedForIt() {
        DocumentClaims c = DocumentClaims.read("""
                `docker compose up -d` starts Prometheus at http://localhost:9090 and Grafana at http://localhost:3000.
                Open http://localhost:9093 (Alertmanager) or http://localhost:3100 (Loki).
                | Grafana | http://grafana:3000 | http://localhost:3001 |
                Grafana: http://localhost:3002, http://localhost:8080
                cAdvisor (you'll use Grafana for dashboards): http://localhost:8081/containers/
                Behind the proxy: http://localhost/grafana/ and http://localhost:8000/metrics
                """);
        assertThat(c.endpoints()).extracting(e -> e.line() + ":" + e.port() + "=" + e.component().orElse("-"))
                .containsExactly("1:9090=prometheus", "1:3000=grafana", "2:9093=alertmanager", "2:3100=loki",
                        "3:3001=grafana", "4:3002=grafana", "4:8080=-", "5:8081=cadvisor", "6:80=grafana",
                        "6:8000=-");
    }

    @Test
    void urlsInCodeCountOnlyWhereACommandOpensThemOrTheLineIsTheUrl() {
        DocumentClaims c = DocumentClaims.read("""
                ```bash
                curl -s http://localhost:9090/-/healthy
                export API_URL=http://localhost:8001
                ```

                ```console
                $ docker compose up
                api-1  | INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)
                $ open http://localhost:8002
                ```

                ```yaml
                datasources:
                  - url: http://localhost:9091
                ```

                ```text
                http://localhost:7860
                ```

                Metrics: `http://localhost:8003/metrics`, settings: `BASE_URL=http://localhost:8004`.
                """);
        assertThat(c.endpoints()).extracting(e -> e.port() + "/" + e.where()).containsExactly("9090/COMMAND",
                "8002/COMMAND", "7860/URL_LINE", "8003/PROSE");
    }

    @Test
    void placeholderPortsAndOtherHostsAreNoEndpoints() {
        DocumentClaims c = DocumentClaims.read("Call http://localhost:${PORT}/api, http://localhost:<port>/, "
                + "http://localhost:PORT, http://localhost.localdomain:80, http://127.0.0.1:8080x, "
                + "http://grafana:3000 and https://localhost/ok\n");
        assertThat(c.endpoints()).extracting(Endpoint::text).containsExactly("https://localhost");
        assertThat(c.endpoints().get(0).port()).isEqualTo(443);
    }

    @Test
    void theSectionsCommandDecides() {
        DocumentClaims c = DocumentClaims.read("""
                # Shop

                ## Run with compose

                ```sh
                docker compose up -d
                ```

                Open http://localhost:8080.

                ## Develop the frontend

                ```sh
                cd frontend && npm run dev
                ```

                Vite serves http://localhost:5173.

                ## Troubleshooting

                If http://localhost:8081 does not answer, check the logs.

                ## Database only

                Open http://localhost:5050 after starting it:

                ```sh
                docker compose up -d db pgadmin
                ```
                """);
        Endpoint compose = endpoint(c, 9, 8080);
        assertThat(c.context(compose).launch()).get().satisfies(l -> {
            assertThat(l.isCompose()).isTrue();
            assertThat(l.line()).isEqualTo(6);
        });
        assertThat(c.context(endpoint(c, 17, 5173)).isOther()).isTrue();
        // a sibling section's command does not reach over
        assertThat(c.context(endpoint(c, 21, 8081))).isEqualTo(RunContext.NONE);
        // the section's command after the URL
        assertThat(c.context(endpoint(c, 25, 5050)).launch().orElseThrow().services())
                .containsExactly("db", "pgadmin");
        assertThat(c.onlyComposeLaunches()).isFalse();
        assertThat(c.mentionsCompose()).isTrue();
    }

    @Test
    void linesAndSectionsAreTheSameWhateverEndsTheLines() {
        String doc = """
                # Shop

                ## Run with compose

                ```sh
                docker compose \\
                  up -d
                curl -s http://localhost:9090/-/healthy
                ```

                Grafana at http://localhost:3000,
                Prometheus at http://localhost:9091.

                ## Develop

                Vite serves http://localhost:5173 (the frontend).
                """;
        for (String eol : List.of("\n", "\r\n", "\r")) {
            DocumentClaims c = DocumentClaims.read(doc.replace("\n", eol));
            assertThat(c.endpoints()).as("%s", eol.replace("\r", "CR").replace("\n", "LF"))
                    .extracting(e -> e.line() + ":" + e.column() + ":" + e.port() + "=" + e.component().orElse("-"))
                    .containsExactly("8:9:9090=-", "11:12:3000=grafana", "12:15:9091=prometheus",
                            "16:13:5173=-");
            assertThat(c.launches()).extracting(l -> l.line() + ":" + l.isCompose())
                    .containsExactly("3:true", "6:true");
            assertThat(c.context(endpoint(c, 12, 9091)).launch().orElseThrow().line()).isEqualTo(6);
            assertThat(c.context(endpoint(c, 16, 5173))).isEqualTo(RunContext.NONE);
        }
    }

    @Test
    void anIntroductionsCommandCoversItsSubsections() {
        DocumentClaims c = DocumentClaims.read("""
                # Stack

                Start everything with `docker-compose up -d`.

                ## Grafana

                Dashboards at http://localhost:3000.

                ## Docker Compose

                ### Endpoints

                Prometheus at http://localhost:9090.
                """);
        assertThat(c.context(endpoint(c, 7, 3000)).launch().orElseThrow().line()).isEqualTo(3);
        Launch heading = c.context(endpoint(c, 13, 9090)).launch().orElseThrow();
        assertThat(heading.via()).isEqualTo(Launch.HEADING);
        assertThat(heading.command()).isEqualTo("Docker Compose");
        assertThat(c.onlyComposeLaunches()).isTrue();
    }

    @Test
    void upStatementsNameTheirComponents() {
        DocumentClaims c = DocumentClaims.read("""
                `docker compose -f compose.yaml -f compose.observability.yaml up -d` starts Prometheus, Grafana and
                node-exporter.

                `docker-compose up -d` запускает весь стек: API, воркер и мониторинг.

                `docker compose up -d` starts the API.
                """);
        List<UpStatement> ups = c.upStatements();
        assertThat(ups).hasSize(2);
        assertThat(ups.get(0).components()).containsExactly("prometheus", "grafana", "node-exporter");
        assertThat(ups.get(0).launch().files()).containsExactly("compose.yaml", "compose.observability.yaml");
        assertThat(ups.get(1).components()).containsExactly(Components.MONITORING);
        assertThat(ups.get(1).line()).isEqualTo(4);
    }

    @Test
    void composeSnippetsTheDocumentShows() {
        DocumentClaims c = DocumentClaims.read("""
                ## Change the port

                ```yaml
                services:
                  web:
                    ports:
                      - "3001:3000"
                ```

                Then `docker compose up` and open http://localhost:3001.
                """);
        Endpoint e = endpoint(c, 10, 3001);
        assertThat(c.shownPublishing(e)).isEqualTo(Optional.of(7));
    }

    @Test
    void portWordsNeedAComponentBeforeThem() {
        DocumentClaims c = DocumentClaims.read("Grafana listens on port 3000, Alertmanager on port 9093; "
                + "the API on port 8000.\n");
        assertThat(c.endpoints()).extracting(e -> e.text() + "=" + e.component().orElse("-"))
                .containsExactly("port 3000=grafana", "port 9093=alertmanager");
    }

    @Test
    void hostileInputNeverThrows() {
        assertThat(DocumentClaims.read("```\n" + "docker compose up \\\n".repeat(2000) + "```\n" + "http://localhost:"
                + "9".repeat(10_000) + " `` ` ``` \u0000 # \n## \n[x](http://localhost:99999)\n")).isNotNull();
        assertThat(DocumentClaims.read((String) null).endpoints()).isEmpty();
    }
}
