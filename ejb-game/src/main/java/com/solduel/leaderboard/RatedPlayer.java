package com.solduel.leaderboard;

/** A {@code player_ratings} row with the player's wallet, username and id (the tie-break). */
public record RatedPlayer(int playerId, String wallet, String username, int rating, int ratedGames, int wins, int losses,
                   int draws) {

    /**
     * The sorted-set score: rating first, then the lower player id; exact in a double while the
     * rating stays below 2^21 and the id below 2^32.
     */
    double score() {
        return rating * 4294967296.0 - playerId;
    }

    /** The leaderboard hash's value: rated games first (the Lua mirror compares it), username last. */
    String encoded() {
        return ratedGames + "|" + wins + "|" + losses + "|" + draws + "|" + rating + "|" + (username == null ? "" : username);
    }

    /** The entry at {@code rank} of the value {@link #encoded()} wrote for {@code wallet}. */
    static LeaderboardEntry decode(long rank, String wallet, String encoded) {
        String[] f = encoded.split("\\|", -1);
        return new LeaderboardEntry(rank, wallet, f[5].isEmpty() ? null : f[5], Integer.parseInt(f[4]),
                Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]));
    }

    LeaderboardEntry entry(long rank) {
        return new LeaderboardEntry(rank, wallet, username, rating, ratedGames, wins, losses, draws);
    }
}
