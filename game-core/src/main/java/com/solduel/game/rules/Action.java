package com.solduel.game.rules;

/**
 * A choice a player can make in one turn. Each game type has a small fixed set of them,
 * usually an enum; {@link #code()} is what travels in frames and in the action log.
 */
public interface Action {

    /** The stable upper-case code, e.g. {@code "ROCK"} or {@code "HEAVY_ATTACK"}. */
    String code();
}
