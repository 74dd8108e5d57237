package io.samokoder.rules.readiness;

import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReadinessClaimsTest {

    private static List<ReadinessClaim> find(String md) {
        return ReadinessClaims.find(md);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "**Статус: Production Ready (95%)** — все компоненты готовы",
            "Production readiness: 95%",
            "The service is 95% production-ready.",
            "Production Ready 95%",
            "| Production ready | 95% |",
            "Готовность к продакшену: 95%",
            "Проект на 95% готов к продакшену.",
            "Production readiness score: 95/100",
            "Production **Ready** (95%)",
    })
    void percentageClaims(String line) {
        List<ReadinessClaim> claims = find("# Title\n\n" + line + "\n");
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).percent()).isEqualTo(95);
        assertThat(claims.get(0).line()).isEqualTo(3);
        assertThat(claims.get(0).badge()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "This stack is production-ready.",
            "Все сервисы готовы к продакшену.",
            "Ready for production since v2.",
            "Production ready!",
            "This stack is production-ready and battle-tested.",
            "The template is production ready out of the box.",
            "It's a production-ready stack: Prometheus, Alertmanager and Grafana in one compose file.",
            "**Status:** production ready",
            "Наш бэкенд уже готов к продакшену и работает у клиентов.",
    })
    void unqualifiedClaims(String line) {
        List<ReadinessClaim> claims = find(line + "\n");
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).hasPercent()).isFalse();
        assertThat(claims.get(0).line()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "This is not production-ready yet.",
            "The goal is to become production ready (95%) by Q3.",
            "Пока не готово к продакшену.",
            "Цель — готовность к продакшену 95%.",
            "README утверждает \"Production Ready (95%)\", но измерено 75%.",
            "Is it production ready?",
            "## Production readiness checklist",
            "## Production readiness",
            "See the production-readiness guide.",
            "`Production Ready (95%)` is what the template prints",
            "<!-- Production Ready (95%) -->",
            "[guide](https://example.com/production-ready-95%25)",
            // the adjective before a noun describes that noun: what a template generates, what a guide teaches
            "Cookiecutter Django is a framework for jumpstarting production-ready Django projects quickly.",
            "A practical guide to implement production-ready distributed systems.",
            "The service includes production-ready OpenTelemetry tracing with batching.",
            "| Monitoring | [Spring Boot Actuator Production Ready Metrics] |",
            "robust testing coverage and production-ready deployment strategies.",
            // adjectives of something else, headings, subjects other than the project, promises
            "Acme Starter is a project template that generates production-ready FastAPI services.",
            "A toolkit for bootstrapping production-ready Go services in minutes.",
            "🔒 **Production Ready**",
            "| Metrics | [Micrometer](https://micrometer.io/), [Spring Boot Actuator Production Ready Features] |",
            "This chapter walks through production-ready deployment strategies for Kafka consumers.",
            "A reference for engineers who want to build production-ready event-driven systems.",
            "The generated project is production-ready out of the box.",
            "Once configured, your app is production-ready.",
            "It will be production-ready in 2.0.",
            "The service is designed to be production ready.",
            "Production-ready Django projects in one command.",
            "Шаблон генерирует проекты, готовые к продакшену.",
    })
    void notClaims(String line) {
        assertThat(find(line + "\n")).isEmpty();
    }

    @Test
    void codeBlocksAreNotProse() {
        assertThat(find("```\nProduction Ready (95%)\n```\n\n    production-ready\n")).isEmpty();
    }

    @Test
    void shieldsBadgeWithPercentage() {
        String md = "# X\n![Production Ready](https://img.shields.io/badge/production%20ready-95%25-brightgreen)\n";
        List<ReadinessClaim> claims = find(md);
        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.badge()).isTrue();
            assertThat(c.percent()).isEqualTo(95);
            assertThat(c.line()).isEqualTo(2);
            assertThat(c.column()).isEqualTo(1);
        });
    }

    @Test
    void badgeVariants() {
        assertThat(find("![s](https://img.shields.io/badge/production--ready-90%25-green)")).singleElement()
                .extracting(ReadinessClaim::percent).isEqualTo(90);
        assertThat(find("![s](https://img.shields.io/static/v1?label=production%20readiness&message=88%25&color=green)"))
                .singleElement().extracting(ReadinessClaim::percent).isEqualTo(88);
        assertThat(find("<p><img src=\"https://badgen.net/badge/production ready/97%/green\" alt=\"x\"></p>"))
                .singleElement().extracting(ReadinessClaim::percent).isEqualTo(97);
        assertThat(find("![build](https://img.shields.io/badge/build-passing-green)")).isEmpty();
        assertThat(find("![coverage](https://img.shields.io/badge/coverage-95%25-green)")).isEmpty();
    }

    @Test
    void oneClaimPerLineTheHighest() {
        List<ReadinessClaim> claims = find("Production ready: 80%, production readiness: 95%\n");
        assertThat(claims).singleElement().extracting(ReadinessClaim::percent).isEqualTo(95);
    }

    @Test
    void hostileInputNeverThrowsOrHangs() {
        String many = "production ".repeat(20_000) + "ready " + "9".repeat(50_000) + "%";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> find(many))).isNotNull();
        assertThat(find("\u0000\uFFFF<img src=\"%zz%\">![a](<>)[x]: \n")).isNotNull();
    }
}
