package com.solduel.game.table;

import com.solduel.game.rules.Seat;

/** {@code seat} is connected again after having left. A live notice, not versioned. */
public record PlayerReturned(long gameId, Seat seat) implements GameEvent {
}
