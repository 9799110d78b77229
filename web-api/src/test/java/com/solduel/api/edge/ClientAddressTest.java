package com.solduel.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress(Set.of()).of("198.51.100.7", "203.0.113.9")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheNearestUntrustedHopCounts() {
        ClientAddress clients = new ClientAddress(Set.of("10.0.0.2", "10.0.0.3"));
        assertThat(clients.of("10.0.0.2", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(clients.of("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.3")).as("a client cannot prepend its own pick")
                .isEqualTo("203.0.113.9");
        assertThat(clients.of("10.0.0.2", null)).isEqualTo("10.0.0.2");
        assertThat(clients.of("10.0.0.2", "not an address")).isEqualTo("10.0.0.2");
        assertThat(clients.of("198.51.100.7", "203.0.113.9")).as("an untrusted peer's header").isEqualTo("198.51.100.7");
    }
}
