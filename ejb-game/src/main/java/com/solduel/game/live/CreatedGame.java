package com.solduel.game.live;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A private challenge was created: share the invite code; the server seed's hash is its commitment. */
@Schema(name = "CreatedGame", description = "A private challenge waiting for an opponent",
        requiredProperties = {"gameId", "gameType", "bestOf", "inviteCode", "serverSeedSha256", "seat", "clientSeed", "rated", "wager"})
public record CreatedGame(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Rounds the match is played over", format = "int32", example = "3") int bestOf,
        @Schema(description = "The code to share with your opponent", example = "ABCD2345") String inviteCode,
        @Schema(description = "SHA-256 (hex) of the server seed: the server's commitment, revealed when the game is over",
                example = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd") String serverSeedSha256,
        @Schema(description = "Your seat", enumeration = {"P1"}, example = "P1") String seat,
        @Schema(description = "Your client seed (yours, or the one the server picked)", example = "alice") String clientSeed,
        @Schema(description = "Whether the result moves ratings (docs/ratings.md)", example = "true") boolean rated,

        @Schema(description = "Each player's stake in lamports (0: free play)", format = "int64", minimum = "0",
                example = "0") long wager) {
}
