package com.solduel.ops;

import com.solduel.solana.SolanaCluster;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three environments SOL Duel runs in, chosen by the one variable {@code mp.config.profile}
 * (environment {@code MP_CONFIG_PROFILE}): each selects its {@code %profile.} settings in
 * MicroProfile Config and its server configuration ({@code profiles/<name>.xml}), and each may only
 * talk to its own kind of chain. Real money moves on mainnet only in production, and production
 * only ever moves real money.
 */
public enum DeploymentProfile {
    /** A developer's machine or the test suite: any chain but mainnet. */
    LOCAL(false),
    /** Solana devnet (or testnet): production's settings without real money. */
    STAGING(false),
    /** Solana mainnet-beta, real money. */
    PRODUCTION(true);

    private final boolean mainnet;

    DeploymentProfile(boolean mainnet) {
        this.mainnet = mainnet;
    }

    /** The profile {@code mp.config.profile} names, or empty for a name that is none of the three. */
    public static Optional<DeploymentProfile> named(String name) {
        return Arrays.stream(values()).filter(profile -> profile.profileName().equals(name)).findFirst();
    }

    /** The names {@code mp.config.profile} accepts, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(DeploymentProfile::profileName).collect(Collectors.joining(", "));
    }

    /** Its {@code mp.config.profile} value. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Why this profile must not start against {@code observed} while sign-in messages name
     * {@code chainId}, or empty when they agree: production needs mainnet on both counts, every other
     * profile needs anything but mainnet, and the configured chain id must be the chain the RPC pool
     * actually serves.
     */
    public Optional<String> refusal(String chainId, SolanaCluster observed, String genesisHash) {
        Optional<SolanaCluster> configured = SolanaCluster.ofChainId(chainId);
        String seen = "the RPC pool serves " + observed.displayName() + " (genesis hash " + genesisHash + ")";
        if (configured.isEmpty()) {
            return Optional.of("solduel.solana.chain-id is '" + chainId + "', which names no Solana cluster; use one of "
                    + Arrays.stream(SolanaCluster.values()).map(SolanaCluster::chainId).collect(Collectors.joining(", ")));
        }
        if (mainnet && observed != SolanaCluster.MAINNET) {
            return Optional.of("the production profile moves real money on Solana mainnet-beta only, but " + seen
                    + "; point solduel.solana.rpc-pool at mainnet endpoints, or start with MP_CONFIG_PROFILE=staging or local");
        }
        if (!mainnet && observed == SolanaCluster.MAINNET) {
            return Optional.of("the " + profileName() + " profile must not move real money, but " + seen
                    + "; point solduel.solana.rpc-pool at devnet or a local chain, or start with MP_CONFIG_PROFILE=production");
        }
        if (configured.get() != observed) {
            return Optional.of("sign-in messages name " + chainId + " (solduel.solana.chain-id), but " + seen
                    + "; set solduel.solana.chain-id to " + observed.chainId() + " or point the RPC pool at "
                    + configured.get().displayName());
        }
        return Optional.empty();
    }
}
