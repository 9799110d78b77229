package com.solduel.game.rules.rps;

import com.solduel.game.rules.BoardView;
import com.solduel.game.rules.PerSeat;

/**
 * The public RPS board; RPS hides nothing once a turn resolves, so players and spectators see the same.
 *
 * @param lastMoves codes thrown in the last resolved turn, {@code null} before turn 1
 */
public record RpsBoard(int bestOf, int round, int tiesInRound, int tieCap, PerSeat<Integer> roundsWon,
                       PerSeat<String> lastMoves) implements BoardView {
}
