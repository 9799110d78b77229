package com.solduel.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.solduel.solana.SolanaCluster;
import org.junit.jupiter.api.Test;

class DeploymentProfileTest {

    private static final String MAINNET = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";
    private static final String DEVNET = "EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG";
    private static final String LOCALNET = "8Fn3tFU1w2yCAvkPtnPzcxA7DkrHtP4TEsqaUkSW2GAo";

    private static String refusal(DeploymentProfile profile, String chainId, String genesisHash) {
        return profile.refusal(chainId, SolanaCluster.ofGenesisHash(genesisHash), genesisHash).orElse(null);
    }

    @Test
    void theGenesisHashNamesTheCluster() {
        assertThat(SolanaCluster.ofGenesisHash(MAINNET)).isEqualTo(SolanaCluster.MAINNET);
        assertThat(SolanaCluster.ofGenesisHash(DEVNET)).isEqualTo(SolanaCluster.DEVNET);
        assertThat(SolanaCluster.ofGenesisHash(LOCALNET)).isEqualTo(SolanaCluster.LOCAL);
    }

    @Test
    void eachProfileStartsOnItsOwnChain() {
        assertThat(refusal(DeploymentProfile.PRODUCTION, "solana:mainnet", MAINNET)).isNull();
        assertThat(refusal(DeploymentProfile.STAGING, "solana:devnet", DEVNET)).isNull();
        assertThat(refusal(DeploymentProfile.LOCAL, "solana:localnet", LOCALNET)).isNull();
        assertThat(refusal(DeploymentProfile.LOCAL, "solana:devnet", DEVNET)).isNull();
    }

    @Test
    void productionRefusesAnyChainButMainnet() {
        assertThat(refusal(DeploymentProfile.PRODUCTION, "solana:mainnet", LOCALNET))
                .contains("production profile moves real money on Solana mainnet-beta only")
                .contains("a local chain (genesis hash " + LOCALNET + ")");
        assertThat(refusal(DeploymentProfile.PRODUCTION, "solana:mainnet", DEVNET)).contains("devnet");
    }

    @Test
    void noOtherProfileMayTouchMainnet() {
        assertThat(refusal(DeploymentProfile.STAGING, "solana:devnet", MAINNET))
                .contains("the staging profile must not move real money");
        assertThat(refusal(DeploymentProfile.LOCAL, "solana:mainnet", MAINNET))
                .contains("the local profile must not move real money");
    }

    @Test
    void theChainIdInSignInMessagesMustBeTheChainServed() {
        assertThat(refusal(DeploymentProfile.STAGING, "solana:devnet", LOCALNET))
                .contains("sign-in messages name solana:devnet").contains("set solduel.solana.chain-id to solana:localnet");
        assertThat(refusal(DeploymentProfile.PRODUCTION, "solana:devnet", MAINNET))
                .contains("sign-in messages name solana:devnet");
        assertThat(refusal(DeploymentProfile.LOCAL, "solana:moon", LOCALNET)).contains("names no Solana cluster");
    }

    @Test
    void onlyTheThreeProfilesExist() {
        assertThat(DeploymentProfile.named("production")).contains(DeploymentProfile.PRODUCTION);
        assertThat(DeploymentProfile.named("prod")).isEmpty();
        assertThat(DeploymentProfile.names()).isEqualTo("local, staging, production");
    }
}
