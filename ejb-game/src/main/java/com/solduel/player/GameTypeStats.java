package com.solduel.player;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A player's standing in one game type. */
@Schema(name = "GameTypeStats", description = "A player's rating and record in one game type",
        requiredProperties = {"rating", "ratedGames", "wins", "losses", "draws"})
public record GameTypeStats(
        @Schema(description = "The game type's rating (1000 before the first rated game)", format = "int32", example = "1240") int rating,
        @Schema(description = "1-based place on the game type's leaderboard; absent before the first rated game of the type",
                format = "int64", example = "3") Long rank,
        @Schema(description = "Rated games of this type played", format = "int32", example = "43") int ratedGames,
        @Schema(description = "Rated games of this type won", format = "int32", example = "31") int wins,
        @Schema(description = "Rated games of this type lost", format = "int32", example = "10") int losses,
        @Schema(description = "Rated games of this type drawn", format = "int32", example = "2") int draws,
        @Schema(description = "wins / ratedGames, 4 decimals; absent before the first rated game of the type",
                format = "double", example = "0.7209") Double winRate) {

    /** The same with {@code rank}. */
    public GameTypeStats withRank(Long newRank) {
        return new GameTypeStats(rating, newRank, ratedGames, wins, losses, draws, winRate);
    }
}
