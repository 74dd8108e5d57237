package io.samokoder.model.compose;

import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.i18n.Text;
import io.samokoder.engine.yaml.YamlDocument;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Port syntax as compose (docker's {@code nat.ParsePortSpec}) reads it:
 * {@code [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]}, IPv6 host addresses in brackets, and the long
 * syntax {@code target/published/host_ip/protocol/mode}.
 */
final class PortParser {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

    private PortParser() {
    }

    static Optional<PortMapping> port(ComposeFileParser p, Node n) {
        if (n instanceof ScalarNode) {
            ComposeValue v = p.value(n);
            try {
                PortMapping m = parseShort(v, v.value().trim());
                return Optional.of(withHostReferences(m, hostPortReferences(v)));
            } catch (IllegalArgumentException e) {
                if (awaitsVariable(v)) {
                    // "${PORT}:${PORT}/udp" with PORT left to whoever runs compose: not a defect of the file (the
                    // unset variable is reported on its own); the entry publishes a port that variable names
                    return Optional.of(new PortMapping(v, "", 0, 0, 0, 0, "tcp", true, hostPortReferences(v)));
                }
                p.report(ComposeProblem.Kind.INVALID_PORT, n,
                        Text.of("model.compose.invalidPort", v.value(), reason(e)));
                return Optional.empty();
            }
        }
        if (n instanceof MappingNode) {
            Map<String, Node> m = YamlDocument.mapping(n);
            Node target = m.get("target");
            if (!(target instanceof ScalarNode) || YamlDocument.isNull(target)) {
                p.report(ComposeProblem.Kind.INVALID_PORT, n, Text.of("model.compose.portWithoutTarget"));
                return Optional.empty();
            }
            ComposeValue t = p.value(target);
            try {
                int[] tr = range(t.value().trim());
                int[] pr = {0, 0};
                java.util.List<Interpolation.Reference> hostRefs = java.util.List.of();
                Node published = m.get("published");
                if (published instanceof ScalarNode && !YamlDocument.isNull(published)) {
                    ComposeValue pv = p.value(published);
                    hostRefs = pv.references();
                    String pub = pv.value().trim();
                    if (!pub.isEmpty()) {
                        pr = range(pub);
                    }
                }
                String hostIp = scalar(p, m.get("host_ip"));
                String protocol = scalar(p, m.get("protocol"));
                protocol = protocol.isEmpty() ? "tcp" : protocol.toLowerCase(java.util.Locale.ROOT);
                if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                    throw new Invalid(Text.of("model.port.protocol", protocol));
                }
                return Optional.of(new PortMapping(t, hostIp, pr[0], pr[1], tr[0], tr[1], protocol, true, hostRefs));
            } catch (IllegalArgumentException e) {
                if (awaitsVariable(t)) {
                    return Optional.empty();
                }
                p.report(ComposeProblem.Kind.INVALID_PORT, n,
                        Text.of("model.compose.invalidPortPlain", reason(e)));
                return Optional.empty();
            }
        }
        if (!YamlDocument.isNull(n)) {
            p.report(ComposeProblem.Kind.WRONG_TYPE, n, Text.of("model.compose.portType"));
        }
        return Optional.empty();
    }

    /**
     * Whether the value takes part of its text from a variable that is unset where the audit looks and has no
     * default ({@code ${PORT}}, {@code ${PORT:?set it}}): its port is only known once whoever runs compose sets it.
     */
    private static boolean awaitsVariable(ComposeValue v) {
        return v.references().stream().anyMatch(r -> !r.isSet() && (r.operator() == Interpolation.Operator.NONE
                || r.operator() == Interpolation.Operator.REQUIRED
                || r.operator() == Interpolation.Operator.REQUIRED_NON_EMPTY));
    }

    private static String scalar(ComposeFileParser p, Node n) {
        if (n instanceof ScalarNode && !YamlDocument.isNull(n)) {
            return p.value(n).value().trim();
        }
        return "";
    }

    static Optional<PortMapping> expose(ComposeFileParser p, Node n) {
        if (!(n instanceof ScalarNode) || YamlDocument.isNull(n)) {
            p.report(ComposeProblem.Kind.WRONG_TYPE, n,
                    Text.of("model.compose.itemsMustBe", "expose", Text.of("model.compose.stringsOrNumbers")));
            return Optional.empty();
        }
        ComposeValue v = p.value(n);
        String text = v.value().trim();
        String protocol = "tcp";
        int slash = text.indexOf('/');
        try {
            if (slash >= 0) {
                protocol = protocol(text.substring(slash + 1));
                text = text.substring(0, slash);
            }
            int[] r = range(text);
            return Optional.of(new PortMapping(v, "", 0, 0, r[0], r[1], protocol, false, java.util.List.of()));
        } catch (IllegalArgumentException e) {
            p.report(ComposeProblem.Kind.INVALID_PORT, n,
                    Text.of("model.compose.invalidExpose", v.value(), reason(e)));
            return Optional.empty();
        }
    }

    /** Parses the short syntax; throws IllegalArgumentException with the reason. */
    static PortMapping parseShort(ComposeValue v, String text) {
        if (text.isEmpty()) {
            throw new Invalid(Text.of("model.port.empty"));
        }
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = protocol(text.substring(slash + 1));
            text = text.substring(0, slash);
        }
        String ip = "";
        String rest = text;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw new Invalid(Text.of("model.port.ipv6"));
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        switch (parts.length) {
            case 1 -> {
                host = "";
                container = parts[0];
            }
            case 2 -> {
                host = parts[0];
                container = parts[1];
            }
            case 3 -> {
                if (!ip.isEmpty()) {
                    throw new Invalid(Text.of("model.port.colons"));
                }
                ip = parts[0];
                host = parts[1];
                container = parts[2];
            }
            default -> {
                if (!ip.isEmpty()) {
                    throw new Invalid(Text.of("model.port.colons"));
                }
                int n = parts.length;
                ip = String.join(":", java.util.Arrays.copyOfRange(parts, 0, n - 2));
                host = parts[n - 2];
                container = parts[n - 1];
            }
        }
        if (!ip.isEmpty() && !isIp(ip)) {
            throw new Invalid(Text.of("model.port.hostIp", ip));
        }
        int[] c = range(container);
        int[] h = {0, 0};
        if (!host.isEmpty()) {
            h = range(host);
            int hs = h[1] - h[0];
            int cs = c[1] - c[0];
            if (cs != 0 && hs != cs) {
                throw new Invalid(Text.of("model.port.rangeSizes"));
            }
        }
        return new PortMapping(v, ip, h[0], h[1], c[0], c[1], protocol, true, java.util.List.of());
    }

    private static PortMapping withHostReferences(PortMapping m, java.util.List<Interpolation.Reference> refs) {
        return refs.isEmpty() ? m : new PortMapping(m.source(), m.hostIp(), m.publishedStart(), m.publishedEnd(),
                m.targetStart(), m.targetEnd(), m.protocol(), m.published(), refs);
    }

    /**
     * The references written in the host-port part of a short-syntax entry as written: the part before the last
     * colon outside {@code ${...}} and brackets ({@code "${IP:-0.0.0.0}:${PORT:-8080}:8080/tcp"} gives
     * {@code ${PORT:-8080}}). An entry written as one reference ({@code "${PORTS}"}) whose value holds a colon
     * supplied the host port too, so its references all count.
     */
    static java.util.List<Interpolation.Reference> hostPortReferences(ComposeValue v) {
        if (v.references().isEmpty()) {
            return java.util.List.of();
        }
        String raw = v.raw();
        java.util.List<Integer> colons = new java.util.ArrayList<>();
        int depth = 0;
        boolean bracket = false;
        int end = raw.length();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0 && c == '[') {
                bracket = true;
            } else if (depth == 0 && c == ']') {
                bracket = false;
            } else if (depth == 0 && !bracket && c == ':') {
                colons.add(i);
            } else if (depth == 0 && c == '/') {
                end = i;
                break;
            }
        }
        int from;
        int to;
        if (colons.isEmpty()) {
            if (!v.value().contains(":")) {
                return java.util.List.of(); // a container port only, whatever the variable holds here
            }
            from = 0;
            to = end;
        } else {
            to = colons.get(colons.size() - 1);
            from = colons.size() >= 2 ? colons.get(colons.size() - 2) + 1 : 0;
        }
        return v.references().stream().filter(r -> r.offset() >= from && r.offset() < to).toList();
    }

    private static String protocol(String p) {
        String s = p.toLowerCase(java.util.Locale.ROOT);
        if (!s.equals("tcp") && !s.equals("udp") && !s.equals("sctp")) {
            throw new Invalid(Text.of("model.port.protocol", p));
        }
        return s;
    }

    private static int[] range(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new Invalid(Text.of("model.port.notPort", text));
        }
        int a = Integer.parseInt(m.group(1));
        int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
        if (a < 1 || a > 65535 || b < 1 || b > 65535) {
            throw new Invalid(Text.of("model.port.range", a < 1 || a > 65535 ? a : b));
        }
        if (b < a) {
            throw new Invalid(Text.of("model.port.reversed", b, a));
        }
        return new int[]{a, b};
    }

    private static boolean isIp(String ip) {
        if (IPV4.matcher(ip).matches()) {
            for (String part : ip.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        return ip.contains(":") && ip.matches("[0-9A-Fa-f:.%a-zA-Z]+");
    }

    /** A port that compose rejects, with the reason in every report language. */
    static final class Invalid extends IllegalArgumentException {
        private final transient Text reason;

        Invalid(Text reason) {
            super(reason.english());
            this.reason = reason;
        }
    }

    private static Text reason(IllegalArgumentException e) {
        // every rejection is an Invalid; anything else is a bug here, reported without the JDK's English
        return e instanceof Invalid i ? i.reason : Text.of("model.port.invalid");
    }
}
