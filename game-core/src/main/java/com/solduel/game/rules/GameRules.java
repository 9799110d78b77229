package com.solduel.game.rules;

import com.solduel.game.fair.FairRng;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one game type. A new game type is one implementation of this interface (plus its
 * tests) registered in {@link GameTypes}.
 *
 * <p>Turns are simultaneous: both players choose an action without seeing the other's, then
 * {@link #applyTurn} resolves both at once. Implementations are stateless and pure: the same
 * state, actions and random source always give the same result, which is what lets the
 * verifier replay a game.
 *
 * @param <S> the game type's immutable state
 */
public interface GameRules<S extends GameState> {

    /** The game type these rules implement. */
    GameType type();

    /** Version of these rules; bumped whenever a change would alter the result of a replayed game. */
    int version();

    /** Checks the options and returns the state before turn 1; throws {@link InvalidGameOptionsException}. */
    S initialState(GameSetup setup);

    /** Every action this game type knows, in a fixed order. */
    List<Action> actions();

    /** The action with this code (case-insensitive), or {@link IllegalActionException} {@code UNKNOWN_ACTION}. */
    default Action parseAction(String code) {
        if (code != null) {
            String wanted = code.trim().toUpperCase(Locale.ROOT);
            for (Action action : actions()) {
                if (action.code().equals(wanted)) {
                    return action;
                }
            }
        }
        throw new IllegalActionException(IllegalActionException.Reason.UNKNOWN_ACTION,
                "'" + code + "' is not a " + type() + " action");
    }

    /** The actions {@code seat} may choose now; empty once the game is finished. */
    List<Action> legalActions(S state, Seat seat);

    /** The action taken for {@code seat} when its turn timer runs out; always legal. */
    Action defaultAction(S state, Seat seat, FairRng rng);

    /**
     * Resolves one turn from both players' actions; throws {@link IllegalActionException} if an
     * action is missing, unknown or not legal, or the game is finished.
     */
    TurnResult<S> applyTurn(S state, Map<Seat, Action> actions, FairRng rng);

    /** Whether the game is over. */
    default boolean isFinished(S state) {
        return outcome(state).isPresent();
    }

    /** How the game ended, empty while it runs. */
    Optional<Outcome> outcome(S state);

    /** The headline number of each seat: rounds won in RPS, hit points in DUEL. */
    PerSeat<Integer> score(S state);

    /** The board as {@code seat} may see it. */
    BoardView viewFor(S state, Seat seat);

    /** The board as a spectator may see it: never more than either player sees. */
    BoardView spectatorView(S state);
}
