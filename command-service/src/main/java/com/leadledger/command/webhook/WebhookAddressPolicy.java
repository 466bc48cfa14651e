package com.leadledger.command.webhook;

import com.leadledger.kit.domain.RuleViolation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which webhook URLs and addresses may be called (no server-side request forgery): https only, and every address the
 * host resolves to public — not loopback, link-local (the cloud metadata address 169.254.169.254 among them),
 * site-local/private, CGNAT (100.64.0.0/10), multicast, unspecified, IPv6 unique-local (fc00::/7) or an IPv4-mapped
 * form of those. With {@code allowLoopback} (the local profile) http and loopback addresses are accepted as well, for
 * development. Checked when a URL is registered and again on every connection, on the addresses then resolved.
 */
public class WebhookAddressPolicy {

    private final boolean allowLoopback;

    public WebhookAddressPolicy(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** The URL as it will be called, refused naming {@code field} when it may not be. */
    public URI check(String url, String field) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (Exception e) {
            throw RuleViolation.invalidField(field, "must be an absolute https URL", "WEBHOOK_URL_INVALID");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean http = "http".equals(uri.getScheme());
        if (!(https || http && allowLoopback) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw RuleViolation.invalidField(field, "must be an absolute https URL without user information",
                    "WEBHOOK_URL_INVALID");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw RuleViolation.invalidField(field, "names a host that does not resolve", "WEBHOOK_HOST_UNKNOWN");
        }
        for (InetAddress address : addresses) {
            if (!mayCall(address) || http && !address.isLoopbackAddress()) {
                throw RuleViolation.invalidField(field, "resolves to an address that is not public",
                        "WEBHOOK_ADDRESS_NOT_PUBLIC");
            }
        }
        return uri;
    }

    /** Whether a connection to this address is allowed. */
    public boolean mayCall(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                return isPublic(embedded);
            }
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7 unique local
                return false;
            }
        }
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            byte[] b = address.getAddress();
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // CGNAT 100.64.0.0/10
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        return true;
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) IPv6 address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return null;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (!mapped && !compatible) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
