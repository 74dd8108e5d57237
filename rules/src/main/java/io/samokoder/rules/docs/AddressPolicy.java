package io.samokoder.rules.docs;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the online link check may connect to: public unicast only. A link in a hostile repository must not
 * make the CI machine request its own services, its network's or the cloud's metadata endpoint, so loopback,
 * private, shared (CGNAT), link-local (169.254.169.254), multicast, unspecified, reserved and documentation ranges are
 * refused, and IPv6 addresses that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4
 * address. The test is made on the resolved address the connection then uses, never on the host name.
 */
final class AddressPolicy {

    private record Range(byte[] prefix, int bits, String reason) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (prefix[full] & mask);
        }
    }

    private static Range range(String cidr, String reason) {
        int slash = cidr.indexOf('/');
        byte[] prefix = literal(cidr.substring(0, slash));
        return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), reason);
    }

    /** An address literal to bytes, without a name lookup (the table's own entries). */
    private static byte[] literal(String text) {
        try {
            InetAddress a = InetAddress.getByName(text);
            byte[] b = a.getAddress();
            // the JDK turns ::ffff:a.b.c.d into an IPv4 address: keep the table's IPv6 prefixes as written
            if (text.contains(":") && b.length == 4) {
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xFF;
                v6[11] = (byte) 0xFF;
                System.arraycopy(b, 0, v6, 12, 4);
                return v6;
            }
            return b;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static final List<Range> IPV4 = List.of(
            range("0.0.0.0/8", "an unspecified address ('this network')"),
            range("10.0.0.0/8", "a private address"),
            range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.0.0/16", "a link-local address (cloud metadata: 169.254.169.254)"),
            range("172.16.0.0/12", "a private address"),
            range("192.0.0.0/24", "an IETF protocol address"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.88.99.0/24", "a 6to4 relay address"),
            range("192.168.0.0/16", "a private address"),
            range("198.18.0.0/15", "a benchmarking address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved or broadcast address"),
            range("168.63.129.16/32", "a cloud platform endpoint (Azure metadata and wire server)"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "an unspecified address"),
            range("::1/128", "a loopback address"),
            range("64:ff9b:1::/48", "a local-use NAT64 address"),
            range("100::/64", "a discard-only address"),
            range("2001::/23", "an IETF protocol address (Teredo, benchmarking, ORCHID)"),
            range("2001:db8::/32", "a documentation address"),
            range("fc00::/7", "a unique local (private) address (cloud metadata: fd00:ec2::254)"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a site-local address"),
            range("ff00::/8", "a multicast address"));

    private static final Range MAPPED = range("::ffff:0:0/96", "");
    private static final Range TRANSLATED = range("::ffff:0:0:0/96", "");
    private static final Range COMPATIBLE = range("::/96", "");
    private static final Range NAT64 = range("64:ff9b::/96", "");
    private static final Range SIX_TO_FOUR = range("2002::/16", "");

    private AddressPolicy() {
    }

    /** Why the address may not be connected to, or empty when it is public unicast. */
    static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of("not an IP address");
        }
        for (Range r : IPV6) {
            if (r.contains(b)) {
                return Optional.of(r.reason());
            }
        }
        for (Range carrier : List.of(MAPPED, TRANSLATED, COMPATIBLE, NAT64)) {
            if (carrier.contains(b)) {
                // a public IPv4 address in NAT64 form is what a name resolves to on an IPv6-only network (DNS64)
                byte[] v4 = {b[12], b[13], b[14], b[15]};
                return ipv4(v4).map(r -> r + ", inside an IPv6 address");
            }
        }
        if (SIX_TO_FOUR.contains(b)) {
            byte[] v4 = {b[2], b[3], b[4], b[5]};
            return ipv4(v4).map(r -> r + ", inside a 6to4 address");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] b) {
        for (Range r : IPV4) {
            if (r.contains(b)) {
                return Optional.of(r.reason());
            }
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address a numeric host means to the C library and to browsers ({@code inet_aton}: one to four parts,
     * each decimal, octal with a leading 0 or hexadecimal with 0x, the last filling the remaining bytes), or empty
     * when the host is not such a number. {@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1} and {@code 127.1}
     * are all 127.0.0.1; the JDK reads some of them otherwise ({@code 0177.0.0.1} as 177.0.0.1), so a numeric host is
     * judged by both readings.
     */
    static Optional<byte[]> inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(java.util.Locale.ROOT);
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (values[i] < 0 || p.length() > 16) {
                return Optional.empty();
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xFF) {
                return Optional.empty();
            }
            address |= values[i] << (24 - 8 * i);
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(new byte[]{(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8),
                (byte) address});
    }
}
