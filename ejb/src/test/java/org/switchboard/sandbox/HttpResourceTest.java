package org.switchboard.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class HttpResourceTest {

    private static InetAddress at(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void internalAddressesAreRecognised() throws UnknownHostException {
        for (String internal : new String[]{"127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1",
                "::ffff:127.0.0.1"}) {
            assertTrue(HttpResource.internal(at(internal)), internal);
        }
        for (String external : new String[]{"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860::8888"}) {
            assertFalse(HttpResource.internal(at(external)), external);
        }
    }

    @Test
    void allowedNetworksMatchByPrefix() throws UnknownHostException {
        HttpResource.Network loopback = HttpResource.Network.parse("127.0.0.0/8");
        assertTrue(loopback.contains(at("127.1.2.3")));
        assertFalse(loopback.contains(at("128.0.0.1")));
        assertFalse(loopback.contains(at("::1")), "an IPv4 block holds no IPv6 address");
        HttpResource.Network one = HttpResource.Network.parse("10.1.2.3");
        assertTrue(one.contains(at("10.1.2.3")));
        assertFalse(one.contains(at("10.1.2.4")));
        HttpResource.Network odd = HttpResource.Network.parse("192.168.0.0/23");
        assertTrue(odd.contains(at("192.168.1.200")));
        assertFalse(odd.contains(at("192.168.2.1")));
        assertThrows(IllegalArgumentException.class, () -> HttpResource.Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> HttpResource.Network.parse("10.0.0.0/x"));
    }
}
