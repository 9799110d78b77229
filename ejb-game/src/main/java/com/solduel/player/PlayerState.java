package com.solduel.player;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What the API shows of a player and what Redis caches under {@code player:{wallet}:state}.
 * Amounts are lamports.
 */
@Schema(name = "PlayerState", description = "A player's public profile",
        requiredProperties = {"walletAddress", "eloRating", "wins", "losses", "totalEarnings", "createdAt"})
public record PlayerState(
        @Schema(description = "The player's id", format = "int32", example = "7") Integer id,
        @Schema(description = "The wallet the player signs in with (base58)", example = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T") String walletAddress,
        @Schema(description = "Display name, if set", example = "alice") String username,
        @Schema(description = "Elo rating", format = "int32", example = "1500") int eloRating,
        @Schema(description = "Games won", format = "int32", example = "12") int wins,
        @Schema(description = "Games lost", format = "int32", example = "9") int losses,
        @Schema(description = "Total earnings in lamports", format = "int64", example = "250000000") long totalEarnings,
        @Schema(description = "Mint of the player's profile NFT, if any") String nftProfileMint,
        @Schema(description = "When the player first signed in", format = "date-time", example = "2026-11-01T12:00:00Z")
        Instant createdAt) {
}
