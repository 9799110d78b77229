package com.solduel.game.rules.duel;

import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnEvent;

/** {@code attacker}'s attack landed for {@code damage} (after a block, if {@code blocked}). */
public record Struck(Seat attacker, String action, int damage, boolean blocked) implements TurnEvent {

    @Override
    public String type() {
        return "STRUCK";
    }
}
