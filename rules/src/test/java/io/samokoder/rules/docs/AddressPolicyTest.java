package io.samokoder.rules.docs;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/** The address filter on literal addresses only: nothing here looks a name up or connects. */
class AddressPolicyTest {

    private static InetAddress at(String literal) throws UnknownHostException {
        return InetAddress.getByAddress(InetAddress.getByName(literal).getAddress());
    }

    @Test
    void refusesEveryRangeThatIsNotPublicUnicast() throws UnknownHostException {
        for (String refused : new String[]{"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1",
                "100.100.100.200", "100.127.255.255", "127.0.0.1", "127.255.0.1", "169.254.169.254", "169.254.170.2",
                "172.16.0.1", "172.31.255.255", "192.0.0.192", "192.0.2.1", "192.168.0.1", "198.18.0.1", "198.51.100.7",
                "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "168.63.129.16",
                "::", "::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::7f00:1", "::ffff:0:a00:1",
                "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2002:7f00:1::", "2002:a9fe:a9fe::",
                "2001::1", "2001:db8::1", "fc00::1", "fd00::1", "fd00:ec2::254", "fe80::1", "fec0::1", "ff02::1",
                "100::1"}) {
            assertThat(AddressPolicy.refusal(at(refused))).as(refused).isPresent();
        }
    }

    @Test
    void allowsPublicUnicast() throws UnknownHostException {
        for (String allowed : new String[]{"1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.1",
                "172.15.255.255", "172.32.0.1", "169.253.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e",
                "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"}) {
            assertThat(AddressPolicy.refusal(at(allowed))).as(allowed).isEmpty();
        }
    }

    @Test
    void readsNumericHostsAsTheCLibraryDoes() {
        for (String loopback : new String[]{"2130706433", "0177.0.0.1", "0x7f.1", "127.1", "0x7f000001",
                "017700000001", "0x7F.0.0.1", "127.0.1", "127.0.0.1"}) {
            assertThat(AddressPolicy.inetAton(loopback)).as(loopback).hasValueSatisfying(
                    b -> assertThat(b).containsExactly(127, 0, 0, 1));
        }
        assertThat(AddressPolicy.inetAton("10.1")).hasValueSatisfying(b -> assertThat(b).containsExactly(10, 0, 0, 1));
        for (String name : new String[]{"example.com", "1.2.3.4.5", "256.1.1.1", "08.0.0.1", "", "4294967296",
                "a.b", "1..2", "::1"}) {
            assertThat(AddressPolicy.inetAton(name)).as(name).isEmpty();
        }
    }
}
