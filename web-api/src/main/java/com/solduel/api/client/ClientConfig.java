package com.solduel.api.client;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client needs to play on this server: where its wallet sends deposits and reads the chain. */
@Schema(name = "ClientConfig", description = "The Solana cluster this server plays on, the RPC a client sends its deposits "
        + "to and reads the chain from, the explorer of that cluster, the escrow vault, and the wagers offered now",
        requiredProperties = {"cluster", "rpcUrl", "explorerTxUrl", "developmentWallet", "wagers"})
public record ClientConfig(
        @Schema(description = "The cluster: localnet, devnet, testnet or mainnet-beta", example = "localnet") String cluster,
        @Schema(description = "The JSON-RPC URL a browser wallet's transactions go to and balances are read from",
                example = "http://127.0.0.1:8899") String rpcUrl,
        @Schema(description = "The explorer page of a transaction: replace `{signature}` with its signature",
                example = "https://explorer.solana.com/tx/{signature}?cluster=custom&customUrl=http%3A%2F%2F127.0.0.1%3A8899")
        String explorerTxUrl,
        @Schema(description = "Whether the client offers its built-in development wallet (a key kept in the browser, "
                + "funded by airdrops): only on a localnet") boolean developmentWallet,
        @Schema(description = "The escrow vault's address (base58), absent when this server has no vault (free play only)",
                example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String vault,
        @Schema(description = "The wagers (lamports) a player may queue for now: 0 is free play", example = "[0, 10000000, 50000000]")
        List<Long> wagers) {
}
