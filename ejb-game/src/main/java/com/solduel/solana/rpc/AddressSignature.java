package com.solduel.solana.rpc;

/**
 * One entry of {@code getSignaturesForAddress}: a transaction that touched the address, newest
 * first. {@code memo} is the node's rendering of its Memo instructions ({@code "[len] text"},
 * several joined by {@code "; "}), or null; {@code blockTime} (epoch seconds) may be null.
 */
public record AddressSignature(String signature, long slot, Long blockTime, boolean succeeded, String memo) {
}
