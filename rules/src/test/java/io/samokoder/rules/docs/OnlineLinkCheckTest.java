package io.samokoder.rules.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.Auditor;
import io.samokoder.engine.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The online mode against a local HTTP server on 127.0.0.1 only; no other network. */
class OnlineLinkCheckTest {

    @TempDir
    Path repo;

    private HttpServer server;
    private java.util.concurrent.ExecutorService pool;
    private String base;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        String path = x.getRequestURI().getPath();
        hits.computeIfAbsent(x.getRequestMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
        try {
            int status = switch (path) {
                case "/ok" -> 200;
                case "/gone" -> 404;
                case "/removed" -> 410;
                case "/busy" -> 429;
                case "/down" -> 503;
                case "/moved" -> {
                    x.getResponseHeaders().add("Location", base + "/ok");
                    yield 301;
                }
                case "/no-head" -> x.getRequestMethod().equals("HEAD") ? 405 : 200;
                case "/slow" -> {
                    sleep(8000);
                    yield 200;
                }
                default -> {
                    if (path.startsWith("/p")) {
                        sleep(150);
                        yield 200;
                    }
                    yield 404;
                }
            };
            // leave the in-flight count before answering: once the answer is out, the client may release its
            // per-host permit and start the next request before this thread runs again
            inFlight.decrementAndGet();
            x.sendResponseHeaders(status, -1);
        } finally {
            x.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A generous timeout: a cold JVM needs a while to start the HTTP client on a busy 2-core machine. */
    private AuditConfig config() {
        return AuditConfig.forRoot(repo).option("docs.online", "true").option("docs.online.checkLocalhost", "true")
                .option("docs.online.timeout", "10");
    }

    private List<Finding> audit(AuditConfig config) {
        return new Auditor().run(config).active().stream()
                .filter(f -> f.ruleId().equals("docs/broken-external-link")).toList();
    }

    @Test
    void brokenUnknownAndWorkingLinksAreTold() throws IOException {
        Files.writeString(repo.resolve("README.md"), String.join("\n",
                "[ok](" + base + "/ok#section)", "[gone](" + base + "/gone)", "<" + base + "/removed>",
                "[busy](" + base + "/busy)", "[down](" + base + "/down)", "[moved](" + base + "/moved)",
                "[head refused](" + base + "/no-head)", "") + "\n");
        List<Finding> f = audit(config());
        assertThat(f).extracting(Finding::line, x -> x.severity().id()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "medium"), org.assertj.core.groups.Tuple.tuple(3, "medium"),
                org.assertj.core.groups.Tuple.tuple(4, "info"), org.assertj.core.groups.Tuple.tuple(5, "info"));
        assertThat(f.get(0).message()).contains("/gone` is broken: HTTP 404");
        assertThat(f.get(2).message()).contains("could not be verified (HTTP 429)");
        assertThat(f.get(3).message()).contains("could not be verified (HTTP 503)");
        assertThat(hits.get("GET /no-head")).hasValue(1);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsUnknownNotBroken() throws IOException {
        Files.writeString(repo.resolve("README.md"), "[slow](" + base + "/slow)\n");
        List<Finding> f = audit(config().option("docs.online.timeout", "2"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity().id()).isEqualTo("info");
            assertThat(x.message()).contains("no response within 2 s");
        });
    }

    @Test
    void neverTouchesTheNetworkUnlessAsked() throws IOException {
        Files.writeString(repo.resolve("README.md"), "[gone](" + base + "/gone)\n");
        assertThat(audit(AuditConfig.forRoot(repo))).isEmpty();
        assertThat(audit(AuditConfig.forRoot(repo).option("docs.online", "false"))).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void localhostLinksAreSkippedByDefaultEvenOnline() throws IOException {
        Files.writeString(repo.resolve("README.md"), "Grafana: " + base.replace("127.0.0.1", "localhost") + "/gone\n");
        assertThat(audit(AuditConfig.forRoot(repo).option("docs.online", "true"))).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void eachUrlIsFetchedOnceAndThePerHostLimitHolds() throws IOException {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            md.append("[p](").append(base).append("/p").append(i).append(") [again](").append(base).append("/p")
                    .append(i).append("#x)\n");
        }
        Files.writeString(repo.resolve("README.md"), md.toString());
        Files.writeString(repo.resolve("OTHER.md"), "[same](" + base + "/p0)\n");
        assertThat(audit(config().option("docs.online.concurrency", "8").option("docs.online.perHost", "3")))
                .isEmpty();
        assertThat(requests).hasValue(12);
        assertThat(maxInFlight.get()).isBetween(2, 3);
    }

    @Test
    void theCacheFileSavesRequestsOnTheNextRunButUnknownResultsAreRetried(@TempDir Path build) throws IOException {
        Files.writeString(repo.resolve("README.md"), "[ok](" + base + "/ok) [gone](" + base + "/gone) [busy]("
                + base + "/busy)\n");
        // outside the audited tree, as a build folder would be, but inside this test's own folders
        Path cache = build.resolve("link-cache.json");
        AuditConfig c = config().option("docs.online.cache", cache.toString());
        List<Finding> first = audit(c);
        int afterFirst = requests.get();
        List<Finding> second = audit(c);
        assertThat(second).extracting(Finding::message).isEqualTo(first.stream().map(Finding::message).toList());
        assertThat(requests.get() - afterFirst).isEqualTo(1); // only /busy again
        assertThat(Files.readString(cache)).contains("/gone").contains("BROKEN");
    }

    @Test
    void aRelativeCachePathIsUnderTheConfiguredWorkingDirectory(@TempDir Path build) throws IOException {
        // the Maven goal's audit daemon serves builds of other folders than its own
        Files.writeString(repo.resolve("README.md"), "[gone](" + base + "/gone)\n");
        audit(config().option("docs.online.cache", "cache/links.json").workingDirectory(build));
        assertThat(build.resolve("cache/links.json")).content().contains("/gone");
        assertThat(Path.of("cache/links.json").toAbsolutePath()).doesNotExist();
        assertThat(AuditConfig.forRoot(repo).workingDirectory()).isEqualTo(Path.of("").toAbsolutePath());
    }
}
