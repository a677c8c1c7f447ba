package org.qingdan.notification.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a webhook may go. Over https only, to a host whose every resolved address is public: never the
 * service's own machine, the internal network, the cloud metadata address or anything else a subscriber
 * could use to make us probe what it cannot reach itself. A development allow-list names hosts (such as
 * {@code localhost} in the devstack and the tests) to which plain http and non-public addresses are
 * allowed; it is empty in production.
 */
public final class TargetPolicy {

    /** The instance metadata service of the large clouds (also link-local, named for the reader). */
    public static final String METADATA_ADDRESS = "169.254.169.254";

    /** How a host name becomes addresses: the system resolver, or a fixed answer in a test. */
    @FunctionalInterface
    public interface Lookup {
        InetAddress[] addresses(String host) throws UnknownHostException;
    }

    private final Set<String> developmentHosts;
    private final Lookup lookup;

    public TargetPolicy(Collection<String> developmentHosts) {
        this(developmentHosts, InetAddress::getAllByName);
    }

    public TargetPolicy(Collection<String> developmentHosts, Lookup lookup) {
        this.lookup = lookup;
        this.developmentHosts = developmentHosts.stream().map(String::trim).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isDevelopmentHost(String host) {
        return host != null && developmentHosts.contains(stripBrackets(host).toLowerCase(Locale.ROOT));
    }

    /** Why this URL may not be a webhook target (before any address is looked up), or empty. */
    public Optional<String> refuseUrl(URI uri) {
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of("请填写完整的 https 地址");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            return Optional.of("地址中不能含有用户名或密码");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("地址中不能含有 # 片段");
        }
        if ("https".equals(scheme) || "http".equals(scheme) && isDevelopmentHost(uri.getHost())) {
            return Optional.empty();
        }
        return Optional.of("只接受 https 地址");
    }

    /**
     * The addresses of {@code host}, all of them allowed; throws {@link AddressNotAllowed} if any is not (one
     * public address among private ones does not make the host public: a resolver may hand out either).
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.addresses(stripBrackets(host));
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (isDevelopmentHost(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            Optional<String> refused = refuseAddress(address);
            if (refused.isPresent()) {
                throw new AddressNotAllowed(host, refused.get());
            }
        }
        return addresses;
    }

    /** The host name resolved to an address we do not send to. */
    public static final class AddressNotAllowed extends UnknownHostException {
        private final String reason;

        AddressNotAllowed(String host, String reason) {
            super(host + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Why an address is not public, or empty if it is. */
    public static Optional<String> refuseAddress(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] a = v6.getAddress();
            Optional<byte[]> embedded = embeddedIpv4(a);
            if (embedded.isPresent()) {
                try {
                    return refuseAddress(InetAddress.getByAddress(embedded.get()))
                            .map(reason -> reason + "（内嵌于 IPv6 地址）");
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            if (v6.isAnyLocalAddress()) {
                return Optional.of("unspecified");
            }
            if (v6.isLoopbackAddress()) {
                return Optional.of("loopback");
            }
            if (v6.isLinkLocalAddress()) {
                return Optional.of("link-local");
            }
            if (v6.isSiteLocalAddress()) {
                return Optional.of("site-local");
            }
            if (v6.isMulticastAddress()) {
                return Optional.of("multicast");
            }
            if ((a[0] & 0xFE) == 0xFC) {
                return Optional.of("unique-local"); // fc00::/7
            }
            if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && (a[3] & 0xFF) == 0xB8) {
                return Optional.of("documentation"); // 2001:db8::/32
            }
            if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0 && a[3] == 0) {
                return Optional.of("teredo"); // 2001::/32 tunnels to an address we cannot check
            }
            if (a[0] == 0x01 && a[1] == 0 && Arrays.equals(a, 2, 8, new byte[6], 0, 6)) {
                return Optional.of("discard-only"); // 100::/64
            }
            return Optional.empty();
        }
        byte[] a = address.getAddress();
        int b0 = a[0] & 0xFF;
        int b1 = a[1] & 0xFF;
        int b2 = a[2] & 0xFF;
        if (address.getHostAddress().equals(METADATA_ADDRESS)) {
            return Optional.of("metadata");
        }
        if (address.isAnyLocalAddress() || b0 == 0) {
            return Optional.of("unspecified"); // 0.0.0.0/8
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private"); // 10/8, 172.16/12, 192.168/16
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (b0 == 100 && (b1 & 0xC0) == 64) {
            return Optional.of("shared (CGNAT)"); // 100.64.0.0/10
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return Optional.of("protocol assignments"); // 192.0.0.0/24
        }
        if (b0 == 192 && b1 == 0 && b2 == 2 || b0 == 198 && b1 == 51 && b2 == 100 || b0 == 203 && b1 == 0 && b2 == 113) {
            return Optional.of("documentation");
        }
        if (b0 == 198 && (b1 & 0xFE) == 18) {
            return Optional.of("benchmarking"); // 198.18.0.0/15
        }
        if (b0 >= 240) {
            return Optional.of("reserved"); // 240/4 and the broadcast address
        }
        return Optional.empty();
    }

    /**
     * The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96)
     * or 6to4 (2002::/16) address: each reaches the IPv4 address it carries.
     */
    private static Optional<byte[]> embeddedIpv4(byte[] a) {
        boolean zeros80 = Arrays.equals(a, 0, 10, new byte[10], 0, 10);
        if (zeros80 && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
            return Optional.of(Arrays.copyOfRange(a, 12, 16));
        }
        if (zeros80 && a[10] == 0 && a[11] == 0 && !(Arrays.equals(a, 12, 15, new byte[3], 0, 3) && (a[15] == 0 || a[15] == 1))) {
            return Optional.of(Arrays.copyOfRange(a, 12, 16)); // ::a.b.c.d, but not :: and ::1
        }
        if (a[0] == 0x00 && a[1] == 0x64 && (a[2] & 0xFF) == 0xFF && (a[3] & 0xFF) == 0x9B && Arrays.equals(a, 4, 12, new byte[8], 0, 8)) {
            return Optional.of(Arrays.copyOfRange(a, 12, 16));
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(a, 2, 6));
        }
        return Optional.empty();
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
