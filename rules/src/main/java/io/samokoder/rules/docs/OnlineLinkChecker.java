package io.samokoder.rules.docs;

import io.samokoder.workspace.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.samokoder.workspace.BoundedFiles;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks {@code http(s)} URLs over the network, only when the user asks ({@code docs.online=true}): HEAD first, GET
 * when the server refuses HEAD; redirects followed (at most five; not from https to http); a timeout per request; at
 * most {@code concurrency} requests at once and at most {@code perHost} to one host; each URL (without its fragment)
 * fetched once per run, and optionally remembered across runs in a JSON cache file. 404 and 410 (and other 4xx except
 * 401, 403, 408 and 429) are broken; 429, 5xx, 401/403, timeouts and connection failures are "unknown", never
 * "broken".
 *
 * <p>The links come from the audited repository, which may be hostile: every host, on every redirect, is resolved
 * once, each of its addresses judged by {@link AddressPolicy} (no loopback, private, link-local or metadata address,
 * in any IPv4 notation or inside an IPv6 address), and the connection is made to the judged address itself, so that
 * a second lookup cannot answer differently (DNS rebinding). The request is HTTP/1.1 over a socket of its own, with
 * TLS verifying the host name: the JDK's HTTP clients resolve the name again when they connect and offer no way to
 * pin the address. No proxy is used.
 */
public final class OnlineLinkChecker {

    public enum Verdict { OK, BROKEN, UNKNOWN }

    /** What one URL returned; {@code status} is 0 when there was no HTTP response. */
    public record Result(Verdict verdict, int status, String detail) {

        /**
         * {@link #detail} for reports in every language. The detail is also what the cache file keeps, so the text is
         * read back from its English form.
         */
        public io.samokoder.i18n.Text detailText() {
            java.util.regex.Matcher m;
            if (detail.startsWith("HTTP ") || detail.isEmpty()) {
                return io.samokoder.i18n.Text.verbatim(detail);
            }
            if ((m = java.util.regex.Pattern.compile("no response within (\\d+) s").matcher(detail)).matches()) {
                return io.samokoder.i18n.Text.of("docs.external.timeout", m.group(1));
            }
            for (String[] prefix : new String[][] {{"connection failed: ", "docs.external.connectionFailed"},
                    {"request failed: ", "docs.external.requestFailed"}}) {
                if (detail.startsWith(prefix[0])) {
                    return io.samokoder.i18n.Text.of(prefix[1], detail.substring(prefix[0].length()));
                }
            }
            if (detail.startsWith("not requested: ")) {
                return io.samokoder.i18n.Text.of("docs.external.notRequested",
                        Refused.reasonOf(detail.substring("not requested: ".length())));
            }
            return switch (detail) {
                case "interrupted" -> io.samokoder.i18n.Text.of("docs.external.interrupted");
                case "not a valid URL" -> io.samokoder.i18n.Text.of("docs.external.invalidUrl");
                case "URL has no host" -> io.samokoder.i18n.Text.of("docs.external.noHost");
                // what the check threw, as the JVM words it (the cache keeps nothing else)
                default -> io.samokoder.i18n.Text.of("docs.external.failed", io.samokoder.i18n.Text.verbatim(detail));
            };
        }
    }

    /** Name resolution: the JDK's (the system resolver) unless a test stands in for it. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Opens a TCP connection to exactly the address given: a direct socket unless a test stands in for it. */
    @FunctionalInterface
    interface Connector {
        Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;
    }

