package com.solduel.rating;

/**
 * How a rated game moves ratings (docs/ratings.md): Elo, where each player's change is
 * {@code round(K × (score − expected))} with their own K — {@code provisionalK} while they have
 * played fewer than {@code provisionalGames} rated games, {@code establishedK} after — and no
 * rating ever goes below {@code floor}. Because each side uses its own K (and the floor), a game
 * between a provisional and an established player is not zero-sum.
 *
 * @param provisionalK     K of a player's first {@code provisionalGames} rated games (default 40)
 * @param establishedK     K from then on (default 20)
 * @param provisionalGames how many rated games a player is provisional for (default 30)
 * @param floor            the lowest rating there is (default 100)
 */
public record RatingScheme(int provisionalK, int establishedK, int provisionalGames, int floor) {

    /** The rating every player starts with, per game type and overall (SPEC §6). */
    public static final int INITIAL_RATING = 1000;

    /** K 40 for the first 30 rated games, then 20; floor 100. */
    public static final RatingScheme DEFAULT = new RatingScheme(40, 20, 30, 100);

    /** Refuses a scheme that cannot rate: K not positive, a negative game count, a floor above the start. */
    public RatingScheme {
        if (provisionalK <= 0 || establishedK <= 0) {
            throw new IllegalArgumentException("K must be positive, got " + provisionalK + " and " + establishedK);
        }
        if (provisionalGames < 0) {
            throw new IllegalArgumentException("provisionalGames must be >= 0, got " + provisionalGames);
        }
        if (floor < 0 || floor > INITIAL_RATING) {
            throw new IllegalArgumentException("floor must be 0.." + INITIAL_RATING + ", got " + floor);
        }
    }

    /** The K of a player who has played {@code ratedGames} rated games before this one. */
    public int k(int ratedGames) {
        return ratedGames < provisionalGames ? provisionalK : establishedK;
    }

    /** Elo's expected score of a player rated {@code rating} against {@code opponent}: 1 / (1 + 10^((opponent − rating) / 400)). */
    public static double expectedScore(int rating, int opponent) {
        return 1.0 / (1.0 + Math.pow(10, (opponent - rating) / 400.0));
    }

    /**
     * The ratings of A and B after a game where A scored {@code scoreA} (1 a win, 0.5 a draw, 0 a
     * loss) and B the rest.
     */
    public Change rate(Standing a, Standing b, double scoreA) {
        if (scoreA != 0.0 && scoreA != 0.5 && scoreA != 1.0) {
            throw new IllegalArgumentException("score must be 0, 0.5 or 1, got " + scoreA);
        }
        return new Change(after(a, b.rating(), scoreA), after(b, a.rating(), 1.0 - scoreA));
    }

    private int after(Standing player, int opponent, double score) {
        // Math.round: the nearest integer, a half rounded up (toward +infinity).
        long delta = Math.round(k(player.ratedGames()) * (score - expectedScore(player.rating(), opponent)));
        return (int) Math.max(floor, player.rating() + delta);
    }

    /** A player's rating and how many rated games they played before this one. */
    public record Standing(int rating, int ratedGames) {

        /** Refuses a negative game count. */
        public Standing {
            if (ratedGames < 0) {
                throw new IllegalArgumentException("ratedGames must be >= 0, got " + ratedGames);
            }
        }
    }

    /** The two new ratings. */
    public record Change(int newA, int newB) {
    }
}
