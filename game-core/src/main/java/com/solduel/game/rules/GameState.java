package com.solduel.game.rules;

/** The public state of one game type between turns; implementations are immutable records. */
public interface GameState {

    /** The number of the turn to be played next, starting at 1. */
    int turn();
}
