package dev.techtrends.web.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address a request really comes from: the peer, or, when the peer is a trusted reverse proxy, the right-most
 * address of X-Forwarded-For that is not a trusted proxy (the left-most entries are whatever the client wrote).
 */
final class ClientAddress {

    /** One trusted address or CIDR range. */
    record Range(byte[] network, int prefixLength) {

        static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            byte[] address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("not an IP address or CIDR range: '" + text + "'");
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in '" + text + "'");
            }
            return new Range(address, prefix);
        }

        boolean contains(byte[] address) {
            if (address == null || address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int remainingBits = prefixLength % 8;
            if (remainingBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - remainingBits);
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Range> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().filter(text -> !text.isBlank()).map(Range::parse).toList();
    }

    String of(String peer, String forwardedFor) {
        if (forwardedFor == null || trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                return peer; // a hop that is not an address: believe nothing the header says
            }
            if (!isTrusted(hop) || i == 0) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return trusted.stream().anyMatch(range -> range.contains(bytes));
    }

    /** The bytes of an IP literal, or null; never a DNS lookup. */
    static byte[] literal(String text) {
        boolean ipv4 = text != null && text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text != null && text.contains(":") && text.matches("[0-9a-fA-F:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress(); // a literal: resolved without the network
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
