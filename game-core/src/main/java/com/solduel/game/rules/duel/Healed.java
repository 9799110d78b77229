package com.solduel.game.rules.duel;

import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;

/** {@code seat} regained {@code amount} hit points (after the cap at max HP). */
public record Healed(Seat seat, int amount) implements TurnEvent {

    @Override
    public String type() {
        return "HEALED";
    }
}
