package io.samokoder.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Generates a realistic repository of a given number of files, deterministically for a seed: services, each with a
 * compose stack, Prometheus and Alertmanager configs and alert rules, a Markdown tree with headings and links, an
 * Alembic history, and Python/Java/JavaScript sources of which some hold planted provider tokens. The planted secrets
 * and the broken Markdown links are listed in a manifest written next to the tree ({@code OUT_DIR.manifest.json}),
 * so a benchmark also measures recall.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.samokoder.bench.RepoGenerator OUT_DIR FILES [SEED] [AVG_BYTES]</pre>
 *
 * AVG_BYTES (default 10240) is the mean file size: 100,000 files at the default make about 1 GB. Same arguments,
 * same bytes: contents are derived from the seed and each file's path only, so files are generated in parallel.
 */
public final class RepoGenerator {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_AVG_BYTES = 10 * 1024;
    /** Files per service folder; the last service takes the remainder. */
    static final int SERVICE_FILES = 100;

    /** A planted secret: where it is and which token format (ids of the secrets token table). */
    public record Planted(String path, int line, String kind) {
    }

    /** A Markdown link planted broken on purpose. */
    public record BrokenLink(String path, int line, String target) {
    }

    /** What was generated. */
    public record Manifest(long seed, int files, long bytes, List<Planted> secrets, List<BrokenLink> brokenLinks,
                           int markdownFiles, int composeFiles, int alembicRevisions) {
    }

    private final long seed;
    private final int files;
    private final int avgBytes;

    public RepoGenerator(long seed, int files, int avgBytes) {
        if (files < 1) {
            throw new IllegalArgumentException("files must be at least 1");
        }
        this.seed = seed;
        this.files = files;
        this.avgBytes = Math.max(256, avgBytes);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: RepoGenerator OUT_DIR FILES [SEED] [AVG_BYTES]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        int avg = args.length > 3 ? Integer.parseInt(args[3]) : DEFAULT_AVG_BYTES;
        long start = System.nanoTime();
        Manifest m = new RepoGenerator(seed, files, avg).generate(out);
        Path manifest = manifestPath(out);
        Files.writeString(manifest, toJson(m), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "generated %d files, %.1f MB, %d planted secrets, %d broken links in %.1f s -> %s%n",
                m.files(), m.bytes() / 1e6, m.secrets().size(), m.brokenLinks().size(),
                (System.nanoTime() - start) / 1e9, manifest);
    }

