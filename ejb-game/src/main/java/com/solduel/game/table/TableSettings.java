package com.solduel.game.table;

/**
 * The clocks of a live game (SPEC §5), in milliseconds.
 *
 * @param turnMillis    how long a player has to choose in each turn (~20 s)
 * @param graceMillis   how long a seat may stay without a connection before it forfeits (~30 s);
 *                      also the join grace before turn 1's clock starts without both players
 * @param retryMillis   how soon a failed write of a timer's work (a timed-out move, a result) is tried again
 * @param missesToForfeit turns in a row the clock may run out on a seat before it forfeits (2)
 */
public record TableSettings(long turnMillis, long graceMillis, long retryMillis, int missesToForfeit) {

    /** Rejects non-positive durations. */
    public TableSettings {
        if (turnMillis <= 0 || graceMillis <= 0 || retryMillis <= 0 || missesToForfeit < 1) {
            throw new IllegalArgumentException("game clocks must be positive: " + turnMillis + "/" + graceMillis
                    + "/" + retryMillis + "/" + missesToForfeit);
        }
    }
}
