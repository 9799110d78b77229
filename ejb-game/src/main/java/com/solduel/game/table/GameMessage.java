package com.solduel.game.table;

/**
 * Everything a game sends to one follower (a seated player's or a spectator's connection): the
 * game's events, a state snapshot, or the acknowledgement of an action. The wire encoding lives
 * with the protocol in websocket-war.
 */
public sealed interface GameMessage permits GameEvent, StateSnapshot, ActionAccepted, DepositRequired,
        DepositCounted, GameCancelled {

    /** The game this message is about. */
    long gameId();
}
