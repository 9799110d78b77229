package com.solduel.game.live;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A second player took the seat: a free game has started; a wagered one awaits both deposits
 * ({@code GET /api/games/{id}/deposits}). Both client seeds are fixed from now on:
 * {@code clientSeed} is the joiner's, {@code opponentClientSeed} the creator's.
 */
@Schema(name = "JoinedGame", description = "The joined game and your seat",
        requiredProperties = {"gameId", "gameType", "bestOf", "serverSeedSha256", "seat", "clientSeed", "opponent",
                "opponentClientSeed", "status", "wager"})
public record JoinedGame(
        @Schema(description = "The game's id", format = "int64", example = "42") long gameId,
        @Schema(description = "The game type", enumeration = {"RPS", "DUEL"}, example = "RPS") String gameType,
        @Schema(description = "Rounds the match is played over", format = "int32", example = "3") int bestOf,
        @Schema(description = "SHA-256 (hex) of the server seed, revealed when the game is over",
                example = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd") String serverSeedSha256,
        @Schema(description = "Your seat", enumeration = {"P2"}, example = "P2") String seat,
        @Schema(description = "Your client seed", example = "bob") String clientSeed,
        @Schema(description = "The creator's wallet", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String opponent,
        @Schema(description = "The creator's client seed", example = "alice") String opponentClientSeed,
        @Schema(description = "IN_PROGRESS (free play: it has started) or AWAITING_DEPOSITS (a wager: both players "
                + "deposit first, see GET /api/games/{id}/deposits)", enumeration = {"IN_PROGRESS", "AWAITING_DEPOSITS"},
                example = "IN_PROGRESS") String status,
        @Schema(description = "Each player's stake in lamports (0: free play)", format = "int64", minimum = "0",
                example = "0") long wager) {
}
