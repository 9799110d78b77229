package com.solduel.game.table;

import com.solduel.game.rules.Seat;

/**
 * {@code seat}'s last connection closed; unless it returns before {@code forfeitAtMillis} (epoch
 * ms) it forfeits. A live notice, not versioned.
 */
public record PlayerLeft(long gameId, Seat seat, long graceSeconds, long forfeitAtMillis) implements GameEvent {
}
