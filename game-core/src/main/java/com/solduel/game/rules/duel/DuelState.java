package com.solduel.game.rules.duel;

import com.solduel.game.rules.GameState;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;

/**
 * A DUEL between turns.
 *
 * @param turn        the next turn, starting at 1
 * @param fighters    both fighters
 * @param lastActions codes of the last resolved turn, {@code null} before turn 1
 * @param outcome     the result, {@code null} while the game runs
 */
public record DuelState(int turn, PerSeat<Fighter> fighters, PerSeat<String> lastActions, Outcome outcome)
        implements GameState {
}
