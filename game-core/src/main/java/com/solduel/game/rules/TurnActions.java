package com.solduel.game.rules;

import java.util.Map;

/** The checks every {@link GameRules#applyTurn} starts with, written once. */
public final class TurnActions {

    private TurnActions() {
    }

    /**
     * Both seats' actions, each legal for its seat in {@code state}; otherwise an
     * {@link IllegalActionException} naming the first problem.
     */
    public static <S extends GameState> PerSeat<Action> requireLegal(GameRules<S> rules, S state,
                                                                      Map<Seat, Action> actions) {
        if (rules.isFinished(state)) {
            throw new IllegalActionException(IllegalActionException.Reason.GAME_FINISHED, "the game is finished");
        }
        for (Seat seat : Seat.values()) {
            Action action = actions.get(seat);
            if (action == null) {
                throw new IllegalActionException(IllegalActionException.Reason.ACTION_NOT_ALLOWED,
                        seat + " has no action for turn " + state.turn());
            }
            if (!rules.actions().contains(action)) {
                throw new IllegalActionException(IllegalActionException.Reason.UNKNOWN_ACTION,
                        action.code() + " is not a " + rules.type() + " action");
            }
            if (!rules.legalActions(state, seat).contains(action)) {
                throw new IllegalActionException(IllegalActionException.Reason.ACTION_NOT_ALLOWED,
                        action.code() + " is not allowed for " + seat + " in turn " + state.turn());
            }
        }
        return PerSeat.of(actions::get);
    }
}
