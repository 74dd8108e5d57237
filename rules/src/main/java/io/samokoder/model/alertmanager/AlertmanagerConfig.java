package io.samokoder.model.alertmanager;

import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.placeholders.YamlPlaceholders;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Alertmanager configuration file: its route tree, receivers with their integration configs, inhibit rules and
 * templates, every element with its line and column. Built from the YAML node tree; a part that is not the expected
 * shape is left out (the file's loadability is {@code config/invalid-yaml}'s business and amtool's).
 */
public final class AlertmanagerConfig {

    /** A route node; the root route has depth 0. */
    public record Route(Optional<String> receiver, int line, int column, int receiverLine, int receiverColumn,
                        int depth, List<Route> routes) {

        /** This route and all below it, depth first. */
        public List<Route> flatten() {
            List<Route> out = new ArrayList<>();
            collect(this, out);
            return out;
        }

        private static void collect(Route r, List<Route> out) {
            out.add(r);
            for (Route child : r.routes()) {
                collect(child, out);
            }
        }
    }

    /** One entry of a receiver's {@code *_configs} list, e.g. the first of {@code telegram_configs}. */
    public record Integration(String type, int index, int line, Map<String, Node> fields) {
    }

    public record Receiver(String name, int index, int line, int column, List<Integration> integrations) {
    }

    public record InhibitRule(int index, int line, int column, boolean hasEqual, List<String> equal) {
    }

    private final SourceFile file;
    private final YamlDocument yaml;
    private final Map<String, Node> global;
    private final Optional<Route> route;
    private final List<Receiver> receivers;
    private final List<InhibitRule> inhibitRules;
    private final List<String> templates;
    private final List<String> timeIntervals;

    private AlertmanagerConfig(SourceFile file, YamlDocument yaml) {
        this.file = file;
        this.yaml = yaml;
        Map<String, Node> root = yaml.rootMapping();
        this.global = YamlDocument.mapping(root.get("global"));
        this.route = root.containsKey("route") && !YamlDocument.isNull(root.get("route"))
                ? Optional.of(route(root.get("route"), 0)) : Optional.empty();
        List<Receiver> recv = new ArrayList<>();
        List<Node> items = YamlDocument.sequence(root.get("receivers"));
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Map<String, Node> m = YamlDocument.mapping(item);
            Node nameNode = m.get("name");
            String name = YamlDocument.scalar(nameNode).orElse("");
            List<Integration> integrations = new ArrayList<>();
            for (Map.Entry<String, Node> e : m.entrySet()) {
                if (!e.getKey().endsWith("_configs")) {
                    continue;
                }
                List<Node> configs = YamlDocument.sequence(e.getValue());
                for (int k = 0; k < configs.size(); k++) {
                    integrations.add(new Integration(e.getKey(), k, YamlDocument.line(configs.get(k)),
                            YamlDocument.mapping(configs.get(k))));
                }
            }
            Node at = nameNode != null ? nameNode : item;
            recv.add(new Receiver(name, i, YamlDocument.line(at), YamlDocument.column(at), List.copyOf(integrations)));
        }
        this.receivers = List.copyOf(recv);
        List<InhibitRule> rules = new ArrayList<>();
        List<Node> inhibit = YamlDocument.sequence(root.get("inhibit_rules"));
        for (int i = 0; i < inhibit.size(); i++) {
            Map<String, Node> m = YamlDocument.mapping(inhibit.get(i));
            List<String> equal = new ArrayList<>();
            for (Node n : YamlDocument.sequence(m.get("equal"))) {
                YamlDocument.scalar(n).ifPresent(equal::add);
            }
            rules.add(new InhibitRule(i, YamlDocument.line(inhibit.get(i)), YamlDocument.column(inhibit.get(i)),
                    m.containsKey("equal") && !YamlDocument.isNull(m.get("equal")), List.copyOf(equal)));
        }
        this.inhibitRules = List.copyOf(rules);
        List<String> tmpl = new ArrayList<>();
        for (Node n : YamlDocument.sequence(root.get("templates"))) {
            YamlDocument.scalar(n).ifPresent(tmpl::add);
        }
        this.templates = List.copyOf(tmpl);
        List<String> intervals = new ArrayList<>();
        for (String key : List.of("time_intervals", "mute_time_intervals")) {
            for (Node n : YamlDocument.sequence(root.get(key))) {
                YamlDocument.scalar(YamlDocument.mapping(n).get("name")).ifPresent(intervals::add);
            }
        }
        this.timeIntervals = List.copyOf(intervals);
    }

    private static Route route(Node node, int depth) {
        Map<String, Node> m = YamlDocument.mapping(node);
        Node receiverNode = m.get("receiver");
        Optional<String> receiver = YamlDocument.scalar(receiverNode).filter(s -> !YamlDocument.isNull(receiverNode));
        List<Route> children = new ArrayList<>();
        if (depth < 100) {
            for (Node child : YamlDocument.sequence(m.get("routes"))) {
                children.add(route(child, depth + 1));
            }
        }
        return new Route(receiver, YamlDocument.line(node), YamlDocument.column(node),
                receiverNode == null ? YamlDocument.line(node) : YamlDocument.line(receiverNode),
                receiverNode == null ? YamlDocument.column(node) : YamlDocument.column(receiverNode), depth,
                List.copyOf(children));
    }

    /** Whether a parsed file has the shape of an Alertmanager config: a root mapping with {@code route} and {@code receivers}. */
    public static boolean looksLikeAlertmanager(YamlDocument yaml) {
        Map<String, Node> root = yaml.rootMapping();
        return root.containsKey("route") && root.containsKey("receivers");
    }

    public static AlertmanagerConfig of(SourceFile file, YamlDocument yaml) {
        return new AlertmanagerConfig(file, yaml);
    }

    public SourceFile file() {
        return file;
    }

    public String path() {
        return file.path();
    }

    public YamlDocument yaml() {
        return yaml;
    }

    public Map<String, Node> global() {
        return global;
    }

    public Optional<Route> route() {
        return route;
    }

    public List<Receiver> receivers() {
        return receivers;
    }

    public Optional<Receiver> receiver(String name) {
        return receivers.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }

    public List<String> templates() {
        return templates;
    }

    public List<String> timeIntervals() {
        return timeIntervals;
    }

    /** Every receiver name a route refers to, with the count of references. */
    public Map<String, Integer> referencedReceivers() {
        Map<String, Integer> out = new LinkedHashMap<>();
        route.ifPresent(r -> r.flatten().forEach(x -> x.receiver().ifPresent(n -> out.merge(n, 1, Integer::sum))));
        return out;
    }

    /**
     * Where a scalar sits, for messages and the field-type table: the context ({@code global}, {@code route},
     * {@code telegram_configs}, …), the field path relative to it, and the receiver it belongs to (if any).
     */
    public record FieldSite(String context, String field, Optional<String> receiver) {
    }

    public FieldSite locate(List<Object> path) {
        if (path.isEmpty()) {
            return new FieldSite("", "", Optional.empty());
        }
        Object head = path.get(0);
        if ("global".equals(head)) {
            return new FieldSite("global", YamlPlaceholders.Site.fieldPath(path, 1), Optional.empty());
        }
        if ("route".equals(head)) {
            int from = 1;
            for (int i = 1; i < path.size(); i++) {
                if ("routes".equals(path.get(i)) && i + 1 < path.size() && path.get(i + 1) instanceof Integer) {
                    from = i + 2;
                }
            }
            return new FieldSite("route", YamlPlaceholders.Site.fieldPath(path, from), Optional.empty());
        }
        if ("receivers".equals(head) && path.size() >= 2 && path.get(1) instanceof Integer idx) {
            Optional<String> name = idx < receivers.size() ? Optional.of(receivers.get(idx).name()) : Optional.empty();
            if (path.size() >= 3 && path.get(2) instanceof String key && key.endsWith("_configs")) {
                return new FieldSite(key, YamlPlaceholders.Site.fieldPath(path, 3), name);
            }
            return new FieldSite("receivers", YamlPlaceholders.Site.fieldPath(path, 2), name);
        }
        if ("inhibit_rules".equals(head)) {
            return new FieldSite("inhibit_rules", YamlPlaceholders.Site.fieldPath(path, 1), Optional.empty());
        }
        if ("time_intervals".equals(head) || "mute_time_intervals".equals(head)) {
            return new FieldSite("time_intervals", YamlPlaceholders.Site.fieldPath(path, 1), Optional.empty());
        }
        if ("templates".equals(head)) {
            return new FieldSite("templates", "", Optional.empty());
        }
        return new FieldSite("", YamlPlaceholders.Site.fieldPath(path, 0), Optional.empty());
    }
}
