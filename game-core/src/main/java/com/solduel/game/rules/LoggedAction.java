package com.solduel.game.rules;

import java.util.Objects;

/**
 * One accepted action, as stored in {@code game_actions} and written to the export.
 *
 * @param sequence  1, 2, 3... in the order the server accepted the actions
 * @param seat      who acted
 * @param turn      the turn the action belongs to
 * @param action    the action code
 * @param timedOut  true when the turn timer ran out and the rules chose the action
 */
public record LoggedAction(int sequence, Seat seat, int turn, String action, boolean timedOut) {

    /** Rejects missing parts. */
    public LoggedAction {
        Objects.requireNonNull(seat, "seat");
        Objects.requireNonNull(action, "action");
    }
}
