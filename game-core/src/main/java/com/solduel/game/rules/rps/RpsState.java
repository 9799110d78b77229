package com.solduel.game.rules.rps;

import com.solduel.game.rules.GameState;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;

/**
 * An RPS game between turns.
 *
 * @param bestOf      1, 3 or 5
 * @param turn        the next turn (every throw is a turn, ties included)
 * @param round       the round being played, starting at 1
 * @param tiesInRound consecutive ties in the current round
 * @param roundsWon   rounds won by each seat
 * @param lastMoves   the throws of the last resolved turn, {@code null} before turn 1
 * @param outcome     the result, {@code null} while the game runs
 */
public record RpsState(int bestOf, int turn, int round, int tiesInRound, PerSeat<Integer> roundsWon,
                       PerSeat<RpsMove> lastMoves, Outcome outcome) implements GameState {

    /** Rounds a seat must win to take the game. */
    public int roundsToWin() {
        return bestOf / 2 + 1;
    }
}
