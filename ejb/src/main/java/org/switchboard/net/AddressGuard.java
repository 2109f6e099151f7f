package org.switchboard.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Lets customers' URLs reach public addresses only: http and https with a host whose every address is outside the
 * loopback, private, link-local, multicast, unique-local and carrier-grade NAT blocks, unless an operator allowed the
 * network (a setting naming CIDR blocks). Checked when a URL is given and again before each connection, since a name
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
                        + ", a private, loopback or link-local address that may not be reached (an operator can"
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

    /** Whether the address is one that customers' URLs may not reach unless an operator allows it. */
    public static boolean internal(InetAddress address) {
        byte[] b = address.getAddress();
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || b.length == 16 && (b[0] & 0xfe) == 0xfc // IPv6 unique local, fc00::/7
                || b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT, 100.64.0.0/10
                || b.length == 4 && (b[0] & 0xff) == 0; // "this network", 0.0.0.0/8
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
