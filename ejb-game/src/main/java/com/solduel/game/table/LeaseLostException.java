package com.solduel.game.table;

/**
 * This node no longer owns the game: another node took its lease (and a higher fencing epoch),
 * so nothing this node tries to write for it reaches the database. The node drops its copy.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(long gameId, long epoch) {
        super("game " + gameId + " is owned by another node now; this node's epoch " + epoch + " is stale");
    }
}
