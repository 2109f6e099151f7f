package org.switchboard.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * Lets customers' URLs reach public addresses only: http and https with a host whose every address is outside the
 * loopback, private, link-local, multicast, broadcast, reserved, documentation and carrier-grade NAT blocks (and
 * IPv6 addresses that carry one of those, as NAT64 and 6to4 do), unless an operator allowed the network (a setting naming CIDR blocks). Checked when a URL is given and again before each connection, since a name
 * may resolve elsewhere later.
 */
public final class AddressGuard {

    private final String setting;
    private final List<Network> allowed;

    /**
     * @param setting the name of the setting that allows networks, named in refusals
     * @param allowedNetworks CIDR blocks, comma separated (empty or null: none)
     */
    public AddressGuard(String setting, String allowedNetworks) {
        this.setting = setting;
        this.allowed = Arrays.stream(allowedNetworks == null ? new String[0] : allowedNetworks.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(cidr -> Network.parse(setting, cidr)).toList();
    }

    /**
     * The URL, if it is http(s) with a host whose every address may be reached.
     *
     * @throws IllegalArgumentException saying what is wrong with the URL
     */
    public URI check(String url) {
        URI uri = parse(url);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host '" + uri.getHost() + "'");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(n -> n.contains(address))) {
                throw new IllegalArgumentException("Host '" + uri.getHost() + "' is at " + address.getHostAddress()
                        + ", not a public address (private, loopback, link-local, reserved...), which may not be reached (an operator can"
                        + " allow networks with " + setting + ")");
            }
        }
        return uri;
    }

    /** The URL, if it is http or https with a host (its addresses not checked). */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid url '" + url + "': " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Only http and https URLs with a host can be used, not '"
                    + withoutUserInfo(url) + "'");
        }
        return uri;
    }

    /** The URL without the credentials it may carry ({@code https://user:pass@host/} → {@code https://host/}). */
    public static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@?#]*@", "$1");
    }

    /**
     * Blocks that are not the public internet (IANA's special-purpose registries, RFC 6890 and its updates), beside
     * those {@link InetAddress} knows (loopback, any-local, link-local, site-local, multicast).
     */
    private static final List<Network> NOT_PUBLIC = Stream.of(
            "0.0.0.0/8", // "this network"
            "100.64.0.0/10", // carrier-grade NAT
            "192.0.0.0/24", // IETF protocol assignments
            "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", // documentation
            "198.18.0.0/15", // benchmarking
            "240.0.0.0/4", // reserved, and 255.255.255.255, the broadcast address
            "fc00::/7", // unique local
            "100::/64", // discard only
            "2001:db8::/32", // documentation
            "2001::/23") // IETF protocol assignments (Teredo among them)
            .map(cidr -> Network.parse("AddressGuard", cidr)).toList();

    /** Whether the address is one that customers' URLs may not reach unless an operator allows it. */
    public static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(n -> n.contains(address))) {
            return true;
        }
        InetAddress embedded = embeddedIpv4(address.getAddress());
        return embedded != null && internal(embedded);
    }

    /**
     * The IPv4 address an IPv6 one carries to reach an IPv4 host (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16},
     * IPv4-compatible {@code ::a.b.c.d}), or null.
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return null;
        }
        int from;
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else if (zero(b, 0, 12)) {
            from = 12;
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            return null; // four bytes are always an address
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An address block in CIDR notation. */
    public record Network(byte[] prefix, int bits) {

        public static Network parse(String setting, String cidr) {
            int slash = cidr.indexOf('/');
            try {
                byte[] address = InetAddress.getByName(slash < 0 ? cidr : cidr.substring(0, slash)).getAddress();
                int bits = slash < 0 ? address.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException(setting + ": bad prefix length in '" + cidr + "'");
                }
                return new Network(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException(setting + ": '" + cidr + "' is not an address or CIDR block", e);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
