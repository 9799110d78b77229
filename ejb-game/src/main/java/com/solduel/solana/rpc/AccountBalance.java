package com.solduel.solana.rpc;

/** An account's balance in lamports as of {@code slot}. */
public record AccountBalance(long lamports, long slot) {
}
