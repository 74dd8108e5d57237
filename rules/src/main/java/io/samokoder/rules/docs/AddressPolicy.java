package io.samokoder.rules.docs;

import io.samokoder.i18n.Text;

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

    /** A range of addresses; {@code key} names its reason, {@code docs.address.<key>}. */
    private record Range(byte[] prefix, int bits, String key) {
        Text reason() {
            return Text.of("docs.address." + key);
        }

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

    private static Range range(String cidr, String key) {
        int slash = cidr.indexOf('/');
        byte[] prefix = literal(cidr.substring(0, slash));
        return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), key);
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
            range("0.0.0.0/8", "thisNetwork"),
            range("10.0.0.0/8", "private"),
            range("100.64.0.0/10", "shared"),
            range("127.0.0.0/8", "loopback"),
            range("169.254.0.0/16", "linkLocal4"),
            range("172.16.0.0/12", "private"),
            range("192.0.0.0/24", "ietf"),
            range("192.0.2.0/24", "documentation"),
            range("192.88.99.0/24", "relay6to4"),
            range("192.168.0.0/16", "private"),
            range("198.18.0.0/15", "benchmarking"),
            range("198.51.100.0/24", "documentation"),
            range("203.0.113.0/24", "documentation"),
            range("224.0.0.0/4", "multicast"),
            range("240.0.0.0/4", "reserved"),
            range("168.63.129.16/32", "azure"));

    private static final List<Range> IPV6 = List.of(
            range("::/128", "unspecified"),
            range("::1/128", "loopback"),
            range("64:ff9b:1::/48", "nat64Local"),
            range("100::/64", "discard"),
            range("2001::/23", "ietf6"),
            range("2001:db8::/32", "documentation"),
            range("fc00::/7", "uniqueLocal"),
            range("fe80::/10", "linkLocal"),
            range("fec0::/10", "siteLocal"),
            range("ff00::/8", "multicast"));

    private static final Range MAPPED = range("::ffff:0:0/96", "");
    private static final Range TRANSLATED = range("::ffff:0:0:0/96", "");
    private static final Range COMPATIBLE = range("::/96", "");
    private static final Range NAT64 = range("64:ff9b::/96", "");
    private static final Range SIX_TO_FOUR = range("2002::/16", "");

    private AddressPolicy() {
    }

    /** Why the address may not be connected to, or empty when it is public unicast. */
    static Optional<Text> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (!(address instanceof Inet6Address)) {
            return Optional.of(Text.of("docs.address.notIp"));
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
                return ipv4(v4).map(r -> Text.of("docs.address.inIpv6", r));
            }
        }
        if (SIX_TO_FOUR.contains(b)) {
            byte[] v4 = {b[2], b[3], b[4], b[5]};
            return ipv4(v4).map(r -> Text.of("docs.address.in6to4", r));
        }
        return Optional.empty();
    }

    /** The refusal whose English is {@code english}: a detail read back from the link cache. */
    static Optional<Text> refusalOf(String english) {
        List<Text> plain = new java.util.ArrayList<>();
        plain.add(Text.of("docs.address.notIp"));
        for (List<Range> family : List.of(IPV4, IPV6)) {
            family.forEach(r -> plain.add(r.reason()));
        }
        for (Text t : plain) {
            for (Text candidate : List.of(t, Text.of("docs.address.inIpv6", t), Text.of("docs.address.in6to4", t))) {
                if (candidate.english().equals(english)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Text> ipv4(byte[] b) {
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
