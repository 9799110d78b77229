package com.solduel.game.rules.duel;

import com.solduel.game.rules.BoardView;
import com.solduel.game.rules.PerSeat;

/**
 * The public DUEL board: hit points, energy and heals are open information, so players and
 * spectators see the same.
 *
 * @param lastActions codes of the last resolved turn, {@code null} before turn 1
 */
public record DuelBoard(int turnCap, int maxHp, int maxEnergy, int heavyCost, PerSeat<Fighter> fighters,
                        PerSeat<String> lastActions) implements BoardView {
}
