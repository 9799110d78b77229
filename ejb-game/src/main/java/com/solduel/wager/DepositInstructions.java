package com.solduel.wager;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a player of a wagered game must send, and where the game's deposits stand
 * ({@code GET /api/games/{id}/deposits}; the WebSocket {@code deposit_required} frame carries the same).
 */
@Schema(name = "DepositInstructions", description = "Your deposit for a wagered game, and where the deposits stand",
        requiredProperties = {"gameId", "status", "vault", "lamports", "memo", "deadline", "deposited",
                "opponentDeposited"})
public record DepositInstructions(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "AWAITING_DEPOSITS until both are in; then IN_PROGRESS (or later); CANCELLED when the "
                + "deadline passed first", example = "AWAITING_DEPOSITS") String status,
        @Schema(description = "Send the deposit to this address (the escrow vault)",
                example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String vault,
        @Schema(description = "Send at least this many lamports (the wager); more is refunded", format = "int64",
                example = "50000000") long lamports,
        @Schema(description = "The exact memo (Memo program instruction, UTF-8) in the same transaction",
                example = "solduel:deposit:game=42:wallet=4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String memo,
        @Schema(description = "The deadline (ISO-8601 UTC): the game is cancelled and paid deposits are refunded unless "
                + "both are credited by then", example = "2026-11-30T20:05:00Z") Instant deadline,
        @Schema(description = "Whether your deposit is credited") boolean deposited,
        @Schema(description = "Whether your opponent's deposit is credited") boolean opponentDeposited) {
}
