package com.solduel.player;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A player's public profile ({@code GET /api/players/{wallet}}): the player's row, the record per
 * game type and the rating history. What Redis caches under {@code player:{wallet}:state} (without
 * ranks, which are read from the leaderboards on every request). Amounts are lamports.
 */
@Schema(name = "PlayerProfile", description = "A player's public profile: overall rating and record, and per game type the rating, "
        + "rank, record and rating history",
        requiredProperties = {"walletAddress", "eloRating", "wins", "losses", "draws", "totalEarnings", "createdAt",
                "gamesPlayed", "ratedGames", "ratings", "ratingHistory"})
public record PlayerProfile(
        @Schema(description = "The player's id", format = "int32", example = "7") Integer id,
        @Schema(description = "The wallet the player signs in with (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String walletAddress,
        @Schema(description = "Display name, if set", example = "alice") String username,
        @Schema(description = "Overall Elo rating: every rated game whatever its type (docs/ratings.md)", format = "int32", example = "1240") int eloRating,
        @Schema(description = "Rated games won, all types", format = "int32", example = "31") int wins,
        @Schema(description = "Rated games lost, all types", format = "int32", example = "12") int losses,
        @Schema(description = "Rated games drawn, all types", format = "int32", example = "2") int draws,
        @Schema(description = "Total earnings in lamports (0 until wagers are settled: free play earns nothing)", format = "int64", example = "0") long totalEarnings,
        @Schema(description = "Mint of the player's profile NFT, if any") String nftProfileMint,
        @Schema(description = "When the player first signed in", format = "date-time", example = "2026-11-01T12:00:00Z") Instant createdAt,
        @Schema(description = "Finished games (completed or abandoned), rated or not", format = "int64", example = "47") long gamesPlayed,
        @Schema(description = "Rated games, all types", format = "int32", example = "45") int ratedGames,
        @Schema(description = "wins / (wins + losses + draws), 4 decimals; absent before the first rated result", format = "double", example = "0.6889") Double winRate,
        @Schema(description = "Per game type (RPS, DUEL): rating, rank, record") Map<String, GameTypeStats> ratings,
        @Schema(description = "Per game type (RPS, DUEL): the rating before and after each of the last rated games "
                + "(at most solduel.profile.history-points, 100 by default), oldest first") Map<String, List<RatingPoint>> ratingHistory) {

    /** The player's row alone (what {@code /api/me} answers). */
    public PlayerState state() {
        return new PlayerState(id, walletAddress, username, eloRating, wins, losses, totalEarnings, nftProfileMint, createdAt);
    }

    /** The same with each game type's {@code rank} as given (absent ones left out). */
    public PlayerProfile withRanks(Map<String, Long> ranks) {
        Map<String, GameTypeStats> ranked = new java.util.TreeMap<>();
        ratings.forEach((type, stats) -> ranked.put(type, stats.withRank(ranks.get(type))));
        return new PlayerProfile(id, walletAddress, username, eloRating, wins, losses, draws, totalEarnings, nftProfileMint,
                createdAt, gamesPlayed, ratedGames, winRate, ranked, ratingHistory);
    }
}
