package com.solduel.matchmaking;

/** A player as the bucket holds them: wallet, rating and join time (epoch ms). */
public record QueuedPlayer(String wallet, int rating, long joinedAtMillis) {
}
