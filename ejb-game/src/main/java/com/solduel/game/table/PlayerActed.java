package com.solduel.game.table;

import com.solduel.game.rules.Seat;

/**
 * {@code seat} locked in its choice for {@code turn} (the choice itself stays hidden until the
 * turn resolves); {@code timedOut} when the turn clock ran out and the rules chose for it.
 */
public record PlayerActed(long version, long gameId, Seat seat, int turn, boolean timedOut) implements VersionedEvent {
}
