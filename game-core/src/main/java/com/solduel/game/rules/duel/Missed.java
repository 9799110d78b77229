package com.solduel.game.rules.duel;

import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;

/** {@code attacker}'s heavy attack missed. */
public record Missed(Seat attacker) implements TurnEvent {

    @Override
    public String type() {
        return "MISSED";
    }
}
