package com.solduel.solana.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointLabelTest {

    @Test
    void anApiKeyInThePathQueryOrUserInfoNeverShows() {
        assertThat(EndpointLabel.of(URI.create("https://mainnet.helius-rpc.com/?api-key=s3cr3t"), 0))
                .isEqualTo("https://mainnet.helius-rpc.com#1");
        assertThat(EndpointLabel.of(URI.create("https://solana-mainnet.g.alchemy.com/v2/s3cr3t"), 1))
                .isEqualTo("https://solana-mainnet.g.alchemy.com#2");
        assertThat(EndpointLabel.of(URI.create("https://user:s3cr3t@rpc.example.com:8443/"), 2))
                .isEqualTo("https://rpc.example.com:8443#3");
        assertThat(EndpointLabel.of(URI.create("https://solana-mainnet.g.alchemy.com/v2/s3cr3t")))
                .isEqualTo("https://solana-mainnet.g.alchemy.com/…");
    }

    @Test
    void aPlainUrlIsShownAsItIs() {
        assertThat(EndpointLabel.of(URI.create("http://127.0.0.1:8899"), 0)).isEqualTo("http://127.0.0.1:8899");
        assertThat(EndpointLabel.of(URI.create("https://api.devnet.solana.com/"), 4)).isEqualTo("https://api.devnet.solana.com");
    }
}
