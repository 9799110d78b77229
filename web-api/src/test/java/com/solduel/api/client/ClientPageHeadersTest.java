package com.solduel.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientPageHeadersTest {

    @Test
    void thePolicyAllowsOnlyThisOriginAndTheClustersRpcOrigin() {
        String policy = ClientPageHeaders.policy("http://127.0.0.1:8899");
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self' http://127.0.0.1:8899;", "frame-ancestors 'none'", "base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(ClientPageHeaders.policy("https://api.mainnet-beta.solana.com/some/path"))
                .contains("connect-src 'self' https://api.mainnet-beta.solana.com;");
    }

    @Test
    void anRpcUrlThatIsNotHttpStopsTheStartInsteadOfOpeningThePolicy() {
        assertThatThrownBy(() -> ClientPageHeaders.policy("ws://127.0.0.1:8900")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("solduel.client.rpc-url");
        assertThatThrownBy(() -> ClientPageHeaders.policy("*")).isInstanceOf(IllegalStateException.class);
    }
}
