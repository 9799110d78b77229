package com.solduel.game.live;

import com.solduel.game.table.GameMessage;

/**
 * One connection that follows a game: a seated player's socket or a spectator's. The game hall
 * hands it the game's messages in order; it must not block (encoding and sending are its own).
 */
public interface GameListener {

    /** Delivers one message to this connection. */
    void deliver(GameMessage message);

    /**
     * This node stopped driving the game (another node owns it now): the listener is no longer
     * followed here and should follow the game where it is now, from the last version it got.
     */
    default void moved(long gameId) {
        // a listener that cannot follow a game elsewhere just stops hearing of it
    }
}
