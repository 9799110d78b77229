package com.solduel.player;

import java.time.Instant;

/**
 * What the API shows of a player and what Redis caches under {@code player:{wallet}:state}.
 * Amounts are lamports.
 */
public record PlayerState(
        Integer id,
        String walletAddress,
        String username,
        int eloRating,
        int wins,
        int losses,
        long totalEarnings,
        String nftProfileMint,
        Instant createdAt) {
}
