package io.samokoder.model.compose;

import io.samokoder.model.dotenv.Interpolation;
import io.samokoder.model.Location;

/**
 * A published port ({@code ports:}, short or long syntax) or an exposed one ({@code expose:}). Ranges are kept as
 * ranges: {@code "127.0.0.1:8000-8010:8000-8010/udp"} has host IP {@code 127.0.0.1}, published 8000..8010, target
 * 8000..8010, protocol {@code udp}.
 *
 * @param source         the entry as written (for a long-syntax entry, its {@code target} scalar)
 * @param hostIp         host address the port binds to, empty for all interfaces
 * @param publishedStart first published host port, 0 when not published (expose, {@code "80"}, {@code "::80"})
 * @param publishedEnd   last published host port, 0 when not published
 * @param targetStart    first container port
 * @param targetEnd      last container port
 * @param protocol       {@code tcp}, {@code udp} or {@code sctp}
 * @param published      false for {@code expose:} entries (reachable only inside the compose network)
 * @param hostPortReferences the variable references that make up the host port ({@code ${WEB_PORT:-8080}} in
 *                       {@code "${WEB_PORT:-8080}:8080"}, {@code published: ${WEB_PORT}} in the long syntax), in order
 */
public record PortMapping(ComposeValue source, String hostIp, int publishedStart, int publishedEnd, int targetStart,
                         int targetEnd, String protocol, boolean published,
                         java.util.List<Interpolation.Reference> hostPortReferences) {

    public PortMapping {
        hostPortReferences = java.util.List.copyOf(hostPortReferences);
    }

    /**
     * The first variable of the host port that is unset where the audit looks (no {@code .env} value, not in the
     * configured environment): the host port is then the reference's default ({@link #publishedStart()}, 0 when it
     * has none and compose picks an ephemeral port) unless whoever runs compose sets it.
     */
    public java.util.Optional<Interpolation.Reference> hostPortFromUnsetVariable() {
        return hostPortReferences.stream().filter(r -> !r.isSet()).findFirst();
    }

    public Location location() {
        return source.location();
    }

    /** Whether the container listens on this port according to this entry. */
    public boolean hasTarget(int port) {
        return port >= targetStart && port <= targetEnd;
    }

    /** Whether the host port is published by this entry. */
    public boolean publishes(int hostPort) {
        return published && publishedStart > 0 && hostPort >= publishedStart && hostPort <= publishedEnd;
    }

    /** Whether a host port is bound (fixed host port, not an ephemeral one). */
    public boolean hasHostPort() {
        return publishedStart > 0;
    }

    /** Whether the port listens on every host interface or on a loopback address reachable as localhost. */
    public boolean reachableOnLocalhost() {
        return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::") || hostIp.startsWith("127.")
                || hostIp.equals("::1") || hostIp.equals("[::1]") || hostIp.equals("[::]");
    }
}
