package com.solduel.player;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One game of a player's match history, seen from that player. */
@Schema(name = "MatchHistoryEntry", description = "One game of a player's match history, from that player's side",
        requiredProperties = {"gameId", "gameType", "wagerLamports", "status", "rated", "createdAt"})
public record MatchHistoryEntry(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "The opponent's wallet; absent while a challenge waits for one",
                example = "HN7cABqLq46Es1jh92dQQisAq662SmxELLLsHHe4YWrH") String opponentWallet,
        @Schema(description = "The opponent's display name, if set", example = "bob") String opponentUsername,
        @Schema(description = "The stake per player in lamports (0: free play)", format = "int64", example = "0") long wagerLamports,
        @Schema(description = "The game's status", enumeration = {"CREATED", "AWAITING_DEPOSITS", "IN_PROGRESS", "COMPLETED",
                "CANCELLED", "ABORTED"}, example = "COMPLETED") String status,
        @Schema(description = "This player's result once the game is over: WIN, LOSS, DRAW, or ABANDONED (both forfeited, "
                + "the game was aborted); absent otherwise", enumeration = {"WIN", "LOSS", "DRAW", "ABANDONED"}, example = "WIN") String result,
        @Schema(description = "Why it ended, once over (e.g. ROUNDS_WON, KNOCKOUT, FORFEIT, ABANDONED)", example = "ROUNDS_WON") String reason,
        @Schema(description = "Whether the result moves ratings", example = "true") boolean rated,
        @Schema(description = "This player's game-type rating after the game; absent unless the game was rated and decided",
                format = "int32", example = "1240") Integer ratingAfter,
        @Schema(description = "The change of this player's game-type rating; absent unless the game was rated and decided",
                format = "int32", example = "20") Integer ratingChange,
        @Schema(description = "When the game was created", format = "date-time", example = "2026-11-30T18:00:00Z") Instant createdAt,
        @Schema(description = "When the game started (both seats taken)", format = "date-time", example = "2026-11-30T18:00:05Z") Instant startedAt,
        @Schema(description = "When it ended", format = "date-time", example = "2026-11-30T18:02:11Z") Instant endedAt,
        @Schema(description = "Where to download the verifiable export, once the game is over", example = "/api/games/42/export") String export) {
}
