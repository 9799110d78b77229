package com.solduel.game.table;

/**
 * Something that happened in a game, told to everyone following it; a past-tense fact.
 * {@link VersionedEvent}s are derived from the action log and numbered; the others are live
 * notices about connections and clocks that are not replayed.
 */
public sealed interface GameEvent extends GameMessage
        permits VersionedEvent, TurnStarted, PlayerLeft, PlayerReturned {
}