    /** Where {@link #main} writes the manifest: next to the tree, so the audit does not see it. */
    public static Path manifestPath(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".manifest.json");
    }

    // ---------------------------------------------------------------------------------------------- planning

    private enum Kind { ROOT_README, ROOT_GITIGNORE, ROOT_COMPOSE, DOCS_INDEX, CI_WORKFLOW,
        SVC_README, SVC_COMPOSE, SVC_ENV_EXAMPLE, PROMETHEUS, ALERTMANAGER, ALERT_RULES, ALEMBIC_INI, ALEMBIC_ENV,
        MIGRATION, DOC, PY, JAVA, JS }

    /** One file to write: its path, what it is, and its position in its service. */
    private record Spec(String path, Kind kind, int service, int index, int count) {
    }

    private List<Spec> plan() {
        List<Spec> specs = new ArrayList<>();
        Kind[] root = {Kind.ROOT_README, Kind.ROOT_GITIGNORE, Kind.ROOT_COMPOSE, Kind.DOCS_INDEX, Kind.CI_WORKFLOW};
        String[] rootPaths = {"README.md", ".gitignore", "docker-compose.yml", "docs/index.md",
                ".github/workflows/ci.yml"};
        for (int i = 0; i < root.length && specs.size() < files; i++) {
            specs.add(new Spec(rootPaths[i], root[i], -1, i, root.length));
        }
        int remaining = files - specs.size();
        int services = Math.max(1, (remaining + SERVICE_FILES - 1) / SERVICE_FILES);
        for (int s = 0; s < services && remaining > 0; s++) {
            int budget = s == services - 1 ? remaining : Math.min(SERVICE_FILES, remaining);
            planService(specs, s, budget);
            remaining -= budget;
        }
        return specs;
    }

    /** Services whose budget reaches their docs folder (every one but perhaps a small last one). */
    private int servicesWithDocs() {
        int remaining = files - 5;
        if (remaining <= 0) {
            return 0;
        }
        int full = remaining / SERVICE_FILES;
        return remaining % SERVICE_FILES >= 9 ? full + 1 : full;
    }

    static String serviceName(int s) {
        return NOUNS[s % NOUNS.length] + "-" + SUFFIXES[(s / NOUNS.length) % SUFFIXES.length]
                + (s >= NOUNS.length * SUFFIXES.length ? "-" + s : "");
    }

    private void planService(List<Spec> specs, int s, int budget) {
        String base = "services/" + serviceName(s) + "/";
        // fixed part first, as far as the budget allows: configs matter more than the n-th source file
        Kind[] fixed = {Kind.SVC_README, Kind.SVC_COMPOSE, Kind.PROMETHEUS, Kind.ALERTMANAGER, Kind.ALERT_RULES,
                Kind.SVC_ENV_EXAMPLE, Kind.ALEMBIC_INI, Kind.ALEMBIC_ENV};
        String[] fixedPaths = {"README.md", "docker-compose.yml", "monitoring/prometheus.yml",
                "monitoring/alertmanager.yml", "monitoring/rules/" + serviceName(s) + ".rules.yml", ".env.example",
                "alembic.ini", "migrations/env.py"};
        int used = 0;
        for (int i = 0; i < fixed.length && used < budget; i++, used++) {
            specs.add(new Spec(base + fixedPaths[i], fixed[i], s, 0, budget));
        }
        int rest = budget - used;
        int docs = rest > 0 ? Math.max(1, rest * 10 / 92) : 0;
        int migrations = budget >= 20 ? Math.max(1, rest * 6 / 92) : 0;
        int sources = rest - docs - migrations;
        for (int i = 0; i < docs; i++) {
            specs.add(new Spec(base + "docs/" + docName(i), Kind.DOC, s, i, docs));
        }
        for (int i = 0; i < migrations; i++) {
            specs.add(new Spec(base + "migrations/versions/" + String.format(Locale.ROOT, "%04d", i + 1) + "_"
                    + VERBS[i % VERBS.length] + "_" + NOUNS[(i * 7 + s) % NOUNS.length] + ".py", Kind.MIGRATION, s,
                    i, migrations));
        }
        for (int i = 0; i < sources; i++) {
            int lang = i % 10; // 5 python, 3 java, 2 javascript
            String module = NOUNS[(i * 3 + s) % NOUNS.length] + "_" + VERBS[(i + s) % VERBS.length] + i;
            if (lang < 5) {
                specs.add(new Spec(base + "src/app/" + pkg(i) + "/" + module + ".py", Kind.PY, s, i, sources));
            } else if (lang < 8) {
                specs.add(new Spec(base + "src/main/java/com/example/" + pkg(i) + "/" + camel(module) + ".java",
                        Kind.JAVA, s, i, sources));
            } else {
                specs.add(new Spec(base + "web/src/" + pkg(i) + "/" + module.replace('_', '-') + ".js", Kind.JS, s,
                        i, sources));
            }
        }
    }

    private static String pkg(int i) {
        return PACKAGES[(i / 10) % PACKAGES.length];
    }

    static String docName(int i) {
        return i == 0 ? "index.md" : TOPICS[i % TOPICS.length] + (i >= TOPICS.length ? "-" + i : "") + ".md";
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** Writes the tree into {@code out} (created; must be empty or absent) and returns the manifest. */
    public Manifest generate(Path out) throws IOException {
        Files.createDirectories(out);
        try (var existing = Files.list(out)) {
            if (existing.findAny().isPresent()) {
                throw new IOException("output folder is not empty: " + out);
            }
        }
        List<Spec> specs = plan();
        specs.stream().map(s -> parentOf(s.path())).distinct().forEach(dir -> {
            try {
                Files.createDirectories(out.resolve(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long sourceCount = specs.stream().filter(s -> isSource(s.kind())).count();
        // the non-source files run about 1.5 KB on average; sources make up the rest of the mean
        long target = (long) files * avgBytes;
        long other = (specs.size() - sourceCount) * 1600L;
        int sourceAvg = sourceCount == 0 ? avgBytes : (int) Math.max(600, (target - other) / sourceCount);
        List<Planted> secrets = new ArrayList<>();
        List<BrokenLink> broken = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        List<Result> results = IntStream.range(0, specs.size()).parallel().mapToObj(i -> {
            Spec spec = specs.get(i);
            Text text = render(spec, sourceAvg);
            byte[] data = text.sb.toString().getBytes(StandardCharsets.UTF_8);
            try {
                Files.write(out.resolve(spec.path()), data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes.addAndGet(data.length);
            return new Result(text.secrets, text.broken);
        }).toList();
        results.forEach(r -> {
            secrets.addAll(r.secrets);
            broken.addAll(r.broken);
        });
        secrets.sort(Comparator.comparing(Planted::path).thenComparingInt(Planted::line));
        broken.sort(Comparator.comparing(BrokenLink::path).thenComparingInt(BrokenLink::line));
        int md = (int) specs.stream().filter(s -> s.path().endsWith(".md")).count();
        int compose = (int) specs.stream().filter(s -> s.kind() == Kind.SVC_COMPOSE || s.kind() == Kind.ROOT_COMPOSE).count();
        int revisions = (int) specs.stream().filter(s -> s.kind() == Kind.MIGRATION).count();
        return new Manifest(seed, specs.size(), bytes.get(), List.copyOf(secrets), List.copyOf(broken), md, compose,
                revisions);
    }

    private record Result(List<Planted> secrets, List<BrokenLink> broken) {
    }

    private static boolean isSource(Kind k) {
        return k == Kind.PY || k == Kind.JAVA || k == Kind.JS;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Text being written with its line count, planted secrets and broken links. */
    private static final class Text {
        final StringBuilder sb;
        final String path;
        int line;
        final List<Planted> secrets = new ArrayList<>();
        final List<BrokenLink> broken = new ArrayList<>();

        Text(String path, int capacity) {
            this.path = path;
            this.sb = new StringBuilder(capacity);
        }

        Text ln(String s) {
            sb.append(s).append('\n');
            line++;
            return this;
        }

        Text ln() {
            return ln("");
        }

        /** The next line written holds a planted secret of this kind. */
        void plant(String kind) {
            secrets.add(new Planted(path, line + 1, kind));
        }

        void brokenLink(String target) {
            broken.add(new BrokenLink(path, line + 1, target));
        }
    }

    private SplittableRandom rng(String path) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < path.length(); i++) {
            h = (h ^ path.charAt(i)) * 0x100000001B3L;
        }
        return new SplittableRandom(h);
    }

    private Text render(Spec spec, int sourceAvg) {
        SplittableRandom r = rng(spec.path());
        String svc = spec.service() < 0 ? "platform" : serviceName(spec.service());
        return switch (spec.kind()) {
            case ROOT_README -> rootReadme(spec, r);
            case ROOT_GITIGNORE -> gitignore(spec);
            case ROOT_COMPOSE -> compose(spec, r, "platform", true);
            case DOCS_INDEX -> docsIndex(spec, r);
            case CI_WORKFLOW -> workflow(spec, r);
            case SVC_README -> serviceReadme(spec, r, svc);
            case SVC_COMPOSE -> compose(spec, r, svc, false);
            case SVC_ENV_EXAMPLE -> envExample(spec, r, svc);
            case PROMETHEUS -> prometheus(spec, r, svc);
            case ALERTMANAGER -> alertmanager(spec, r, svc);
            case ALERT_RULES -> alertRules(spec, r, svc);
            case ALEMBIC_INI -> alembicIni(spec);
            case ALEMBIC_ENV -> alembicEnv(spec);
            case MIGRATION -> migration(spec, r, svc);
            case DOC -> doc(spec, r, svc);
            case PY -> python(spec, r, sourceAvg);
            case JAVA -> java(spec, r, sourceAvg);
            case JS -> javascript(spec, r, sourceAvg);
        };
    }

    // ---------------------------------------------------------------------------------------------- root files

    private Text rootReadme(Spec spec, SplittableRandom r) {
        Text t = new Text(spec.path(), 4096);
        t.ln("# Platform monorepo").ln();
        t.ln("Services of the platform, their compose stacks, monitoring and migrations.").ln();
        t.ln("## Getting started").ln();
        t.ln("```sh").ln("cp services/" + serviceName(0) + "/.env.example services/" + serviceName(0) + "/.env")
                .ln("docker compose up -d").ln("```").ln();
        t.ln("## Documentation").ln();
        t.ln("- [Documentation index](docs/index.md)");
        t.ln("- [Getting started](#getting-started)");
        t.ln().ln("## Services").ln();
        for (int s = 0; s < Math.min(servicesWithDocs(), 50); s++) {
            t.ln("- [" + serviceName(s) + "](services/" + serviceName(s) + "/README.md)");
        }
        return t;
    }

    private Text gitignore(Spec spec) {
        return new Text(spec.path(), 256).ln("__pycache__/").ln("*.pyc").ln("node_modules/").ln("target/")
                .ln(".env").ln("!.env.example").ln("*.log");
    }

    private Text docsIndex(Spec spec, SplittableRandom r) {
        Text t = new Text(spec.path(), 2048);
        t.ln("# Documentation index").ln();
        t.ln("Back to the [README](../README.md#documentation).").ln();
        t.ln("## Runbooks").ln();
        for (int s = 0; s < Math.min(servicesWithDocs(), 50); s++) {
            t.ln("- [" + serviceName(s) + " docs](../services/" + serviceName(s) + "/docs/index.md)");
        }
        return t;
    }

    private Text workflow(Spec spec, SplittableRandom r) {
        Text t = new Text(spec.path(), 1024);
        t.ln("name: ci").ln("on:").ln("  push:").ln("    branches: [main]").ln("  pull_request:").ln("jobs:")
                .ln("  build:").ln("    runs-on: ubuntu-latest").ln("    steps:")
                .ln("      - uses: actions/checkout@v4")
                .ln("      - uses: actions/setup-python@v5").ln("        with:").ln("          python-version: '3.12'")
                .ln("      - run: pip install -r requirements.txt")
                .ln("      - run: pytest -q")
                .ln("        env:").ln("          DATABASE_URL: ${{ secrets.DATABASE_URL }}");
        return t;
    }

    // ---------------------------------------------------------------------------------------------- services

    private Text serviceReadme(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 2048);
        t.ln("# " + svc).ln();
        t.ln("The " + svc + " service: " + sentence(r, 12)).ln();
        t.ln("## Running locally").ln();
        t.ln("```sh").ln("cp .env.example .env").ln("docker compose up -d api db").ln("alembic upgrade head").ln("```")
                .ln();
        t.ln("## Links").ln();
        if (spec.count() >= 9) {
            t.ln("- [Service documentation](docs/index.md)");
        }
        t.ln("- [Monitoring](monitoring/prometheus.yml)");
        t.ln("- [Alert rules](monitoring/rules/" + svc + ".rules.yml)");
        t.ln("- [Back to the platform](../../README.md#services)");
        return t;
    }

    private Text compose(Spec spec, SplittableRandom r, String svc, boolean root) {
        Text t = new Text(spec.path(), 4096);
        int port = 8000 + (spec.service() + 1) % 900;
        t.ln("name: " + svc).ln();
        t.ln("x-logging: &default-logging").ln("  driver: json-file").ln("  options:").ln("    max-size: \"10m\"")
                .ln("    max-file: \"3\"").ln();
        t.ln("services:");
        t.ln("  api:");
        t.ln("    image: registry.example.com/" + svc + "/api:" + version(r));
        t.ln("    build:").ln("      context: .").ln("      dockerfile: Dockerfile");
        t.ln("    restart: unless-stopped");
        if (!root) {
            t.ln("    env_file: .env.example");
        }
        t.ln("    environment:");
        t.ln("      DATABASE_URL: postgresql://app:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@db:5432/" + svc.replace('-', '_'));
        t.ln("      REDIS_URL: redis://redis:6379/0");
        t.ln("      LOG_LEVEL: ${LOG_LEVEL:-info}");
        t.ln("    ports:");
        t.ln("      - \"127.0.0.1:" + port + ":8080\"");
        t.ln("    depends_on:").ln("      db:").ln("        condition: service_healthy").ln("      redis:")
                .ln("        condition: service_started");
        t.ln("    healthcheck:").ln("      test: [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:8080/health\"]")
                .ln("      interval: 30s").ln("      timeout: 5s").ln("      retries: 3");
        t.ln("    logging: *default-logging");
        t.ln("    networks: [backend, monitoring]");
        int workers = 1 + r.nextInt(3);
        for (int w = 0; w < workers; w++) {
            t.ln("  worker-" + (w + 1) + ":");
            t.ln("    image: registry.example.com/" + svc + "/worker:" + version(r));
            t.ln("    command: [\"python\", \"-m\", \"app.worker\", \"--queue\", \"" + NOUNS[r.nextInt(NOUNS.length)] + "\"]");
            t.ln("    restart: unless-stopped");
            t.ln("    environment:").ln("      DATABASE_URL: postgresql://app:${POSTGRES_PASSWORD}@db:5432/" + svc.replace('-', '_'));
            t.ln("    depends_on: [db, redis]");
            t.ln("    logging: *default-logging");
            t.ln("    networks: [backend]");
        }
        t.ln("  db:");
        t.ln("    image: postgres:16.4");
        t.ln("    environment:").ln("      POSTGRES_USER: app").ln("      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}")
                .ln("      POSTGRES_DB: " + svc.replace('-', '_'));
        t.ln("    volumes:").ln("      - db-data:/var/lib/postgresql/data");
        t.ln("    healthcheck:").ln("      test: [\"CMD-SHELL\", \"pg_isready -U app\"]").ln("      interval: 10s");
        t.ln("    networks: [backend]");
        t.ln("  redis:").ln("    image: redis:7.4-alpine").ln("    networks: [backend]");
        t.ln("  prometheus:");
        t.ln("    image: prom/prometheus:v2.54.1");
        t.ln("    volumes:").ln("      - ./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro")
                .ln("      - ./monitoring/rules:/etc/prometheus/rules:ro");
        t.ln("    ports:").ln("      - \"127.0.0.1:" + (port + 1000) + ":9090\"");
        t.ln("    networks: [monitoring]");
        t.ln("  alertmanager:");
        t.ln("    image: prom/alertmanager:v0.27.0");
        t.ln("    volumes:").ln("      - ./monitoring/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        t.ln("    networks: [monitoring]");
        t.ln().ln("networks:").ln("  backend: {}").ln("  monitoring: {}").ln();
        t.ln("volumes:").ln("  db-data: {}");
        return t;
    }

    private Text envExample(Spec spec, SplittableRandom r, String svc) {
        return new Text(spec.path(), 512).ln("# copy to .env and fill in").ln("POSTGRES_PASSWORD=")
                .ln("LOG_LEVEL=info").ln("SENTRY_DSN=").ln("FEATURE_" + svc.toUpperCase(Locale.ROOT).replace('-', '_')
                        + "_ENABLED=false");
    }

    private Text prometheus(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 2048);
        t.ln("global:").ln("  scrape_interval: 15s").ln("  evaluation_interval: 15s").ln("  external_labels:")
                .ln("    service: " + svc).ln();
        t.ln("rule_files:").ln("  - /etc/prometheus/rules/*.yml").ln();
        t.ln("alerting:").ln("  alertmanagers:").ln("    - static_configs:").ln("        - targets: ['alertmanager:9093']")
                .ln();
        t.ln("scrape_configs:");
        t.ln("  - job_name: prometheus").ln("    static_configs:").ln("      - targets: ['localhost:9090']");
        t.ln("  - job_name: api").ln("    metrics_path: /metrics").ln("    static_configs:")
                .ln("      - targets: ['api:8080']").ln("        labels:").ln("          tier: backend");
        if (r.nextInt(3) == 0) {
            t.ln("  - job_name: postgres").ln("    static_configs:").ln("      - targets: ['postgres-exporter:9187']");
        }
        return t;
    }

    private Text alertmanager(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 2048);
        t.ln("global:").ln("  resolve_timeout: 5m").ln();
        t.ln("route:").ln("  receiver: team-" + svc).ln("  group_by: ['alertname', 'service']").ln("  group_wait: 30s")
                .ln("  group_interval: 5m").ln("  repeat_interval: 4h").ln("  routes:")
                .ln("    - matchers: ['severity=\"critical\"']").ln("      receiver: oncall-" + svc).ln();
        t.ln("receivers:");
        t.ln("  - name: team-" + svc).ln("    webhook_configs:").ln("      - url: http://alert-bridge:8080/hooks/" + svc)
                .ln("        send_resolved: true");
        t.ln("  - name: oncall-" + svc).ln("    webhook_configs:").ln("      - url: http://alert-bridge:8080/oncall/" + svc);
        t.ln().ln("inhibit_rules:").ln("  - source_matchers: ['severity=\"critical\"']")
                .ln("    target_matchers: ['severity=\"warning\"']").ln("    equal: ['alertname', 'service']");
        return t;
    }

    private Text alertRules(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 4096);
        t.ln("groups:").ln("  - name: " + svc).ln("    rules:");
        String[][] alerts = {
            {"InstanceDown", "up{job=\"api\"} == 0", "2m", "critical"},
            {"HighErrorRate", "sum(rate(http_requests_total{job=\"api\",status=~\"5..\"}[5m])) / sum(rate(http_requests_total{job=\"api\"}[5m])) > 0.05", "10m", "warning"},
            {"SlowRequests", "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job=\"api\"}[5m]))) > 1", "15m", "warning"},
            {"QueueBacklog", "sum(queue_depth{service=\"" + svc + "\"}) > 1000", "10m", "warning"},
        };
        int n = 2 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String[] a = alerts[i];
            t.ln("      - alert: " + a[0]).ln("        expr: " + a[1]).ln("        for: " + a[2])
                    .ln("        labels:").ln("          severity: " + a[3]).ln("        annotations:")
                    .ln("          summary: \"" + a[0] + " on {{ $labels.instance }}\"")
                    .ln("          runbook_url: https://runbooks.example.com/" + svc + "/" + a[0].toLowerCase(Locale.ROOT));
        }
        return t;
    }

    private Text alembicIni(Spec spec) {
        return new Text(spec.path(), 512).ln("[alembic]").ln("script_location = migrations")
                .ln("prepend_sys_path = .").ln("sqlalchemy.url = driver://user:pass@localhost/dbname").ln()
                .ln("[loggers]").ln("keys = root,sqlalchemy,alembic");
    }

    private Text alembicEnv(Spec spec) {
        return new Text(spec.path(), 1024).ln("from logging.config import fileConfig").ln()
                .ln("from alembic import context").ln("from sqlalchemy import engine_from_config, pool").ln()
                .ln("config = context.config").ln("fileConfig(config.config_file_name)").ln()
                .ln("def run_migrations_online():")
                .ln("    connectable = engine_from_config(config.get_section(config.config_ini_section), prefix=\"sqlalchemy.\", poolclass=pool.NullPool)")
                .ln("    with connectable.connect() as connection:")
                .ln("        context.configure(connection=connection)")
                .ln("        with context.begin_transaction():").ln("            context.run_migrations()").ln()
                .ln("run_migrations_online()");
    }

    /** Revision ids: 12 hex digits, derived from the service and position so the chain is consistent. */
    private String revisionId(int service, int index) {
        long h = (seed * 31 + service) * 1_000_003L + index;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return String.format(Locale.ROOT, "%012x", h & 0xFFFFFFFFFFFFL);
    }

    private Text migration(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 2048);
        int i = spec.index();
        String table = NOUNS[(i * 7 + spec.service()) % NOUNS.length] + "s";
        t.ln("\"\"\"" + VERBS[i % VERBS.length] + " " + table).ln();
        t.ln("Revision ID: " + revisionId(spec.service(), i));
        t.ln("Revises: " + (i == 0 ? "" : revisionId(spec.service(), i - 1)));
        t.ln("Create Date: 2025-" + String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, 1 + i % 28) + " 10:00:00");
        t.ln("\"\"\"").ln("from alembic import op").ln("import sqlalchemy as sa").ln();
        t.ln("revision = '" + revisionId(spec.service(), i) + "'");
        t.ln("down_revision = " + (i == 0 ? "None" : "'" + revisionId(spec.service(), i - 1) + "'"));
        t.ln("branch_labels = None").ln("depends_on = None").ln().ln();
        t.ln("def upgrade():");
        if (i == 0 || r.nextInt(3) == 0) {
            t.ln("    op.create_table(").ln("        '" + table + "',")
                    .ln("        sa.Column('id', sa.Integer(), primary_key=True),")
                    .ln("        sa.Column('name', sa.String(length=255), nullable=False),")
                    .ln("        sa.Column('created_at', sa.DateTime(), server_default=sa.func.now()),").ln("    )");
            t.ln("    op.create_index('ix_" + table + "_name', '" + table + "', ['name'])").ln().ln();
            t.ln("def downgrade():").ln("    op.drop_index('ix_" + table + "_name', table_name='" + table + "')")
                    .ln("    op.drop_table('" + table + "')");
        } else {
            String column = ADJECTIVES[r.nextInt(ADJECTIVES.length)] + "_" + NOUNS[r.nextInt(NOUNS.length)];
            t.ln("    op.add_column('" + table + "', sa.Column('" + column + "', sa.String(length=64), nullable=True))")
                    .ln().ln();
            t.ln("def downgrade():").ln("    op.drop_column('" + table + "', '" + column + "')");
        }
        return t;
    }

    private Text doc(Spec spec, SplittableRandom r, String svc) {
        Text t = new Text(spec.path(), 4096);
        int i = spec.index();
        String title = i == 0 ? svc + " documentation" : capital(TOPICS[i % TOPICS.length].replace('-', ' '));
        t.ln("# " + title).ln();
        t.ln(sentence(r, 20)).ln();
        List<String> headings = new ArrayList<>();
        int sections = 3 + r.nextInt(5);
        for (int h = 0; h < sections; h++) {
            String heading = capital(VERBS[r.nextInt(VERBS.length)]) + " the " + NOUNS[r.nextInt(NOUNS.length)];
            headings.add(heading);
            t.ln("## " + heading).ln();
            int paragraphs = 1 + r.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                t.ln(sentence(r, 15 + r.nextInt(25)));
                int other = r.nextInt(Math.max(1, spec.count()));
                String target = docName(other);
                if (r.nextInt(50) == 0) {
                    String bad = "missing-" + NOUNS[r.nextInt(NOUNS.length)] + ".md";
                    t.brokenLink(bad);
                    t.ln("See [the " + NOUNS[r.nextInt(NOUNS.length)] + " notes](" + bad + ").");
                } else {
                    t.ln("See [" + target.replace(".md", "") + "](" + target + ") and [the overview](#"
                            + slug(headings.get(0)) + ").");
                }
                t.ln();
            }
            if (r.nextInt(3) == 0) {
                t.ln("```sh").ln("docker compose logs -f api | grep -i " + NOUNS[r.nextInt(NOUNS.length)]).ln("```")
                        .ln();
            }
        }
        t.ln("Back to [the service README](../README.md#links).");
        return t;
    }

    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    // ---------------------------------------------------------------------------------------------- sources

    private static final String[] SECRET_KINDS = {"aws-access-key-id", "github-pat", "slack-token",
        "npm-access-token", "private-key"};

    /** About one source file in 40 holds a provider token. */
    private static boolean plants(SplittableRandom r) {
        return r.nextInt(40) == 0;
    }

    private static String token(SplittableRandom r, String kind) {
        return switch (kind) {
            case "aws-access-key-id" -> "AKIA" + chars(r, UPPER_DIGITS, 16);
            case "github-pat" -> "ghp_" + chars(r, ALNUM, 36);
            case "slack-token" -> "xoxb-" + chars(r, DIGITS, 12) + "-" + chars(r, DIGITS, 13) + "-" + chars(r, ALNUM, 24);
            case "npm-access-token" -> "npm_" + chars(r, ALNUM, 36);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static int targetSize(SplittableRandom r, int avg) {
        // skewed like real repositories: many small files, a few large ones; mean ~ avg
        double u = r.nextDouble();
        double f = u < 0.6 ? 0.3 + u : u < 0.9 ? 0.9 + (u - 0.6) * 3 : 1.8 + (u - 0.9) * 20;
        return (int) (avg * f / 1.14);
    }

    private Text python(Spec spec, SplittableRandom r, int avg) {
        int size = targetSize(r, avg);
        Text t = new Text(spec.path(), size + 512);
        t.ln("\"\"\"" + sentence(r, 8) + "\"\"\"").ln("import logging").ln("import os").ln("from dataclasses import dataclass")
                .ln().ln("log = logging.getLogger(__name__)").ln();
        int plantAt = plants(r) ? r.nextInt(Math.max(1, size / 2)) : -1;
        String kind = plantAt >= 0 ? SECRET_KINDS[r.nextInt(SECRET_KINDS.length)] : null;
        while (t.sb.length() < size) {
            if (kind != null && t.sb.length() >= plantAt) {
                if (kind.equals("private-key")) {
                    t.plant(kind);
                    privateKey(t, r, "DEPLOY_KEY = \"\"\"", "\"\"\"");
                } else {
                    t.plant(kind);
                    t.ln(constant(r) + " = \"" + token(r, kind) + "\"");
                }
                t.ln();
                kind = null;
            }
            String fn = VERBS[r.nextInt(VERBS.length)] + "_" + NOUNS[r.nextInt(NOUNS.length)];
            String arg = NOUNS[r.nextInt(NOUNS.length)];
            t.ln().ln("def " + fn + "(" + arg + ", limit=" + (10 + r.nextInt(90)) + "):");
            t.ln("    \"\"\"" + capital(sentence(r, 6 + r.nextInt(8))) + "\"\"\"");
            t.ln("    result = []");
            t.ln("    for item in " + arg + "[:limit]:");
            t.ln("        if item." + ADJECTIVES[r.nextInt(ADJECTIVES.length)] + ":");
            t.ln("            result.append(item." + NOUNS[r.nextInt(NOUNS.length)] + ")");
            t.ln("    log.debug(\"" + fn + ": %d items\", len(result))");
            t.ln("    return result");
        }
        return t;
    }

    private Text java(Spec spec, SplittableRandom r, int avg) {
        int size = targetSize(r, avg);
        Text t = new Text(spec.path(), size + 512);
        String name = spec.path().substring(spec.path().lastIndexOf('/') + 1).replace(".java", "");
        t.ln("package com.example." + pkg(spec.index()) + ";").ln().ln("import java.util.ArrayList;")
                .ln("import java.util.List;").ln().ln("/** " + capital(sentence(r, 10)) + " */")
                .ln("public final class " + name + " {").ln();
        int plantAt = plants(r) ? r.nextInt(Math.max(1, size / 2)) : -1;
        String kind = plantAt >= 0 ? SECRET_KINDS[r.nextInt(SECRET_KINDS.length)] : null;
        while (t.sb.length() < size) {
            if (kind != null && t.sb.length() >= plantAt) {
                if (kind.equals("private-key")) {
                    t.plant(kind);
                    privateKey(t, r, "    private static final String KEY = \"\"\"", "    \"\"\";");
                } else {
                    t.plant(kind);
                    t.ln("    private static final String " + constant(r) + " = \"" + token(r, kind) + "\";");
                }
                t.ln();
                kind = null;
            }
            String noun = NOUNS[r.nextInt(NOUNS.length)];
            String method = VERBS[r.nextInt(VERBS.length)] + capital(noun) + r.nextInt(1000);
            t.ln("    /** " + capital(sentence(r, 6 + r.nextInt(8))) + " */");
            t.ln("    public List<String> " + method + "(List<String> " + noun + "s, int limit) {");
            t.ln("        List<String> result = new ArrayList<>();");
            t.ln("        for (String item : " + noun + "s) {");
            t.ln("            if (result.size() >= limit) {").ln("                break;").ln("            }");
            t.ln("            if (item.startsWith(\"" + ADJECTIVES[r.nextInt(ADJECTIVES.length)] + "\")) {");
            t.ln("                result.add(item.trim());").ln("            }").ln("        }");
            t.ln("        return result;").ln("    }").ln();
        }
        t.ln("}");
        return t;
    }

    private Text javascript(Spec spec, SplittableRandom r, int avg) {
        int size = targetSize(r, avg);
        Text t = new Text(spec.path(), size + 512);
        t.ln("'use strict';").ln().ln("const { fetchJson } = require('../lib/http');").ln();
        int plantAt = plants(r) ? r.nextInt(Math.max(1, size / 2)) : -1;
        String kind = plantAt >= 0 ? SECRET_KINDS[r.nextInt(SECRET_KINDS.length - 1)] : null; // no PEM in JS
        List<String> exported = new ArrayList<>();
        while (t.sb.length() < size) {
            if (kind != null && t.sb.length() >= plantAt) {
                t.plant(kind);
                t.ln("const " + constant(r) + " = '" + token(r, kind) + "';").ln();
                kind = null;
            }
            String noun = NOUNS[r.nextInt(NOUNS.length)];
            String fn = VERBS[r.nextInt(VERBS.length)] + capital(noun) + r.nextInt(1000);
            exported.add(fn);
            t.ln("/** " + capital(sentence(r, 6 + r.nextInt(8))) + " */");
            t.ln("async function " + fn + "(" + noun + "Id, options = {}) {");
            t.ln("  const url = `/api/" + noun + "s/${" + noun + "Id}?limit=${options.limit || " + (10 + r.nextInt(90)) + "}`;");
            t.ln("  const body = await fetchJson(url);");
            t.ln("  return body.items.filter((x) => x." + ADJECTIVES[r.nextInt(ADJECTIVES.length)] + ");");
            t.ln("}").ln();
        }
        t.ln("module.exports = { " + String.join(", ", exported.subList(0, Math.min(5, exported.size()))) + " };");
        return t;
    }

    private static void privateKey(Text t, SplittableRandom r, String open, String close) {
        t.ln(open + "-----BEGIN RSA PRIVATE KEY-----");
        for (int i = 0; i < 12; i++) {
            t.ln(chars(r, BASE64, 64));
        }
        t.ln(chars(r, BASE64, 40) + "==");
        t.ln("-----END RSA PRIVATE KEY-----" + close);
    }

    private static String constant(SplittableRandom r) {
        return CONSTANTS[r.nextInt(CONSTANTS.length)];
    }

    // ---------------------------------------------------------------------------------------------- words

    private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE64 = ALNUM + "+/";

    private static String chars(SplittableRandom r, String alphabet, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private static String version(SplittableRandom r) {
        return r.nextInt(4) + "." + r.nextInt(20) + "." + r.nextInt(10);
    }

    private static String sentence(SplittableRandom r, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String[] list = switch (i % 4) {
                case 0 -> ADJECTIVES;
                case 1 -> NOUNS;
                case 2 -> VERBS;
                default -> FILLER;
            };
            sb.append(list[r.nextInt(list.length)]);
        }
        return sb.append('.').toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String camel(String s) {
        StringBuilder sb = new StringBuilder();
        for (String part : s.split("_")) {
            sb.append(capital(part));
        }
        return sb.toString();
    }

    private static final String[] NOUNS = {"account", "order", "invoice", "payment", "customer", "session", "report",
        "ticket", "message", "profile", "catalog", "product", "shipment", "basket", "review", "token", "device",
        "webhook", "schedule", "export", "upload", "tenant", "project", "metric", "billing", "search", "notice",
        "ledger", "refund", "coupon", "address", "quota"};
    private static final String[] SUFFIXES = {"api", "svc", "worker", "gateway", "sync", "hub"};
    private static final String[] VERBS = {"load", "sync", "build", "render", "merge", "fetch", "store", "publish",
        "validate", "archive", "rotate", "import", "resolve", "index", "notify", "close"};
    private static final String[] ADJECTIVES = {"active", "pending", "stale", "visible", "archived", "primary",
        "recent", "failed", "valid", "public", "shared", "local"};
    private static final String[] FILLER = {"when", "before", "after", "unless", "with", "for", "from", "into",
        "while", "so"};
    private static final String[] PACKAGES = {"core", "api", "storage", "events", "billing", "auth", "reports",
        "jobs"};
    private static final String[] TOPICS = {"index", "architecture", "deployment", "runbook", "monitoring",
        "configuration", "troubleshooting", "api-reference", "data-model", "release-process", "security",
        "onboarding"};
    private static final String[] CONSTANTS = {"API_TOKEN", "ACCESS_KEY", "DEPLOY_TOKEN", "CLIENT_KEY",
        "SERVICE_CREDENTIAL", "INTEGRATION_TOKEN"};

    // ---------------------------------------------------------------------------------------------- manifest

    /** The manifest as JSON (hand-written: the benchmark jar carries no JSON library of its own needs). */
    public static String toJson(Manifest m) {
        StringBuilder sb = new StringBuilder(64 + m.secrets().size() * 80);
        sb.append("{\n  \"seed\": ").append(m.seed()).append(",\n  \"files\": ").append(m.files())
                .append(",\n  \"bytes\": ").append(m.bytes()).append(",\n  \"markdownFiles\": ")
                .append(m.markdownFiles()).append(",\n  \"composeFiles\": ").append(m.composeFiles())
                .append(",\n  \"alembicRevisions\": ").append(m.alembicRevisions())
                .append(",\n  \"plantedSecrets\": ").append(m.secrets().size()).append(",\n  \"secrets\": [");
        for (int i = 0; i < m.secrets().size(); i++) {
            Planted p = m.secrets().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"path\": \"").append(p.path()).append("\", \"line\": ")
                    .append(p.line()).append(", \"kind\": \"").append(p.kind()).append("\"}");
        }
        sb.append("\n  ],\n  \"brokenLinks\": [");
        for (int i = 0; i < m.brokenLinks().size(); i++) {
            BrokenLink b = m.brokenLinks().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"path\": \"").append(b.path()).append("\", \"line\": ")
                    .append(b.line()).append(", \"target\": \"").append(b.target()).append("\"}");
        }
        return sb.append("\n  ]\n}\n").toString();
    }
}
