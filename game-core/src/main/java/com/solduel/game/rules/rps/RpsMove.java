package com.solduel.game.rules.rps;

import com.solduel.game.rules.Action;

/** The three throws. The declaration order is the index the fair RNG picks for a timed-out player. */
public enum RpsMove implements Action {
    ROCK,
    PAPER,
    SCISSORS;

    /** Whether this throw beats {@code other}: rock blunts scissors, paper wraps rock, scissors cut paper. */
    public boolean beats(RpsMove other) {
        return other == values()[(ordinal() + 2) % 3];
    }

    @Override
    public String code() {
        return name();
    }
}
