package org.qingdan.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindBalancer = new ClientAddress("10\\.0\\.0\\.\\d+");
    private final ClientAddress exposed = new ClientAddress("(?!)");

    @Test
    void without_a_trusted_peer_the_socket_address_is_the_client_whatever_the_headers_say() {
        assertThat(exposed.resolve("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(behindBalancer.resolve("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
        assertThat(behindBalancer.resolve("10.0.0.2", null)).isEqualTo("10.0.0.2");
    }

    @Test
    void from_a_trusted_peer_the_rightmost_untrusted_hop_is_the_client() {
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("198.51.100.1, 203.0.113.5"))).isEqualTo("203.0.113.5");
        // two balancers, each appending; the header split over two lines
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("198.51.100.1, 203.0.113.5", "10.0.0.3"))).isEqualTo("203.0.113.5");
        // every hop a proxy of ours: the leftmost is as far as we can see
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("10.0.0.9, 10.0.0.3"))).isEqualTo("10.0.0.9");
    }

    @Test
    void garbage_hops_stop_the_walk_and_names_are_never_looked_up() {
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("evil.example.com"))).isEqualTo("10.0.0.2");
        assertThat(behindBalancer.resolve("10.0.0.2", List.of("203.0.113.5, unknown"))).isEqualTo("10.0.0.2");
        assertThat(ClientAddress.literal("localhost")).isNull();
        assertThat(ClientAddress.literal("999.1.1.1")).isNull();
        assertThat(ClientAddress.literal("abc")).isNull();
        assertThat(ClientAddress.literal("203.0.113.5:4711")).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.literal("[2001:db8::1]:443")).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ClientAddress.literal("::1")).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void an_ipv6_client_is_counted_by_its_64_network() {
        assertThat(ClientAddress.rateKey("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.rateKey("2001:db8:1:2:bbbb::7"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.rateKey("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.rateKey("2001:db8:1:2::1"));
        assertThat(ClientAddress.rateKey("203.0.113.5")).isEqualTo("203.0.113.5");
    }
}
