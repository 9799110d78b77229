package com.solduel.game.live;

import com.solduel.game.table.GameMessage;

/**
 * One connection that follows a game: a seated player's socket or a spectator's. The game hall
 * hands it the game's messages in order; it must not block (encoding and sending are its own).
 */
public interface GameListener {

    /** Delivers one message to this connection. */
    void deliver(GameMessage message);
}
