package org.switchboard.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static InetAddress at(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void internalAddressesAreRecognised() throws UnknownHostException {
        for (String internal : new String[]{"127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.5.4", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "::1", "::", "fe80::1", "fd12:3456::1",
                "::ffff:127.0.0.1", "255.255.255.255", "240.0.0.1", "0.1.2.3", "192.0.0.8", "192.0.2.1",
                "198.18.0.1", "198.51.100.7", "203.0.113.9", "ff02::1", "2001:db8::1", "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::", "::10.0.0.1", "100::1", "2001:0:4136:e378::1"}) {
            assertTrue(AddressGuard.internal(at(internal)), internal);
        }
        for (String external : new String[]{"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2001:4860::8888",
                "64:ff9b::808:808", "2002:808:808::", "223.255.255.254", "198.20.0.1"}) {
            assertFalse(AddressGuard.internal(at(external)), external);
        }
    }

    @Test
    void allowedNetworksMatchByPrefix() throws UnknownHostException {
        AddressGuard.Network loopback = AddressGuard.Network.parse("s", "127.0.0.0/8");
        assertTrue(loopback.contains(at("127.1.2.3")));
        assertFalse(loopback.contains(at("128.0.0.1")));
        assertFalse(loopback.contains(at("::1")), "an IPv4 block holds no IPv6 address");
        AddressGuard.Network one = AddressGuard.Network.parse("s", "10.1.2.3");
        assertTrue(one.contains(at("10.1.2.3")));
        assertFalse(one.contains(at("10.1.2.4")));
        AddressGuard.Network odd = AddressGuard.Network.parse("s", "192.168.0.0/23");
        assertTrue(odd.contains(at("192.168.1.200")));
        assertFalse(odd.contains(at("192.168.2.1")));
        assertThrows(IllegalArgumentException.class, () -> AddressGuard.Network.parse("s", "10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> AddressGuard.Network.parse("s", "10.0.0.0/x"));
    }

    @Test
    void urlsAreCheckedForSchemeHostAndAddress() {
        AddressGuard guard = new AddressGuard("switchboard.push.allowed-networks", "");
        assertEquals("Only http and https URLs with a host can be used, not 'file:/etc/passwd'",
                assertThrows(IllegalArgumentException.class, () -> guard.check("file:/etc/passwd")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> guard.check("gopher://example.com/"));
        String refused = assertThrows(IllegalArgumentException.class,
                () -> guard.check("http://user:secret@127.0.0.1:8048/")).getMessage();
        assertTrue(refused.contains("127.0.0.1") && refused.contains("switchboard.push.allowed-networks"), refused);
        assertFalse(refused.contains("secret"), refused);
        assertEquals(8048, new AddressGuard("s", "127.0.0.0/8").check("http://127.0.0.1:8048/").getPort());
    }

    @Test
    void credentialsAreLeftOutOfUrlsShown() {
        assertEquals("https://example.com/x?y=1", AddressGuard.withoutUserInfo("https://u:p@example.com/x?y=1"));
        assertEquals("http://example.com/a@b", AddressGuard.withoutUserInfo("http://example.com/a@b"));
    }
}
