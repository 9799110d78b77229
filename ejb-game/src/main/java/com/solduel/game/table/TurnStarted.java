package com.solduel.game.table;

/**
 * The clock of {@code turn} is running: a seat without a choice at {@code deadlineMillis} (epoch
 * ms) gets the rules' default action. A live notice, not versioned: after a reconnect the
 * {@link StateSnapshot} carries the running deadline.
 */
public record TurnStarted(long gameId, int turn, long deadlineMillis) implements GameEvent {
}