    static final Resolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    static final Connector DIRECT = (address, timeoutMillis) -> {
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            socket.connect(address, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        return socket;
    };

    static final int MAX_REDIRECTS = 5;
    /** Status line and headers of a response: larger is no answer this check needs. */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** A cache file of some 100,000 URLs. */
    static final long MAX_CACHE_BYTES = 16L * 1024 * 1024;

    private final Duration timeout;
    private final int concurrency;
    private final int perHost;
    private final Path cacheFile;
    private final Duration cacheTtl;
    private final Path auditedRoot;
    private final Resolver resolver;
    private final Connector connector;
    private final boolean allowLoopback;
    private final Map<String, Semaphore> hostLimits = new ConcurrentHashMap<>();

    public OnlineLinkChecker(Duration timeout, int concurrency, int perHost, Path cacheFile, Duration cacheTtl) {
        this(timeout, concurrency, perHost, cacheFile, cacheTtl, null, SYSTEM_RESOLVER, DIRECT, false);
    }

    /**
     * @param auditedRoot   a cache file inside it is read without following links (null: the path is the CI
     *                      owner's)
     * @param allowLoopback tests only: 127.0.0.0/8 and ::1 may be connected to (a test's own server); every other
     *                      refusal holds
     */
    OnlineLinkChecker(Duration timeout, int concurrency, int perHost, Path cacheFile, Duration cacheTtl,
                      Path auditedRoot, Resolver resolver, Connector connector, boolean allowLoopback) {
        this.timeout = timeout;
        this.concurrency = Math.max(1, concurrency);
        this.perHost = Math.max(1, perHost);
        this.cacheFile = cacheFile;
        this.cacheTtl = cacheTtl;
        this.auditedRoot = auditedRoot;
        this.resolver = resolver;
        this.connector = connector;
        this.allowLoopback = allowLoopback;
    }

    /** Results by URL (fragment removed), in URL order. */
    public Map<String, Result> check(Collection<String> urls) {
        TreeSet<String> unique = new TreeSet<>();
        for (String u : urls) {
            unique.add(withoutFragment(u));
        }
        Map<String, Result> results = new TreeMap<>();
        Map<String, CacheEntry> cache = readCache();
        List<String> todo = new ArrayList<>();
        Instant now = Instant.now();
        for (String u : unique) {
            CacheEntry e = cache.get(u);
            if (e != null && e.result.verdict() != Verdict.UNKNOWN && e.at.plus(cacheTtl).isAfter(now)) {
                results.put(u, e.result);
            } else {
                todo.add(u);
            }
        }
        if (!todo.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, todo.size()), r -> {
                Thread t = new Thread(r, "samokoder-link-check");
                t.setDaemon(true);
                return t;
            });
            try {
                Map<String, Future<Result>> futures = new LinkedHashMap<>();
                for (String u : todo) {
                    futures.put(u, pool.submit(() -> fetch(u)));
                }
                for (Map.Entry<String, Future<Result>> f : futures.entrySet()) {
                    Result r;
                    try {
                        r = f.getValue().get();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        r = new Result(Verdict.UNKNOWN, 0, "interrupted");
                    } catch (ExecutionException e) {
                        r = new Result(Verdict.UNKNOWN, 0, String.valueOf(e.getCause()));
                    }
                    results.put(f.getKey(), r);
                    cache.put(f.getKey(), new CacheEntry(r, now));
                }
            } finally {
                pool.shutdownNow();
            }
            writeCache(cache);
        }
        return results;
    }

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private Result fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return new Result(Verdict.BROKEN, 0, "not a valid URL");
        }
        if (uri.getHost() == null) {
            return new Result(Verdict.BROKEN, 0, "URL has no host");
        }
        Semaphore host = hostLimits.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT),
                h -> new Semaphore(perHost));
        try {
            host.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Verdict.UNKNOWN, 0, "interrupted");
        }
        try {
            int status = follow(uri, "HEAD");
            if (status == 405 || status == 501 || status == 403 || status == 404 || status == 400) {
                status = follow(uri, "GET"); // some servers answer HEAD wrongly; GET decides
            }
            return classify(status);
        } catch (Refused e) {
            return new Result(Verdict.UNKNOWN, 0, "not requested: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return new Result(Verdict.UNKNOWN, 0, "no response within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(Verdict.UNKNOWN, 0, "connection failed: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            return new Result(Verdict.UNKNOWN, 0, "request failed: " + e.getClass().getSimpleName());
        } finally {
            host.release();
        }
    }

    /** A host the check will not connect to; its message says which address and why. */
    static final class Refused extends IOException {
        private static final java.util.regex.Pattern AMBIGUOUS = java.util.regex.Pattern.compile(
                "(\\S+) is an ambiguous numeric address \\((\\S+) or (\\S+)\\)");
        private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile(
                "(\\S+) (is|resolves to) (\\S+), (.+)");

        Refused(io.samokoder.i18n.Text reason) {
            super(reason.english());
        }

        /** The reason whose English is {@code english} (the detail the cache keeps), in every language. */
        static io.samokoder.i18n.Text reasonOf(String english) {
            if (english.equals(io.samokoder.i18n.Text.of("docs.refused.scheme").english())) {
                return io.samokoder.i18n.Text.of("docs.refused.scheme");
            }
            java.util.regex.Matcher m = AMBIGUOUS.matcher(english);
            if (m.matches()) {
                return io.samokoder.i18n.Text.of("docs.refused.ambiguous", m.group(1), m.group(2), m.group(3));
            }
            m = ADDRESS.matcher(english);
            if (m.matches()) {
                java.util.Optional<io.samokoder.i18n.Text> why = AddressPolicy.refusalOf(m.group(4));
                if (why.isPresent()) {
                    return io.samokoder.i18n.Text.of(m.group(2).equals("is") ? "docs.refused.is"
                            : "docs.refused.resolves", m.group(1), m.group(3), why.get());
                }
            }
            // a cache file edited by hand: its words, quoted
            return io.samokoder.i18n.Text.verbatim(english);
        }
    }

    /** The final status of {@code method} on {@code uri}, redirects followed, each hop resolved and judged. */
    private int follow(URI start, String method) throws IOException {
        URI uri = start;
        String m = method;
        for (int hop = 0; ; hop++) {
            Response r = exchange(uri, m, pinnedAddress(uri));
            boolean redirect = r.status == 301 || r.status == 302 || r.status == 303 || r.status == 307
                    || r.status == 308;
            if (!redirect || r.location == null) {
                return r.status;
            }
            URI next;
            try {
                next = uri.resolve(r.location.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                return r.status;
            }
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null
                    || "https".equalsIgnoreCase(uri.getScheme()) && scheme.equals("http")) {
                return r.status; // as the JDK's client: no redirect to another scheme or from https to http
            }
            if (hop + 1 > MAX_REDIRECTS) {
                throw new IOException("too many redirects");
            }
            if (r.status == 303) {
                m = "GET";
            }
            uri = next;
        }
    }

    /**
     * The one address this hop connects to: the host resolved once, refused if any of its addresses may not be
     * reached (a name that answers with a public and a private address is not taken at its word), or a numeric host
     * that the C library reads as another address than the JDK.
     */
    InetAddress pinnedAddress(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(io.samokoder.i18n.Text.of("docs.refused.scheme"));
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        java.util.Optional<byte[]> numeric = AddressPolicy.inetAton(host);
        if (numeric.isPresent()) {
            InetAddress meant = InetAddress.getByAddress(numeric.get());
            java.util.Optional<io.samokoder.i18n.Text> why = refusal(meant);
            if (why.isPresent()) {
                throw new Refused(io.samokoder.i18n.Text.of("docs.refused.is", host, meant.getHostAddress(),
                        why.get()));
            }
        }
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress a : addresses) {
            java.util.Optional<io.samokoder.i18n.Text> why = refusal(a);
            if (why.isPresent()) {
                throw new Refused(io.samokoder.i18n.Text.of("docs.refused.resolves", host, a.getHostAddress(),
                        why.get()));
            }
        }
        if (numeric.isPresent() && !java.util.Arrays.equals(numeric.get(), addresses[0].getAddress())) {
            throw new Refused(io.samokoder.i18n.Text.of("docs.refused.ambiguous", host,
                    addresses[0].getHostAddress(), InetAddress.getByAddress(numeric.get()).getHostAddress()));
        }
        return addresses[0];
    }

    java.util.Optional<io.samokoder.i18n.Text> refusal(InetAddress address) {
        if (allowLoopback && address.isLoopbackAddress()) {
            return java.util.Optional.empty();
        }
        return AddressPolicy.refusal(address);
    }

    private record Response(int status, String location) {
    }

    /** One HTTP/1.1 request to {@code address}, whatever the host name would resolve to now. */
    private Response exchange(URI uri, String method, InetAddress address) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + timeout.toNanos();
        Socket socket = connector.connect(new InetSocketAddress(address, port), remainingMillis(deadline));
        String name = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        try (Socket s = https ? tls(socket, name, port) : socket) {
            s.setSoTimeout(remainingMillis(deadline));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String target = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String hostHeader = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            String request = method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader
                    + "\r\nUser-Agent: samokoder-link-check (+https://github.com/samokoder)\r\nAccept: */*"
                    + "\r\nConnection: close\r\n\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readHead(new BufferedInputStream(s.getInputStream()), s, deadline);
        } finally {
            socket.close();
        }
    }

    private static Socket tls(Socket plain, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
        if (host.indexOf(':') < 0 && AddressPolicy.inetAton(host).isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    /** The status code and Location of a response, from its status line and headers. */
    private static Response readHead(InputStream in, Socket socket, long deadline) throws IOException {
        String statusLine = readLine(in, socket, deadline, new int[]{0});
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
        String location = null;
        int[] read = {statusLine.length()};
        while (true) {
            String line = readLine(in, socket, deadline, read);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("location")) {
                location = line.substring(colon + 1).trim();
            }
        }
        if (status >= 100 && status < 200) {
            return readHead(in, socket, deadline); // an interim answer: the real one follows
        }
        return new Response(status, location);
    }

    private static String readLine(InputStream in, Socket socket, long deadline, int[] read) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed in the response head");
            }
            if (++read[0] > MAX_HEADER_BYTES) {
                throw new IOException("response head larger than " + MAX_HEADER_BYTES + " bytes");
            }
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("timed out");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    static Result classify(int status) {
        if (status >= 200 && status < 400) {
            return new Result(Verdict.OK, status, "HTTP " + status);
        }
        if (status == 429 || status >= 500 || status == 401 || status == 403 || status == 408) {
            return new Result(Verdict.UNKNOWN, status, "HTTP " + status);
        }
        return new Result(Verdict.BROKEN, status, "HTTP " + status);
    }

    private record CacheEntry(Result result, Instant at) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Map<String, CacheEntry> readCache() {
        Map<String, CacheEntry> cache = new TreeMap<>();
        if (cacheFile == null || !Files.exists(cacheFile, LinkOption.NOFOLLOW_LINKS)) {
            return cache;
        }
        try {
            JsonNode root = JSON.readTree(BoundedFiles.read(cacheFile, MAX_CACHE_BYTES, auditedRoot));
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("urls").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                cache.put(e.getKey(), new CacheEntry(new Result(Verdict.valueOf(v.path("verdict").asText("UNKNOWN")),
                        v.path("status").asInt(), v.path("detail").asText("")),
                        Instant.ofEpochSecond(v.path("checkedAt").asLong())));
            }
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>(); // a corrupt cache is a cold cache
        }
        return cache;
    }

    private void writeCache(Map<String, CacheEntry> cache) {
        if (cacheFile == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode urls = root.putObject("urls");
        for (Map.Entry<String, CacheEntry> e : new TreeMap<>(cache).entrySet()) {
            ObjectNode v = urls.putObject(e.getKey());
            v.put("verdict", e.getValue().result().verdict().name());
            v.put("status", e.getValue().result().status());
            v.put("detail", e.getValue().result().detail());
            v.put("checkedAt", e.getValue().at().getEpochSecond());
        }
        if (Files.exists(cacheFile, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(cacheFile, LinkOption.NOFOLLOW_LINKS)) {
            return; // a FIFO would block the write, a link would write elsewhere: no cache is better
        }
        try {
            io.samokoder.workspace.AtomicFiles.write(cacheFile, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(root));
        } catch (IOException e) {
            // the cache is an optimisation; failing to write it changes no result
        }
    }
}
