package com.solduel.payout;

import java.time.Instant;

/**
 * A row of {@code payouts}: lamports the vault owes {@code destination}, and its current attempt
 * (signature, blockhash, last valid block height and the signed bytes) when it has one.
 */
public record Payout(long id, String kind, String status, String reason, long gameId, String destination, long lamports,
                     String signature, String blockhash, Long lastValidBlockHeight, byte[] signedTransaction,
                     int attempts, String lastError, Instant createdAt, Instant confirmedAt) {

    /** The memo of every transfer for this payout: names it, so the chain alone says what a transfer was for. */
    public String memo() {
        return memo(id);
    }

    /** {@code solduel:payout:<id>} (docs/payouts.md). */
    public static String memo(long payoutId) {
        return "solduel:payout:" + payoutId;
    }

    /** Whether an attempt is recorded that may be on the chain (or still land). */
    public boolean hasAttempt() {
        return signature != null;
    }

    /** The transaction-counter label: {@code payout} for a winner's pot, {@code refund} for a refund. */
    public String type() {
        return "PAYOUT".equals(kind) ? "payout" : "refund";
    }
}
