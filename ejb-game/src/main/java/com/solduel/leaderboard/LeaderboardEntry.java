package com.solduel.leaderboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One player's line on a game type's leaderboard. */
@Schema(name = "LeaderboardEntry", description = "A player's place on a game type's leaderboard",
        requiredProperties = {"rank", "wallet", "rating", "ratedGames", "wins", "losses", "draws"})
public record LeaderboardEntry(
        @Schema(description = "1-based place: highest rating first; equal ratings by player id (who signed up first); no shared ranks",
                format = "int64", example = "1") long rank,
        @Schema(description = "The player's wallet (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String wallet,
        @Schema(description = "Display name, absent when the player has none", example = "alice") String username,
        @Schema(description = "The player's rating of this game type", format = "int32", example = "1240") int rating,
        @Schema(description = "Rated games of this type played", format = "int32", example = "43") int ratedGames,
        @Schema(description = "Rated games of this type won", format = "int32", example = "31") int wins,
        @Schema(description = "Rated games of this type lost", format = "int32", example = "10") int losses,
        @Schema(description = "Rated games of this type drawn", format = "int32", example = "2") int draws) {
}
