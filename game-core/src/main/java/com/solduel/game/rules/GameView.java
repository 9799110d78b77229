package com.solduel.game.rules;

import java.util.List;

/**
 * What one player, or a spectator, is shown of a game: the board plus, for the current turn,
 * only <em>whether</em> each player has chosen. A player sees their own pending choice; nobody
 * sees the opponent's until the turn resolves.
 *
 * @param viewer       the player's seat, {@code null} for a spectator
 * @param turn         the turn being played
 * @param outcome      how the game ended, {@code null} while it runs
 * @param hasChosen    whether each seat has locked in a choice for this turn
 * @param yourChoice   the viewer's own locked-in choice this turn, {@code null} if none or spectator
 * @param legalActions the codes the viewer may submit now (empty for spectators and finished games)
 * @param board        the game type's public board
 */
public record GameView(long gameId, GameType type, Seat viewer, int turn, boolean finished, Outcome outcome,
                       PerSeat<Boolean> hasChosen, String yourChoice, List<String> legalActions,
                       BoardView board) {

    /** Copies the action list. */
    public GameView {
        legalActions = List.copyOf(legalActions);
    }
}
