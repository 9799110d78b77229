package com.solduel.game.rules;

/** One of the two places at a game: player 1 (the creator) or player 2. */
public enum Seat {
    P1,
    P2;

    /** The opponent's seat. */
    public Seat other() {
        return this == P1 ? P2 : P1;
    }
}
