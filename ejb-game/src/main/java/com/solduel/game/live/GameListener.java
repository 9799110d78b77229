package com.solduel.game.live;

import jakarta.json.JsonObject;

/**
 * One connection that follows a game: a seated player's socket or a spectator's. The game hall
 * calls it with ready-made protocol frames ({@code {"type": ...}}); it must not block.
 */
public interface GameListener {

    /** Delivers one frame to this connection. */
    void send(JsonObject frame);
}
