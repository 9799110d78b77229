package com.solduel.game.rules.rps;

import com.solduel.game.rules.TurnEvent;

/** Both threw the same; the round is replayed unless {@code tiesInRound} reached the cap. */
public record RoundTied(int round, int tiesInRound) implements TurnEvent {

    @Override
    public String type() {
        return "ROUND_TIED";
    }
}
