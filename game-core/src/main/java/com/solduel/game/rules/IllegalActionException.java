package com.solduel.game.rules;

import java.util.Objects;

/**
 * A player's action was refused; nothing changed. {@link #reason()} is machine-readable and is
 * what the server puts in the error frame.
 */
public class IllegalActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an action was refused. */
    public enum Reason {
        /** The code names no action of this game type. */
        UNKNOWN_ACTION,
        /** A known action that is not allowed now (cooldown, no energy, no heals left...). */
        ACTION_NOT_ALLOWED,
        /** The game is over. */
        GAME_FINISHED,
        /** The action is for another turn than the one being played (late or early). */
        WRONG_TURN,
        /** The player already chose a different action this turn; choices are final. */
        ALREADY_CHOSEN
    }

    private final Reason reason;

    /** A refusal with a human-readable detail. */
    public IllegalActionException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the action was refused. */
    public Reason reason() {
        return reason;
    }

    /** The reason as the error code of the WebSocket error frame. */
    public String code() {
        return reason.name();
    }
}
