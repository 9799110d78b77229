package com.solduel.game.live;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A game's public summary ({@code GET /api/games/{id}}): never a pending choice; the server seed
 * only once the game is over. Absent fields are omitted from the JSON.
 *
 * @param status      the database status: CREATED (waiting for an opponent), IN_PROGRESS, COMPLETED, ABORTED
 * @param players     wallet per seat ({@code P2} absent while waiting)
 * @param clientSeeds client seed per seat, shown once fixed
 * @param turn        the turn being played (absent while waiting)
 * @param score       the headline number per seat (rounds won, hit points)
 * @param outcome     {@code P1}, {@code P2}, {@code DRAW} (also for an abandoned game) once over
 * @param reason      why it ended, once over (e.g. KNOCKOUT, FORFEIT, ABANDONED)
 * @param serverSeed  the revealed server seed, once over
 */
@Schema(name = "GameSummary", description = "A game's public summary; absent fields are omitted",
        requiredProperties = {"gameId", "gameType", "bestOf", "status", "players", "serverSeedSha256"})
public record GameSummary(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Rounds the match is played over", format = "int32", example = "3") int bestOf,
        @Schema(description = "CREATED (waiting for an opponent), IN_PROGRESS, COMPLETED, ABORTED, CANCELLED",
                example = "COMPLETED") String status,
        @Schema(description = "Wallet per seat (P2 absent while waiting)", additionalProperties = String.class,
                example = "{\"P1\": \"4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T\"}") Map<String, String> players,
        @Schema(description = "Client seed per seat, once fixed", additionalProperties = String.class,
                example = "{\"P1\": \"alice\", \"P2\": \"bob\"}") Map<String, String> clientSeeds,
        @Schema(description = "SHA-256 (hex) of the server seed", example = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd") String serverSeedSha256,
        @Schema(description = "The turn being played (absent while waiting)", format = "int32", example = "4") Integer turn,
        @Schema(description = "The headline number per seat (rounds won, hit points)", additionalProperties = Integer.class,
                example = "{\"P1\": 2, \"P2\": 0}") Map<String, Integer> score,
        @Schema(description = "Once over: P1, P2 or DRAW (also for an abandoned game)", example = "P1") String outcome,
        @Schema(description = "Why it ended, once over (e.g. ROUNDS_WON, KNOCKOUT, FORFEIT, ABANDONED)",
                example = "ROUNDS_WON") String reason,
        @Schema(description = "The revealed server seed (hex), once over",
                example = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f") String serverSeed) {
}
