package org.qingdan.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The address of the client as far as the gateway can trust it. {@code X-Forwarded-For} is honoured only
 * when the immediate peer is a trusted proxy (a load balancer in front of the gateway: the same
 * {@code TRUSTED_PROXIES} regex that decides whose forwarding headers the gateway passes on, none by
 * default). Then the list is read from the right, the hops our proxies appended, and the first address
 * that is not a trusted proxy is the client; whatever a client wrote further left is never believed.
 * Without a trusted peer, the socket's address is the client, whatever the headers say.
 */
@Component
public class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Pattern trustedProxies;

    public ClientAddress(@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:(?!)}") String trustedProxies) {
        this.trustedProxies = Pattern.compile(trustedProxies == null || trustedProxies.isBlank() ? "(?!)" : trustedProxies);
    }

    /** The client's address, canonical ({@code 0:0:0:0:0:0:0:1}, not {@code ::1}), or {@code unknown}. */
    public String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return resolve(peer, request.getHeaders().get("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (forwardedFor == null || forwardedFor.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = literal(hops.get(i));
            if (hop == null) {
                // not an address: no proxy of ours wrote that; the last trusted hop is all we know
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /**
     * The key an anonymous client is counted under: its address, or for IPv6 its /64 network, since one
     * subscriber usually holds a whole /64 and could otherwise take a fresh address for every request.
     */
    public static String rateKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private boolean trusted(String address) {
        return trustedProxies.matcher(address).matches();
    }

    /**
     * An IP literal in canonical form, or null. Never a name lookup: only strings that already look like an
     * IPv4 or IPv6 literal reach {@link InetAddress#getByName}. Accepts {@code [v6]:port} and {@code v4:port}.
     */
    static String literal(String hop) {
        String h = hop;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return null;
            }
            h = h.substring(1, end);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') > 0) {
            h = h.substring(0, h.indexOf(':')); // v4:port
        }
        var v4 = IPV4.matcher(h);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(v4.group(g)) > 255) {
                    return null;
                }
            }
        } else if (h.indexOf(':') < 0 || !IPV6.matcher(h).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(h).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
