package io.samokoder.rules.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.samokoder.engine.AuditConfig;
import io.samokoder.audit.Auditor;
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
    private final List<String> hosts = new java.util.concurrent.CopyOnWriteArrayList<>();

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
        hosts.add(x.getRequestHeaders().getFirst("Host"));
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
                case "/to-metadata" -> {
                    x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                    yield 302;
                }
                case "/to-mapped-metadata" -> {
                    x.getResponseHeaders().add("Location", "http://[::ffff:a9fe:a9fe]/latest/meta-data/");
                    yield 307;
                }
                case "/to-intranet" -> {
                    x.getResponseHeaders().add("Location", "http://intranet.acme.io/admin");
                    yield 301;
                }
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
        return AuditConfig.forRoot(repo).option("docs.online", "true").option("docs.online.timeout", "10");
    }

    /**
     * Connects only to loopback: whatever the code under test decides, no test here can send a packet off the
     * machine.
     */
    static final OnlineLinkChecker.Connector LOOPBACK_ONLY = (address, timeout) -> {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new AssertionError("a test tried to connect to " + address);
        }
        return OnlineLinkChecker.DIRECT.connect(address, timeout);
    };

    /** The rule with the test's own server allowed: loopback links checked, 127.0.0.1 connected to. */
    private List<Finding> audit(AuditConfig config) {
        return findings(new Auditor(List.of(new BrokenExternalLinkRule(true, OnlineLinkChecker.SYSTEM_RESOLVER,
                LOOPBACK_ONLY))), config);
    }

    /** The rule as shipped. */
    private List<Finding> auditAsShipped(AuditConfig config) {
        return findings(new Auditor(), config);
    }

    private static List<Finding> findings(Auditor auditor, AuditConfig config) {
        return auditor.run(config).active().stream()
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
        assertThat(auditAsShipped(AuditConfig.forRoot(repo))).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void localhostLinksAreSkippedByDefaultEvenOnline() throws IOException {
        Files.writeString(repo.resolve("README.md"), "Grafana: " + base.replace("127.0.0.1", "localhost") + "/gone\n"
                + "and [local](" + base + "/gone)\n");
        assertThat(auditAsShipped(AuditConfig.forRoot(repo).option("docs.online", "true"))).isEmpty();
        // the option that once let the repository's own settings turn loopback checks on is gone
        assertThat(auditAsShipped(AuditConfig.forRoot(repo).option("docs.online", "true")
                .option("docs.online.checkLocalhost", "true"))).isEmpty();
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

    private int port() {
        return server.getAddress().getPort();
    }

    @Test
    void loopbackReachedThroughTheDecimalOrTheIpv4MappedFormIsRefused() throws IOException {
        // the same server, named as 2130706433 and [::ffff:127.0.0.1]: a name pattern saw neither as loopback
        Files.writeString(repo.resolve("README.md"), "[decimal](http://2130706433:" + port() + "/gone)\n"
                + "[mapped](http://[::ffff:127.0.0.1]:" + port() + "/gone)\n");
        List<Finding> f = auditAsShipped(config());
        assertThat(f).extracting(Finding::line, x -> x.severity().id(), Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "info", "`http://2130706433:" + port() + "/gone` could not be"
                        + " verified (not requested: 2130706433 is 127.0.0.1, a loopback address); not counted as broken"),
                org.assertj.core.groups.Tuple.tuple(2, "info", "`http://[::ffff:127.0.0.1]:" + port() + "/gone` could"
                        + " not be verified (not requested: ::ffff:127.0.0.1 resolves to 127.0.0.1, a loopback address);"
                        + " not counted as broken"));
        assertThat(requests).hasValue(0);
        // allowed as a test's own server, the same links do reach it: the refusal above is what stopped them
        assertThat(audit(config())).extracting(Finding::line).containsExactly(1, 2);
        assertThat(requests).hasValue(4); // HEAD 404, then GET, for each
    }

    @Test
    void aNumericHostIsJudgedAsTheCLibraryReadsItToo() throws IOException {
        // 0177.0.0.1 is 127.0.0.1 to curl and browsers, 177.0.0.1 to the JDK: neither reading is connected to
        Files.writeString(repo.resolve("README.md"), "[octal](http://0177.0.0.1:" + port() + "/ok)\n");
        assertThat(auditAsShipped(config())).singleElement().extracting(Finding::message).asString()
                .contains("not requested: 0177.0.0.1 is 127.0.0.1, a loopback address");
        assertThat(audit(config())).singleElement().extracting(Finding::message).asString()
                .contains("not requested: 0177.0.0.1 is an ambiguous numeric address (177.0.0.1 or 127.0.0.1)");
        assertThat(requests).hasValue(0);
    }

    @Test
    void everyRedirectHopIsJudgedBeforeItIsFollowed() throws IOException {
        Files.writeString(repo.resolve("README.md"), "[a](" + base + "/to-metadata)\n[b](" + base
                + "/to-mapped-metadata)\n");
        List<Finding> f = audit(config());
        assertThat(f).extracting(Finding::message).containsExactly(
                "`" + base + "/to-metadata` could not be verified (not requested: 169.254.169.254 is 169.254.169.254,"
                        + " a link-local address (cloud metadata: 169.254.169.254)); not counted as broken",
                "`" + base + "/to-mapped-metadata` could not be verified (not requested: ::ffff:a9fe:a9fe resolves to"
                        + " 169.254.169.254, a link-local address (cloud metadata: 169.254.169.254)); not counted as"
                        + " broken");
        assertThat(hits.get("HEAD /to-metadata")).hasValue(1);
    }

    /** A resolver that answers from a table and counts its lookups; never the system's. */
    static final class Table implements OnlineLinkChecker.Resolver {
        final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
        final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Table answer(String host, String... addresses) throws java.net.UnknownHostException {
            List<InetAddress> list = new java.util.ArrayList<>();
            for (String a : addresses) {
                list.add(InetAddress.getByAddress(host, InetAddress.getByName(a).getAddress()));
            }
            answers.put(host, list);
            return this;
        }

        @Override
        public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
            asked.add(host);
            List<InetAddress> list = answers.get(host);
            if (list == null) {
                throw new java.net.UnknownHostException(host);
            }
            return list.toArray(new InetAddress[0]);
        }
    }

    private OnlineLinkChecker checker(OnlineLinkChecker.Resolver resolver, OnlineLinkChecker.Connector connector,
                                      boolean allowLoopback) {
        return new OnlineLinkChecker(java.time.Duration.ofSeconds(10), 4, 2, null, java.time.Duration.ofHours(1),
                repo, resolver, connector, allowLoopback);
    }

    @Test
    void privateLinkLocalAndMetadataAddressesAreRefusedOnTheResolvedAddressWithoutAConnection() throws IOException {
        Table dns = new Table().answer("intranet.acme.io", "10.0.0.1").answer("metadata.acme.io", "169.254.169.254")
                .answer("ula.acme.io", "fd00::1").answer("aws-v6.acme.io", "fd00:ec2::254")
                .answer("alibaba.acme.io", "100.100.100.200").answer("azure.acme.io", "168.63.129.16")
                .answer("nat64.acme.io", "64:ff9b::a9fe:a9fe").answer("sixtofour.acme.io", "2002:a9fe:a9fe::1")
                .answer("compatible.acme.io", "::10.0.0.1").answer("zero.acme.io", "0.0.0.0")
                .answer("multicast.acme.io", "224.0.0.1").answer("link6.acme.io", "fe80::1")
                .answer("mixed.acme.io", "93.184.216.34", "192.168.1.10");
        List<java.net.InetSocketAddress> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
        OnlineLinkChecker.Connector none = (address, timeout) -> {
            connections.add(address);
            throw new AssertionError("no connection may be opened: " + address);
        };
        Map<String, OnlineLinkChecker.Result> r = checker(dns, none, false).check(dns.answers.keySet().stream()
                .map(h -> "https://" + h + "/page").toList());
        assertThat(connections).isEmpty();
        Map<String, String> details = new java.util.TreeMap<>();
        r.forEach((url, result) -> {
            assertThat(result.verdict()).isEqualTo(OnlineLinkChecker.Verdict.UNKNOWN);
            details.put(url.substring(8, url.indexOf('/', 8)), result.detail());
        });
        assertThat(details).containsEntry("intranet.acme.io",
                        "not requested: intranet.acme.io resolves to 10.0.0.1, a private address")
                .containsEntry("metadata.acme.io", "not requested: metadata.acme.io resolves to 169.254.169.254,"
                        + " a link-local address (cloud metadata: 169.254.169.254)")
                .containsEntry("ula.acme.io", "not requested: ula.acme.io resolves to fd00:0:0:0:0:0:0:1, a unique"
                        + " local (private) address (cloud metadata: fd00:ec2::254)")
                .containsEntry("mixed.acme.io", "not requested: mixed.acme.io resolves to 192.168.1.10, a private"
                        + " address");
        assertThat(details.get("aws-v6.acme.io")).contains("a unique local (private) address");
        assertThat(details.get("alibaba.acme.io")).contains("a shared (carrier-grade NAT) address");
        assertThat(details.get("azure.acme.io")).contains("a cloud platform endpoint");
        assertThat(details.get("nat64.acme.io")).contains("a link-local address", "inside an IPv6 address");
        assertThat(details.get("sixtofour.acme.io")).contains("a link-local address", "inside a 6to4 address");
        assertThat(details.get("compatible.acme.io")).contains("a private address, inside an IPv6 address");
        assertThat(details.get("zero.acme.io")).contains("an unspecified address");
        assertThat(details.get("multicast.acme.io")).contains("a multicast address");
        assertThat(details.get("link6.acme.io")).contains("a link-local address");
    }

    @Test
    void theConnectionGoesToTheAddressThatWasJudgedNotToASecondLookup() throws IOException {
        // a rebinding name: loopback (the test's server, allowed here) first, a private address on any later lookup
        OnlineLinkChecker.Resolver rebinding = new OnlineLinkChecker.Resolver() {
            final AtomicInteger calls = new AtomicInteger();

            @Override
            public InetAddress[] resolve(String host) throws java.net.UnknownHostException {
                byte[] a = calls.getAndIncrement() == 0 ? new byte[]{127, 0, 0, 1} : new byte[]{10, 0, 0, 1};
                return new InetAddress[]{InetAddress.getByAddress(host, a)};
            }
        };
        List<java.net.InetSocketAddress> connections = new java.util.concurrent.CopyOnWriteArrayList<>();
        OnlineLinkChecker.Connector recording = (address, timeout) -> {
            connections.add(address);
            return LOOPBACK_ONLY.connect(address, timeout);
        };
        Map<String, OnlineLinkChecker.Result> r = checker(rebinding, recording, true)
                .check(List.of("http://docs.acme.io:" + port() + "/ok"));
        assertThat(r.values()).singleElement().extracting(OnlineLinkChecker.Result::verdict)
                .isEqualTo(OnlineLinkChecker.Verdict.OK);
        assertThat(connections).extracting(a -> a.getAddress().getHostAddress()).containsExactly("127.0.0.1");
        assertThat(hosts).containsExactly("docs.acme.io:" + port()); // the name is still the one the link gives
    }

    @Test
    void aRedirectToANameThatResolvesPrivatelyIsRefused() throws IOException {
        Table dns = new Table().answer("docs.acme.io", "127.0.0.1").answer("intranet.acme.io", "10.0.0.1");
        Map<String, OnlineLinkChecker.Result> r = checker(dns, LOOPBACK_ONLY, true)
                .check(List.of("http://docs.acme.io:" + port() + "/to-intranet"));
        assertThat(r.values()).singleElement().extracting(OnlineLinkChecker.Result::detail)
                .isEqualTo("not requested: intranet.acme.io resolves to 10.0.0.1, a private address");
        assertThat(dns.asked).containsExactly("docs.acme.io", "intranet.acme.io");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aCacheFileThatIsAFifoIsNeitherReadNorWritten(@TempDir Path build) throws Exception {
        // opening a FIFO without a writer blocks: finishing proves it was never opened
        Path fifo = build.resolve("links.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Files.writeString(repo.resolve("README.md"), "[gone](" + base + "/gone)\n");
        assertThat(audit(config().option("docs.online.cache", fifo.toString()))).hasSize(1);
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void aRefusalReadBackFromTheCacheIsWordedInEachLanguage() {
        // the cache keeps the English detail; the Russian report must not show it as it is
        Map<String, String> russian = Map.of(
                "not requested: 10.0.0.1 is 10.0.0.1, a private address",
                "запрос не отправлялся: 10.0.0.1 — это 10.0.0.1, частный адрес",
                "not requested: example.test resolves to ::ffff:127.0.0.1, a loopback address, inside an IPv6 address",
                "запрос не отправлялся: example.test разрешается в ::ffff:127.0.0.1, адрес loopback, вложенный в"
                        + " IPv6-адрес",
                "not requested: 0x7f.1 is an ambiguous numeric address (93.184.216.34 or 127.0.0.1)",
                "запрос не отправлялся: 0x7f.1 — неоднозначный числовой адрес (93.184.216.34 или 127.0.0.1)",
                "not requested: not an http(s) URL", "запрос не отправлялся: это не URL с http(s)");
        russian.forEach((detail, ru) -> {
            io.samokoder.i18n.Text t = new OnlineLinkChecker.Result(OnlineLinkChecker.Verdict.UNKNOWN, 0, detail)
                    .detailText();
            assertThat(t.english()).isEqualTo(detail);
            assertThat(t.render(io.samokoder.i18n.Text.RUSSIAN)).isEqualTo(ru);
        });
    }
}
