package com.solduel.rating;

/** Elo ratings (SPEC §6): new players start at 1000, K = 32, a draw scores half a point. */
public final class Elo {

    /** The K-factor: the most one game can move a rating. */
    public static final int K = 32;

    private Elo() {
    }

    /** The new ratings of A and B after a game where A scored {@code scoreA} (1 win, 0.5 draw, 0 loss). */
    public static Change after(int ratingA, int ratingB, double scoreA) {
        if (scoreA != 0.0 && scoreA != 0.5 && scoreA != 1.0) {
            throw new IllegalArgumentException("score must be 0, 0.5 or 1, got " + scoreA);
        }
        double expectedA = 1.0 / (1.0 + Math.pow(10, (ratingB - ratingA) / 400.0));
        int deltaA = (int) Math.round(K * (scoreA - expectedA));
        // Zero-sum: what A gains B loses, so rating points are never created by rounding.
        return new Change(ratingA + deltaA, ratingB - deltaA, deltaA);
    }

    /** Ratings after a game, and A's change (B's is its negative). */
    public record Change(int newA, int newB, int deltaA) {
    }
}
