package com.solduel.game.rules;

/** The options asked for at game creation are not supported by the game type (e.g. RPS best of 4). */
public class InvalidGameOptionsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** A refusal explaining what is allowed. */
    public InvalidGameOptionsException(String message) {
        super(message);
    }
}
