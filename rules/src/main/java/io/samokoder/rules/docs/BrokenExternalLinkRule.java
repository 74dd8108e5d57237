package io.samokoder.rules.docs;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.FindingSink;
import io.samokoder.engine.Rule;
import io.samokoder.engine.RuleInfo;
import io.samokoder.engine.RuleOption;
import io.samokoder.engine.Severity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Opt-in online check of {@code http(s)} links ({@code docs.online=true}). Never touches the network otherwise.
 * Options: {@code docs.online.timeout} (seconds, 10), {@code docs.online.concurrency} (8), {@code docs.online.perHost}
 * (2), {@code docs.online.cache} (JSON file remembering results), {@code docs.online.cacheTtlHours} (24). Links to
 * localhost, private addresses and reserved example domains are about the reader's machine or illustrative and are not
 * checked; whatever a host name resolves to, the check connects only to public addresses ({@link AddressPolicy}).
 */
@RuleInfo(id = "docs/broken-external-link", category = Category.DOCS, severity = Severity.MEDIUM,
        summary = "An http(s) link in Markdown answers 404, 410 or another definite client error (online mode only).",
        remediation = "Update or remove the link; if the page moved, link to its new address.",
        description = "Runs only with the option docs.online=true. HEAD, then GET when HEAD is refused; redirects are"
                + " followed. 429, 5xx, 401/403, timeouts and connection failures are reported as info (unknown),"
                + " never as broken. Bounded concurrency, a per-host limit, one request per URL per run and an"
                + " optional cache file.")
public final class BrokenExternalLinkRule implements Rule {

    /** Tests only: links to loopback hosts are checked and 127.0.0.0/8 and ::1 connected to (a test's own server). */
    private final boolean allowLoopback;
    private final OnlineLinkChecker.Resolver resolver;
    private final OnlineLinkChecker.Connector connector;

    public BrokenExternalLinkRule() {
        this(false, OnlineLinkChecker.SYSTEM_RESOLVER, OnlineLinkChecker.DIRECT);
    }

    BrokenExternalLinkRule(boolean allowLoopback, OnlineLinkChecker.Resolver resolver,
                           OnlineLinkChecker.Connector connector) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
        this.connector = connector;
    }

    private static final Pattern PRIVATE = Pattern.compile(
            "localhost|.*\\.localhost|127(\\.\\d+){3}|0\\.0\\.0\\.0|\\[?::1]?|10(\\.\\d+){3}|192\\.168(\\.\\d+){2}"
                    + "|172\\.(1[6-9]|2\\d|3[01])(\\.\\d+){2}|.*\\.local|.*\\.internal|.*\\.test|.*\\.example"
                    + "|(.*\\.)?example\\.(com|org|net)|.*\\.invalid");
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d+){3}|\\[?::1]?");

    @Override
    public List<RuleOption> options() {
        return List.of(
                RuleOption.of("docs.online", RuleOption.Type.BOOLEAN, "false", "Check http(s) links over the network;"
                        + " the CI owner's setting, never .samokoder.yml's.").forOwnerOnly(),
                RuleOption.of("docs.online.timeout", RuleOption.Type.NUMBER, "10",
                        "Seconds per request (connect and response)."),
                RuleOption.of("docs.online.concurrency", RuleOption.Type.INTEGER, "8", "Requests in flight at most."),
                RuleOption.of("docs.online.perHost", RuleOption.Type.INTEGER, "2",
                        "Requests in flight to one host at most."),
                RuleOption.of("docs.online.cache", RuleOption.Type.PATH, "", "A JSON file remembering results between"
                        + " runs, relative to the working directory; unknown results are always retried. The CI"
                        + " owner's setting, never .samokoder.yml's.").forOwnerOnly(),
                RuleOption.of("docs.online.cacheTtlHours", RuleOption.Type.NUMBER, "24",
                        "Age after which a cached result is checked again."));
    }

    private static boolean enabled(AuditConfig config) {
        return Boolean.parseBoolean(config.optionOr("docs.online", "false").trim());
    }

    @Override
    public boolean isApplicable(AuditContext context) {
        return enabled(context.config()) && !LinkAnalysis.markdownFiles(context).isEmpty();
    }

    @Override
    public Set<String> inputs(AuditContext context) {
        return LinkAnalysis.markdownPaths(context);
    }

    @Override
    public void check(AuditContext context, FindingSink sink) {
        if (!enabled(context.config())) {
            return;
        }
        AuditConfig c = context.config();
        List<LinkAnalysis.WebLink> links = new ArrayList<>();
        for (LinkAnalysis.WebLink l : LinkAnalysis.of(context).webLinks()) {
            String host = hostOf(l.url());
            if (host == null) {
                continue;
            }
            // by name, so that illustrative links make no noise; what may be connected to is decided after lookup
            boolean local = PRIVATE.matcher(host).matches();
            if (!local || allowLoopback && LOOPBACK.matcher(host).matches()) {
                links.add(l);
            }
        }
        if (links.isEmpty()) {
            return;
        }
        String cache = c.optionOr("docs.online.cache", "").trim();
        OnlineLinkChecker checker = new OnlineLinkChecker(
                Duration.ofMillis((long) (number(c, "docs.online.timeout", 10) * 1000)),
                (int) number(c, "docs.online.concurrency", 8), (int) number(c, "docs.online.perHost", 2),
                cache.isEmpty() ? null : c.workingDirectory().resolve(cache),
                Duration.ofMinutes((long) (number(c, "docs.online.cacheTtlHours", 24) * 60)),
                context.workspace().root(), resolver, connector, allowLoopback);
        Map<String, OnlineLinkChecker.Result> results = checker.check(links.stream().map(LinkAnalysis.WebLink::url)
                .toList());
        for (LinkAnalysis.WebLink l : links) {
            OnlineLinkChecker.Result r = results.get(OnlineLinkChecker.withoutFragment(l.url()));
            if (r == null || r.verdict() == OnlineLinkChecker.Verdict.OK) {
                continue;
            }
            Finding.Builder f = Finding.of(this).at(l.path(), l.line(), l.column()).key(l.url());
            if (r.verdict() == OnlineLinkChecker.Verdict.BROKEN) {
                f.message(io.samokoder.i18n.Text.of("docs.external.broken", l.url(), r.detailText()));
            } else {
                f.severity(Severity.INFO).message(io.samokoder.i18n.Text.of("docs.external.unverified", l.url(),
                        r.detailText()));
            }
            sink.report(f.build());
        }
    }

    private static String hostOf(String url) {
        try {
            String host = URI.create(url.replace(" ", "%20")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double number(AuditConfig c, String key, double fallback) {
        try {
            double v = Double.parseDouble(c.optionOr(key, String.valueOf(fallback)).trim());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
