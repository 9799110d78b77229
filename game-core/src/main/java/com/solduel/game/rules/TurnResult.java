package com.solduel.game.rules;

import java.util.List;

/** The state after a turn and what happened during it, in order. */
public record TurnResult<S extends GameState>(S state, List<TurnEvent> events) {

    /** Copies the event list. */
    public TurnResult {
        events = List.copyOf(events);
    }
}
