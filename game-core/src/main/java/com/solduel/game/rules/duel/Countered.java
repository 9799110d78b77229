package com.solduel.game.rules.duel;

import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;

/** {@code blocker} parried an ATTACK and struck back for {@code damage}. */
public record Countered(Seat blocker, int damage) implements TurnEvent {

    @Override
    public String type() {
        return "COUNTERED";
    }
}
