package com.leadledger.kit.limits;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Where an anonymous request comes from, for its rate limit: {@link HttpServletRequest#getRemoteAddr()}, which is the
 * client's address only where forwarded headers are trusted ({@code server.forward-headers-strategy}; off by default,
 * so a client cannot choose its own address with {@code X-Forwarded-For}). An IPv6 client counts by its /64 network,
 * since a single host usually holds a whole /64 and could otherwise take a new address for every request.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            // an IP literal: parsed, never looked up
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
