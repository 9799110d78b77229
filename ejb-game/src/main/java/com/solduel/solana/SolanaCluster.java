package com.solduel.solana;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Solana clusters SOL Duel knows, each recognised by the hash of its genesis block (what
 * {@code getGenesisHash} answers) and named in sign-in messages by a chain id
 * ({@code solduel.solana.chain-id}). Any other genesis hash is a local chain (a test validator or
 * the project's localnet, whose genesis is new at every start).
 */
public enum SolanaCluster {
    MAINNET("solana:mainnet", "mainnet-beta", "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d"),
    DEVNET("solana:devnet", "devnet", "EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG"),
    TESTNET("solana:testnet", "testnet", "4uhcVJyU9pJkvQyS88uRDiswHXSCkY3zQawwpjk2NsNY"),
    LOCAL("solana:localnet", "a local chain", null);

    private final String chainId;
    private final String displayName;
    private final String genesisHash;

    SolanaCluster(String chainId, String displayName, String genesisHash) {
        this.chainId = chainId;
        this.displayName = displayName;
        this.genesisHash = genesisHash;
    }

    /** The cluster whose genesis block has this hash; {@link #LOCAL} for any hash of no public cluster. */
    public static SolanaCluster ofGenesisHash(String genesisHash) {
        return Arrays.stream(values())
                .filter(cluster -> cluster.genesisHash != null && cluster.genesisHash.equals(genesisHash))
                .findFirst().orElse(LOCAL);
    }

    /** The cluster a chain id names ({@code solana:mainnet}, {@code solana:devnet}, ...), if any. */
    public static Optional<SolanaCluster> ofChainId(String chainId) {
        return Arrays.stream(values()).filter(cluster -> cluster.chainId.equals(chainId)).findFirst();
    }

    public String chainId() {
        return chainId;
    }

    /** How log lines and refusals name it. */
    public String displayName() {
        return displayName;
    }

    /** The public cluster's genesis hash; empty for {@link #LOCAL}. */
    public Optional<String> genesisHash() {
        return Optional.ofNullable(genesisHash);
    }
}
