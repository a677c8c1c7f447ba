package org.qingdan.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Literal addresses only: nothing here looks up a name on the network or connects anywhere. */
class TargetPolicyTest {

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal is parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.254", "192.168.1.1", "169.254.169.254", "169.254.0.1", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1",
            "224.0.0.1", "239.255.255.250", "ff02::1", "100.64.0.1", "100.127.255.254", "192.0.0.8", "192.0.2.1", "198.51.100.7",
            "203.0.113.9", "198.18.0.1", "240.0.0.1", "255.255.255.255", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254",
            "::10.1.2.3", "64:ff9b::a00:1", "2002:a00:1::", "2002:7f00:1::", "2001:db8::1", "2001:0:4136:e378::1"})
    void addresses_that_are_not_public_are_refused(String literal) {
        assertThat(TargetPolicy.refuseAddress(ip(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1",
            "192.169.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "64:ff9b::808:808", "2002:808:808::"})
    void public_addresses_are_allowed(String literal) {
        assertThat(TargetPolicy.refuseAddress(ip(literal))).as(literal).isEmpty();
    }

    @Test
    void the_metadata_address_and_the_private_ranges_say_why() {
        assertThat(TargetPolicy.refuseAddress(ip("169.254.169.254"))).contains("metadata");
        assertThat(TargetPolicy.refuseAddress(ip("100.64.0.1"))).contains("shared (CGNAT)");
        assertThat(TargetPolicy.refuseAddress(ip("fd00::1"))).contains("unique-local");
        assertThat(TargetPolicy.refuseAddress(ip("::ffff:127.0.0.1"))).hasValueSatisfying(r -> assertThat(r).startsWith("loopback"));
    }

    @Test
    void only_https_unless_the_host_is_on_the_development_list() {
        TargetPolicy production = new TargetPolicy(List.of());
        assertThat(production.refuseUrl(URI.create("https://hooks.example.org/qingdan"))).isEmpty();
        assertThat(production.refuseUrl(URI.create("http://hooks.example.org/qingdan"))).isPresent();
        assertThat(production.refuseUrl(URI.create("http://localhost:8081/hook"))).isPresent();
        assertThat(production.refuseUrl(URI.create("ftp://hooks.example.org/"))).isPresent();
        assertThat(production.refuseUrl(URI.create("https://user:pw@hooks.example.org/"))).isPresent();
        assertThat(production.refuseUrl(URI.create("/relative"))).isPresent();

        TargetPolicy development = new TargetPolicy(List.of(" LocalHost ", "127.0.0.1", ""));
        assertThat(development.refuseUrl(URI.create("http://localhost:8081/hook"))).isEmpty();
        assertThat(development.refuseUrl(URI.create("http://127.0.0.1:9/hook"))).isEmpty();
        assertThat(development.refuseUrl(URI.create("http://127.0.0.2:9/hook"))).isPresent();
        assertThat(development.refuseUrl(URI.create("http://hooks.example.org/"))).isPresent();
    }

    @Test
    void every_resolved_address_must_be_public_unless_the_host_is_a_development_host() throws UnknownHostException {
        TargetPolicy.Lookup mixed = host -> new InetAddress[] {ip("93.184.216.34"), ip("10.0.0.7")};
        assertThatThrownBy(() -> new TargetPolicy(List.of(), mixed).resolve("hooks.example.org"))
                .isInstanceOf(TargetPolicy.AddressNotAllowed.class);
        TargetPolicy.Lookup loopback = host -> new InetAddress[] {ip("127.0.0.1")};
        assertThatThrownBy(() -> new TargetPolicy(List.of(), loopback).resolve("localhost"))
                .isInstanceOf(TargetPolicy.AddressNotAllowed.class);
        assertThat(new TargetPolicy(List.of("localhost"), loopback).resolve("localhost")).containsExactly(ip("127.0.0.1"));
        assertThat(new TargetPolicy(List.of(), host -> new InetAddress[] {ip("93.184.216.34")}).resolve("hooks.example.org"))
                .containsExactly(ip("93.184.216.34"));
        // literal addresses in a URL are checked like resolved ones
        assertThatThrownBy(() -> new TargetPolicy(List.of()).resolve("[::1]")).isInstanceOf(TargetPolicy.AddressNotAllowed.class);
        assertThatThrownBy(() -> new TargetPolicy(List.of()).resolve("169.254.169.254")).isInstanceOf(TargetPolicy.AddressNotAllowed.class);
    }
}
