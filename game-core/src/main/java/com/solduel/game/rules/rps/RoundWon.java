package com.solduel.game.rules.rps;

import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;

/** {@code winner} took round {@code round}; {@code roundsWon} is the score after it. */
public record RoundWon(int round, Seat winner, PerSeat<Integer> roundsWon) implements TurnEvent {

    @Override
    public String type() {
        return "ROUND_WON";
    }
}
