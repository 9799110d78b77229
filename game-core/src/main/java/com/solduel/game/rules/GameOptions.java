package com.solduel.game.rules;

/**
 * The choices made when a game is created. Each game type checks the options it understands
 * in {@link GameRules#initialState(GameSetup)}.
 *
 * @param bestOf how many rounds the match is played over (RPS: 1, 3 or 5; DUEL: always 1)
 */
public record GameOptions(int bestOf) {

    /** A single round. */
    public static final GameOptions SINGLE = new GameOptions(1);

    /** Best of {@code rounds}. */
    public static GameOptions bestOf(int rounds) {
        return new GameOptions(rounds);
    }
}
