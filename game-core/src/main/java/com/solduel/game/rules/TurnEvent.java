package com.solduel.game.rules;

/** Something that happened while a turn resolved, e.g. a hit or a won round; records, named as past facts. */
public interface TurnEvent {

    /** A stable name for clients, e.g. {@code "ROUND_WON"}. */
    String type();
}
