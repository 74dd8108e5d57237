package io.samokoder.rules.monitoring;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;
import io.samokoder.model.prometheus.PrometheusConfig;
import io.samokoder.model.prometheus.PrometheusConfigs;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Joins shared by the monitoring checks. */
final class Monitoring {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private Monitoring() {
    }

    static ComposeProject compose(AuditContext ctx) {
        return ctx.model(ComposeProject.class, ComposeProject::load);
    }

    static PrometheusConfigs prometheus(AuditContext ctx) {
        return ctx.model(PrometheusConfigs.class, PrometheusConfigs::load);
    }

    /** The stacks that run a Prometheus config, or every stack when none mounts it. */
    static List<ComposeStack> stacksRunning(AuditContext ctx, PrometheusConfig cfg) {
        List<ComposeStack> out = new ArrayList<>();
        for (PrometheusConfigs.Runner r : prometheus(ctx).runnersOf(cfg.path())) {
            if (!out.contains(r.stack())) {
                out.add(r.stack());
            }
        }
        return out.isEmpty() ? compose(ctx).stacks() : out;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("0.0.0.0");
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** Service names of the stacks, for messages. */
    static List<String> serviceNames(List<ComposeStack> stacks) {
        Set<String> names = new LinkedHashSet<>();
        stacks.forEach(s -> names.addAll(s.services().keySet()));
        return new ArrayList<>(names);
    }

    /** Names of the stacks' files, for messages. */
    static String files(List<ComposeStack> stacks) {
        Set<String> files = new LinkedHashSet<>();
        for (ComposeStack s : stacks) {
            files.addAll(s.defaultFiles().isEmpty() ? s.files() : s.defaultFiles());
        }
        return files.isEmpty() ? "no compose file" : String.join(", ", files);
    }

    /** Up to three candidates closest to {@code name} (edit distance, then alphabetical). */
    static List<String> closest(String name, List<String> candidates) {
        LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
        String n = name.toLowerCase(Locale.ROOT);
        return candidates.stream().distinct()
                .sorted(Comparator.<String>comparingInt(c -> related(n, c.toLowerCase(Locale.ROOT)) ? 0 : 1)
                        .thenComparingInt(c -> d.apply(n, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
    }

    /** {@code redis-exporter} and {@code redis}: one name is a dash/underscore-separated part of the other. */
    private static boolean related(String a, String b) {
        for (String part : a.split("[-_.]")) {
            if (part.equals(b)) {
                return true;
            }
        }
        for (String part : b.split("[-_.]")) {
            if (part.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /** The service a host names in any of the stacks (service name, container_name, hostname, network alias). */
    static java.util.Optional<ComposeService> resolve(List<ComposeStack> stacks, String host) {
        for (ComposeStack s : stacks) {
            java.util.Optional<ComposeService> hit = s.resolveHost(host);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return java.util.Optional.empty();
    }

    static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
