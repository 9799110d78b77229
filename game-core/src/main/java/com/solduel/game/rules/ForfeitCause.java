package com.solduel.game.rules;

/** Why a seat forfeited; decided by the server from its clocks and connections (docs/games.md, "Absence and forfeits"). */
public enum ForfeitCause {
    /** The turn clock ran out on this seat in two turns in a row. */
    MISSED_TURNS,
    /** No connection of this seat for longer than the reconnect grace (from the start, if it never came). */
    ABSENT
}
