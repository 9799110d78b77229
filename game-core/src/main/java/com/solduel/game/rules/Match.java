package com.solduel.game.rules;

import com.solduel.game.fair.FairRng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One game in progress, immutable: the rules' state, the choices locked in for the current turn
 * (hidden from the opponent), and the log of every accepted action.
 *
 * <p>This is the single path both the live server and the offline verifier drive, so a replay
 * goes through exactly the checks a live game did. Callers that do not care about the game type
 * hold a {@code Match<?>}.
 *
 * <p>Lifecycle of a turn: {@link #submit} (or {@link #submitDefault} when the timer runs out)
 * for each seat, then {@link #resolveTurn} once {@link #turnReady()}.
 *
 * @param <S> the game type's state
 */
public final class Match<S extends GameState> {

    private final GameSetup setup;
    private final GameRules<S> rules;
    private final FairRng rng;
    private final S state;
    private final PerSeat<Action> pending; // null entries: not chosen yet
    private final List<LoggedAction> log;
    private final Outcome forfeit; // null unless a player forfeited

    private Match(GameSetup setup, GameRules<S> rules, FairRng rng, S state,
                  PerSeat<Action> pending, List<LoggedAction> log, Outcome forfeit) {
        this.setup = setup;
        this.rules = rules;
        this.rng = rng;
        this.state = state;
        this.pending = pending;
        this.log = log;
        this.forfeit = forfeit;
    }

    /** A new game with the registered rules of {@code setup.type()}; throws {@link InvalidGameOptionsException}. */
    public static Match<?> start(GameSetup setup) {
        return start(GameTypes.rulesFor(setup.type()), setup);
    }

    /** A new game with the given rules. */
    public static <S extends GameState> Match<S> start(GameRules<S> rules, GameSetup setup) {
        if (rules.type() != setup.type()) {
            throw new IllegalArgumentException(rules.type() + " rules cannot play a " + setup.type() + " game");
        }
        return new Match<>(setup, rules, setup.rng(), rules.initialState(setup),
                PerSeat.both(null), List.of(), null);
    }

    /**
     * Rebuilds a game from its setup and action log (e.g. after a node restart, or in the
     * verifier); throws {@link LogReplayException} at the first entry the rules do not allow.
     */
    public static Match<?> replay(GameSetup setup, List<LoggedAction> log) {
        Match<?> match = start(setup);
        for (LoggedAction entry : log) {
            match = match.replayStep(entry);
        }
        return match;
    }

    /**
     * Applies one logged action exactly as the live game accepted it, resolving the turn once both
     * seats have acted; throws {@link LogReplayException} if the entry does not fit.
     */
    public Match<S> replayStep(LoggedAction entry) {
        if (entry.sequence() != nextSequence()) {
            throw new LogReplayException(LogReplayException.Problem.SEQUENCE, entry,
                    "expected sequence " + nextSequence());
        }
        if (isFinished()) {
            throw new LogReplayException(LogReplayException.Problem.AFTER_END, entry,
                    "the game had already ended after turn " + turnsPlayed());
        }
        if (entry.turn() != turn()) {
            throw new LogReplayException(LogReplayException.Problem.WRONG_TURN, entry,
                    "logged for turn " + entry.turn() + " while turn " + turn() + " was being played");
        }
        if (hasChosen(entry.seat())) {
            throw new LogReplayException(LogReplayException.Problem.DUPLICATE_SEAT, entry,
                    entry.seat() + " already acted in turn " + turn());
        }
        Match<S> next;
        if (entry.timedOut()) {
            String expected = defaultActionFor(entry.seat()).code();
            if (!expected.equals(entry.action())) {
                throw new LogReplayException(LogReplayException.Problem.DEFAULT_MISMATCH, entry,
                        "timeout default of " + entry.seat() + " in turn " + turn() + " is " + expected
                                + ", the log says " + entry.action());
            }
            next = submitDefault(entry.seat());
        } else {
            try {
                next = submit(entry.seat(), entry.turn(), entry.action());
            } catch (IllegalActionException e) {
                throw new LogReplayException(LogReplayException.Problem.ILLEGAL_ACTION, entry,
                        e.code() + ": " + e.getMessage());
            }
        }
        return next.turnReady() ? next.resolveTurn().match() : next;
    }

    /**
     * Locks in {@code seat}'s choice for {@code turn}. Resubmitting the same choice returns this
     * match unchanged (idempotent); anything else invalid throws {@link IllegalActionException}.
     */
    public Match<S> submit(Seat seat, int turn, String actionCode) {
        requireRunning();
        if (turn != turn()) {
            throw new IllegalActionException(IllegalActionException.Reason.WRONG_TURN,
                    "turn " + turn + " is not being played; the current turn is " + turn());
        }
        Action action = rules.parseAction(actionCode);
        Action already = pending.get(seat);
        if (already != null) {
            if (already.equals(action)) {
                return this;
            }
            throw new IllegalActionException(IllegalActionException.Reason.ALREADY_CHOSEN,
                    seat + " already chose for turn " + turn + "; choices are final");
        }
        if (!rules.legalActions(state, seat).contains(action)) {
            throw new IllegalActionException(IllegalActionException.Reason.ACTION_NOT_ALLOWED,
                    action.code() + " is not allowed for " + seat + " in turn " + turn);
        }
        return choose(seat, action, false);
    }

    /** Locks in the rules' default action for {@code seat} (turn timer ran out); no-op if it already chose. */
    public Match<S> submitDefault(Seat seat) {
        requireRunning();
        if (pending.get(seat) != null) {
            return this;
        }
        return choose(seat, defaultActionFor(seat), true);
    }

    private Match<S> choose(Seat seat, Action action, boolean timedOut) {
        List<LoggedAction> nextLog = new ArrayList<>(log);
        nextLog.add(new LoggedAction(nextSequence(), seat, turn(), action.code(), timedOut));
        return new Match<>(setup, rules, rng, state, pending.with(seat, action), List.copyOf(nextLog), forfeit);
    }

    /** The action the timer would choose for {@code seat} this turn. */
    public Action defaultActionFor(Seat seat) {
        return rules.defaultAction(state, seat, rng);
    }

    /** Whether both seats have chosen and the turn can resolve. */
    public boolean turnReady() {
        return !isFinished() && pending.p1() != null && pending.p2() != null;
    }

    /** Resolves the current turn; requires {@link #turnReady()}. */
    public TurnResolved<S> resolveTurn() {
        if (!turnReady()) {
            throw new IllegalStateException("turn " + turn() + " is not ready: both seats must choose first");
        }
        int resolvedTurn = turn();
        TurnResult<S> result = rules.applyTurn(state, Map.of(Seat.P1, pending.p1(), Seat.P2, pending.p2()), rng);
        Match<S> next = new Match<>(setup, rules, rng, result.state(), PerSeat.both(null), log, forfeit);
        List<TurnEvent> events = new ArrayList<>();
        events.add(new MovesRevealed(resolvedTurn, pending.map(Action::code)));
        events.addAll(result.events());
        next.outcome().ifPresent(outcome -> events.add(new GameEnded(outcome)));
        return new TurnResolved<>(next, events);
    }

    /** Ends the game with {@code loser} forfeiting (missed turns, disconnect): the server's decision, not the rules'. */
    public Match<S> forfeit(Seat loser) {
        if (isFinished()) {
            throw new IllegalStateException("the game is already finished");
        }
        return new Match<>(setup, rules, rng, state, pending, log,
                Outcome.win(loser.other(), Outcome.FORFEIT));
    }

    /**
     * Ends the game with nobody winning because both players forfeited at once (both absent, or
     * both out of turns): {@link Outcome#ABANDONED}, the server's decision, not the rules'.
     */
    public Match<S> abandon() {
        if (isFinished()) {
            throw new IllegalStateException("the game is already finished");
        }
        return new Match<>(setup, rules, rng, state, pending, log, Outcome.draw(Outcome.ABANDONED));
    }

    private void requireRunning() {
        if (isFinished()) {
            throw new IllegalActionException(IllegalActionException.Reason.GAME_FINISHED, "the game is finished");
        }
    }

    /** Whether the game is over (by the rules or by a forfeit). */
    public boolean isFinished() {
        return forfeit != null || rules.isFinished(state);
    }

    /** How the game ended, empty while it runs. */
    public Optional<Outcome> outcome() {
        return forfeit != null ? Optional.of(forfeit) : rules.outcome(state);
    }

    /** The turn being played (1-based); after the end, one more than the turns played. */
    public int turn() {
        return state.turn();
    }

    /** How many turns have resolved. */
    public int turnsPlayed() {
        return state.turn() - 1;
    }

    /** The sequence number the next accepted action will get. */
    public int nextSequence() {
        return log.size() + 1;
    }

    /** Whether {@code seat} has locked in a choice this turn. */
    public boolean hasChosen(Seat seat) {
        return pending.get(seat) != null;
    }

    /** {@code seat}'s locked-in choice this turn. Server-side only: never send it to the opponent. */
    public Optional<Action> chosen(Seat seat) {
        return Optional.ofNullable(pending.get(seat));
    }

    /** The codes {@code seat} may submit now. */
    public List<String> legalActions(Seat seat) {
        if (isFinished()) {
            return List.of();
        }
        return rules.legalActions(state, seat).stream().map(Action::code).toList();
    }

    /** The headline number of each seat (rounds won, hit points). */
    public PerSeat<Integer> score() {
        return rules.score(state);
    }

    /** What {@code seat} may see: its own pending choice, but only whether the opponent chose. */
    public GameView viewFor(Seat seat) {
        Action mine = pending.get(seat);
        return new GameView(setup.gameId(), setup.type(), seat, turn(), isFinished(), outcome().orElse(null),
                PerSeat.of(this::hasChosen), mine == null ? null : mine.code(), legalActions(seat),
                rules.viewFor(state, seat));
    }

    /** What a spectator may see: no pending choice of either player. */
    public GameView spectatorView() {
        return new GameView(setup.gameId(), setup.type(), null, turn(), isFinished(), outcome().orElse(null),
                PerSeat.of(this::hasChosen), null, List.of(), rules.spectatorView(state));
    }

    /** Every accepted action in order. Includes this turn's hidden choices: persist it, never show it. */
    public List<LoggedAction> log() {
        return log;
    }

    /** The game's setup, including the still-secret server seed. */
    public GameSetup setup() {
        return setup;
    }

    /** The rules this game is played by. */
    public GameRules<S> rules() {
        return rules;
    }

    /** The rules' state. */
    public S state() {
        return state;
    }
}
