package com.solduel.game.rules.rps;

import com.solduel.game.fair.FairRng;
import com.solduel.game.rules.Action;
import com.solduel.game.rules.BoardView;
import com.solduel.game.rules.GameRules;
import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.GameType;
import com.solduel.game.rules.InvalidGameOptionsException;
import com.solduel.game.rules.Outcome;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnActions;
import com.solduel.game.rules.TurnEvent;
import com.solduel.game.rules.TurnResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rock, paper, scissors: both throw, the throws are revealed together, a tie replays the round.
 * First to win {@code bestOf / 2 + 1} rounds wins.
 */
public final class RpsRules implements GameRules<RpsState> {

    /** Allowed best-of values. */
    public static final Set<Integer> BEST_OF = Set.of(1, 3, 5);

    /**
     * Consecutive ties in one round that end the game as a draw. Ties are unbounded otherwise;
     * a draw refunds both wagers, which favours neither player (random play hits it about once
     * in 59,000 rounds).
     */
    public static final int TIE_CAP = 10;

    /** Outcome reason: a seat won the required rounds. */
    public static final String ROUNDS_WON = "ROUNDS_WON";

    /** Outcome reason: {@link #TIE_CAP} ties in a row. */
    public static final String TIE_CAP_REACHED = "TIE_CAP";

    private static final List<Action> ACTIONS = List.of(RpsMove.values());

    @Override
    public GameType type() {
        return GameType.RPS;
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public RpsState initialState(GameSetup setup) {
        int bestOf = setup.options().bestOf();
        if (!BEST_OF.contains(bestOf)) {
            throw new InvalidGameOptionsException("RPS is played best of 1, 3 or 5, not " + bestOf);
        }
        return new RpsState(bestOf, 1, 1, 0, PerSeat.both(0), null, null);
    }

    @Override
    public List<Action> actions() {
        return ACTIONS;
    }

    @Override
    public List<Action> legalActions(RpsState state, Seat seat) {
        return isFinished(state) ? List.of() : ACTIONS;
    }

    /** A throw drawn from the fair RNG (draw index 0 for P1, 1 for P2), so a timeout is never predictable. */
    @Override
    public Action defaultAction(RpsState state, Seat seat, FairRng rng) {
        return RpsMove.values()[rng.draw(state.turn(), seat.ordinal(), RpsMove.values().length)];
    }

    @Override
    public TurnResult<RpsState> applyTurn(RpsState state, Map<Seat, Action> actions, FairRng rng) {
        PerSeat<RpsMove> moves = TurnActions.requireLegal(this, state, actions).map(RpsMove.class::cast);
        List<TurnEvent> events = new ArrayList<>();
        int nextTurn = state.turn() + 1;

        if (moves.p1() == moves.p2()) {
            int ties = state.tiesInRound() + 1;
            events.add(new RoundTied(state.round(), ties));
            Outcome outcome = ties >= TIE_CAP ? Outcome.draw(TIE_CAP_REACHED) : null;
            return new TurnResult<>(new RpsState(state.bestOf(), nextTurn, state.round(), ties,
                    state.roundsWon(), moves, outcome), events);
        }

        Seat winner = moves.p1().beats(moves.p2()) ? Seat.P1 : Seat.P2;
        PerSeat<Integer> won = state.roundsWon().with(winner, state.roundsWon().get(winner) + 1);
        events.add(new RoundWon(state.round(), winner, won));
        boolean over = won.get(winner) >= state.roundsToWin();
        return new TurnResult<>(new RpsState(state.bestOf(), nextTurn, over ? state.round() : state.round() + 1, 0,
                won, moves, over ? Outcome.win(winner, ROUNDS_WON) : null), events);
    }

    @Override
    public Optional<Outcome> outcome(RpsState state) {
        return Optional.ofNullable(state.outcome());
    }

    @Override
    public PerSeat<Integer> score(RpsState state) {
        return state.roundsWon();
    }

    @Override
    public BoardView viewFor(RpsState state, Seat seat) {
        return spectatorView(state);
    }

    @Override
    public BoardView spectatorView(RpsState state) {
        PerSeat<String> last = state.lastMoves() == null ? null : state.lastMoves().map(RpsMove::code);
        return new RpsBoard(state.bestOf(), state.round(), state.tiesInRound(), TIE_CAP, state.roundsWon(), last);
    }
}
