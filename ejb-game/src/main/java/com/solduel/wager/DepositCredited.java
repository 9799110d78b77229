package com.solduel.wager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A deposit was verified on-chain and credited ({@code POST /api/games/{id}/deposits}). */
@Schema(name = "DepositCredited", description = "Your deposit, credited",
        requiredProperties = {"gameId", "signature", "lamports", "refundLamports", "commitment", "gameStatus"})
public record DepositCredited(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "The deposit transaction's signature (base58)",
                example = "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW") String signature,
        @Schema(description = "Lamports your transaction sent to the vault", format = "int64", example = "50000000") long lamports,
        @Schema(description = "Lamports above the wager, owed back to you as a refund (0 when exact)", format = "int64",
                example = "0") long refundLamports,
        @Schema(description = "The commitment it was verified at", enumeration = {"confirmed", "finalized"},
                example = "confirmed") String commitment,
        @Schema(description = "The game's status now: IN_PROGRESS once both deposits are in", example = "AWAITING_DEPOSITS")
        String gameStatus) {
}
