package com.solduel.solana.rpc;

/** A recent blockhash to sign with; a transaction using it lands only up to {@code lastValidBlockHeight}. */
public record LatestBlockhash(String blockhash, long lastValidBlockHeight, long slot) {
}
