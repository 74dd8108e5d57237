package io.samokoder.model.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The components a document can name (Prometheus, Grafana, exporters, ...) and the generic word for all of them
 * ("monitoring", "мониторинг"). Ids are the {@code component} column of the image catalog, so that a name in a document
 * and a compose service's image meet.
 */
public final class Components {

    /** The id that stands for the whole monitoring stack. */
    public static final String MONITORING = "monitoring";

    /** A component named in a text: {@code [start, end)} and its id. */
    public record Mention(int start, int end, String id) {
    }

    private static final Map<String, Pattern> PATTERNS = new LinkedHashMap<>();
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        int f = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        add("prometheus", "Prometheus", "\\bprometheus\\b(?![-_ ]?(?:exporter|client|metrics\\b))", f);
        add("grafana", "Grafana", "\\bgrafana\\b", f);
        add("alertmanager", "Alertmanager", "\\balert[- ]?manager\\b", f);
        add("loki", "Loki", "\\bloki\\b", f);
        add("cadvisor", "cAdvisor", "\\bcadvisor\\b", f);
        add("node-exporter", "node-exporter", "\\bnode[-_ ]exporter\\b", f);
        add("postgres-exporter", "postgres-exporter", "\\bpostgres(?:ql)?[-_ ]exporter\\b", f);
        add("redis-exporter", "redis-exporter", "\\bredis[-_ ]exporter\\b", f);
        add("blackbox-exporter", "blackbox-exporter", "\\bblackbox[-_ ]exporter\\b", f);
        add("pushgateway", "Pushgateway", "\\bpush[-_ ]?gateway\\b", f);
        add("promtail", "Promtail", "\\bpromtail\\b", f);
        add("jaeger", "Jaeger", "\\bjaeger\\b", f);
        add(MONITORING, "monitoring",
                "(?<![\\p{L}/.-])(?:monitoring|мониторинг\\p{L}*)(?![\\p{L}/-]|\\.\\p{L})", f);
    }

    private static void add(String id, String title, String regex, int flags) {
        PATTERNS.put(id, Pattern.compile(regex, flags));
        TITLES.put(id, title);
    }

    private Components() {
    }

    /** Component ids in vocabulary order, {@link #MONITORING} last. */
    public static Set<String> ids() {
        return PATTERNS.keySet();
    }

    /** How a component is written in messages ({@code Prometheus}, {@code node-exporter}). */
    public static String title(String id) {
        return TITLES.getOrDefault(id, id);
    }

    /** {@link #title} for reports in every language: the names are names, "monitoring" is a word. */
    public static io.samokoder.i18n.Text titleText(String id) {
        return id.equals(MONITORING) ? io.samokoder.i18n.Text.of("model.component.monitoring")
                : io.samokoder.i18n.Text.verbatim(title(id));
    }

    /** Whether {@code id} is one of the things "the monitoring stack" stands for. */
    public static boolean isMonitoring(String id) {
        return !id.equals(MONITORING) && PATTERNS.containsKey(id);
    }

    /** Every component named in {@code text}, by position; overlapping names keep the longer. */
    public static List<Mention> find(String text) {
        List<Mention> all = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                all.add(new Mention(m.start(), m.end(), e.getKey()));
            }
        }
        all.sort(Comparator.comparingInt(Mention::start).thenComparingInt(x -> -(x.end() - x.start())));
        List<Mention> out = new ArrayList<>();
        for (Mention m : all) {
            if (out.isEmpty() || m.start() >= out.get(out.size() - 1).end()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The distinct ids named in {@code text}, in vocabulary order. */
    public static List<String> named(String text) {
        List<String> ids = find(text).stream().map(Mention::id).distinct().toList();
        return PATTERNS.keySet().stream().filter(ids::contains).toList();
    }
}
