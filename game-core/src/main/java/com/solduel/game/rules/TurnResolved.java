package com.solduel.game.rules;

import java.util.List;

/** A resolved turn: the match after it and the events to broadcast, in order. */
public record TurnResolved<S extends GameState>(Match<S> match, List<TurnEvent> events) {

    /** Copies the event list. */
    public TurnResolved {
        events = List.copyOf(events);
    }
}
