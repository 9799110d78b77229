package com.solduel.game.table;

/**
 * A public event derived from the game's action log and its recorded result, numbered 1, 2, 3...
 * in order ({@link GameLog}): the same game rebuilt anywhere from PostgreSQL has the same events
 * under the same versions, so a reconnecting client can ask for everything after the version it
 * holds.
 */
public sealed interface VersionedEvent extends GameEvent permits GameStarted, PlayerActed, TurnPlayed, GameOver {

    /** This event's number; the first event of a game (its start) is 1. */
    long version();
}
