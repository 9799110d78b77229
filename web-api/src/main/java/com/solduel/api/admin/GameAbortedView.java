package com.solduel.api.admin;

import com.solduel.game.table.GameCancelled;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an abort: the game is ABORTED and these stakes are owed back. */
@Schema(name = "GameAborted", description = "The game is ABORTED; each credited stake is owed back as a PENDING refund",
        requiredProperties = {"gameId", "status", "refunds"})
public record GameAbortedView(
        @Schema(description = "The game's id", example = "1052") long gameId,
        @Schema(description = "Always ABORTED", example = "ABORTED") String status,
        @Schema(description = "The refunds now owed, one per credited deposit (none for a free game or when nobody paid); "
                + "the payouts job sends them (GET /api/admin/games/{id} shows their state)") List<Refund> refunds) {

    /** One stake owed back. */
    @Schema(name = "GameAbortedRefund", description = "A credited stake owed back in full", requiredProperties = {"seat", "wallet", "lamports"})
    public record Refund(
            @Schema(description = "P1 or P2", example = "P1") String seat,
            @Schema(description = "Who paid it and is refunded", example = "7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt") String wallet,
            @Schema(description = "Lamports", example = "50000000") long lamports) {
    }

    static GameAbortedView of(GameCancelled cancelled) {
        return new GameAbortedView(cancelled.gameId(), "ABORTED", cancelled.refunds().stream()
                .map(r -> new Refund(r.seat().name(), r.wallet(), r.lamports())).toList());
    }
}
