package io.samokoder.rules.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
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
 * when the server refuses HEAD; redirects followed; a timeout per request; at most {@code concurrency} requests at
 * once and at most {@code perHost} to one host; each URL (without its fragment) fetched once per run, and optionally
 * remembered across runs in a JSON cache file. 404 and 410 (and other 4xx except 401, 403, 408 and 429) are broken;
 * 429, 5xx, 401/403, timeouts and connection failures are "unknown", never "broken".
 */
public final class OnlineLinkChecker {

    public enum Verdict { OK, BROKEN, UNKNOWN }

    /** What one URL returned; {@code status} is 0 when there was no HTTP response. */
    public record Result(Verdict verdict, int status, String detail) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int concurrency;
    private final int perHost;
    private final Path cacheFile;
    private final Duration cacheTtl;
    private final Map<String, Semaphore> hostLimits = new ConcurrentHashMap<>();

    public OnlineLinkChecker(Duration timeout, int concurrency, int perHost, Path cacheFile, Duration cacheTtl) {
        this.timeout = timeout;
        this.concurrency = Math.max(1, concurrency);
        this.perHost = Math.max(1, perHost);
        this.cacheFile = cacheFile;
        this.cacheTtl = cacheTtl;
        // HTTP/1.1: the h2c upgrade the JDK client attempts on http:// can stall HEAD requests
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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
            int status = send(uri, "HEAD");
            if (status == 405 || status == 501 || status == 403 || status == 404 || status == 400) {
                status = send(uri, "GET"); // some servers answer HEAD wrongly; GET decides
            }
            return classify(status);
        } catch (HttpTimeoutException e) {
            return new Result(Verdict.UNKNOWN, 0, "no response within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Result(Verdict.UNKNOWN, 0, "connection failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Verdict.UNKNOWN, 0, "interrupted");
        } catch (RuntimeException e) {
            return new Result(Verdict.UNKNOWN, 0, "request failed: " + e.getClass().getSimpleName());
        } finally {
            host.release();
        }
    }

    private int send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("User-Agent", "samokoder-link-check (+https://github.com/samokoder)")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
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
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return cache;
        }
        try {
            JsonNode root = JSON.readTree(cacheFile.toFile());
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
        try {
            Path parent = cacheFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(cacheFile.toFile(), root);
        } catch (IOException e) {
            // the cache is an optimisation; failing to write it changes no result
        }
    }
}
