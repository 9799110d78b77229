package com.solduel.api.admin;

import com.solduel.payout.Payout;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payout or refund as an admin sees it (docs/payouts.md). */
@Schema(name = "Payout", description = "Lamports the vault owes a wallet and where their transfer stands")
public record PayoutView(
        @Schema(description = "The payout's id; its transfer's memo is `solduel:payout:<id>`", example = "42") long id,
        @Schema(description = "`PAYOUT` (a winner's pot minus the house fee) or `REFUND`", enumeration = {"PAYOUT", "REFUND"}) String kind,
        @Schema(description = "`PENDING` (to be signed), `SIGNED` (an attempt recorded, maybe not sent), `SENT` (accepted by a node), "
                + "`CONFIRMED` (landed and succeeded), `FAILED` (refused or failed on-chain; waits for a retry)",
                enumeration = {"PENDING", "SIGNED", "SENT", "CONFIRMED", "FAILED"}) String status,
        @Schema(description = "Why it is owed: `WIN`, `DRAW`, `ABANDONED`, `OVERPAYMENT`, `DEPOSIT_DEADLINE_MISSED`", example = "WIN") String reason,
        @Schema(description = "The game it comes from", example = "7") long gameId,
        @Schema(description = "The wallet paid (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String destination,
        @Schema(description = "Lamports paid", example = "97500000") long lamports,
        @Schema(description = "The current attempt's transaction signature (base58); null when none is live", nullable = true) String signature,
        @Schema(description = "How many transfers were signed for it (an attempt is signed anew only once the last one can never land)",
                example = "1") int attempts,
        @Schema(description = "Why it failed (the node's or the chain's words); null unless FAILED", nullable = true) String lastError,
        @Schema(description = "When it became owed") Instant createdAt,
        @Schema(description = "When its transfer was confirmed; null before", nullable = true) Instant confirmedAt) {

    static PayoutView of(Payout payout) {
        return new PayoutView(payout.id(), payout.kind(), payout.status(), payout.reason(), payout.gameId(), payout.destination(),
                payout.lamports(), payout.signature(), payout.attempts(), payout.lastError(), payout.createdAt(), payout.confirmedAt());
    }
}
