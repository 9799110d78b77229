package com.solduel.game.table;

import com.solduel.game.rules.GameSetup;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.game.rules.TurnResolved;
import com.solduel.game.verify.ActionLogDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A started game as its action log says it is, and the public events the log implies: version 1
 * is {@link GameStarted}; each move row adds a {@link PlayerActed}, and a {@link TurnPlayed} when
 * it completes a turn; the recorded result adds the {@link GameOver}. The live game and a game
 * rebuilt from PostgreSQL go through these same steps, so they publish the same events under the
 * same versions, and a turn resolved during a recovery is announced like any other.
 */
public final class GameLog {

    private final GameSetup setup;
    private final PerSeat<String> wallets;
    private final String serverSeedSha256;
    private final List<LogRow> rows = new ArrayList<>();
    private final List<VersionedEvent> events = new ArrayList<>();
    private final List<LogRow.Forfeit> forfeits = new ArrayList<>();
    private Match<?> match;
    /** The match before any forfeit row: forfeits are applied to it together. */
    private Match<?> played;
    private GameOver gameOver;
    /** The digest of the log so far, extended as the match grows (each turn shows it). */
    private final ActionLogDigest.Chain digest = new ActionLogDigest.Chain();

    private GameLog(GameSetup setup, PerSeat<String> wallets, String serverSeedSha256) {
        this.setup = setup;
        this.wallets = wallets;
        this.serverSeedSha256 = serverSeedSha256;
        this.match = Match.start(setup);
        this.played = match;
        events.add(new GameStarted(1, setup.gameId(), setup.type(), setup.options().bestOf(), wallets,
                setup.clientSeeds().map(c -> c.value()), serverSeedSha256));
    }

    /** A game that has just started: its log is empty and its only event is {@link GameStarted}. */
    public static GameLog start(GameSetup setup, PerSeat<String> wallets) {
        return new GameLog(setup, wallets, setup.serverSeed().sha256Hex());
    }

    /**
     * A game rebuilt from its stored rows and, when its result was recorded, that result; throws
     * {@link IllegalStateException} if the rows do not fit the rules (a damaged log).
     */
    public static GameLog rebuild(GameSetup setup, PerSeat<String> wallets, List<LogRow> rows,
                                  Optional<Optional<Settlement>> recordedResult) {
        GameLog log = start(setup, wallets);
        for (LogRow row : rows) {
            try {
                log.append(row);
            } catch (RuntimeException e) {
                throw new IllegalStateException("the stored log of game " + setup.gameId() + " does not replay at row "
                        + row.sequence() + ": " + e.getMessage(), e);
            }
        }
        recordedResult.ifPresent(log::recorded);
        return log;
    }

    /**
     * Applies one new row and returns the events it implies. A move must be the next one the
     * rules allow (as {@link Match#submit} or, when timed out, {@link Match#submitDefault} would
     * take it); forfeits come after the moves.
     */
    public List<VersionedEvent> append(LogRow row) {
        if (row.sequence() != nextSequence()) {
            throw new IllegalArgumentException("row " + row.sequence() + " does not follow row " + (nextSequence() - 1));
        }
        if (gameOver != null) {
            throw new IllegalStateException("the result of game " + setup.gameId() + " is already recorded");
        }
        List<VersionedEvent> added = new ArrayList<>(2);
        if (row instanceof LogRow.Forfeit forfeit) {
            if (played.isFinished()) {
                throw new IllegalArgumentException("nobody can forfeit a game that has ended");
            }
            forfeits.add(forfeit);
            Set<Seat> losers = EnumSet.noneOf(Seat.class);
            forfeits.forEach(f -> losers.add(f.seat()));
            match = losers.size() == 2 ? played.abandon() : played.forfeit(forfeit.seat());
        } else {
            if (!forfeits.isEmpty()) {
                throw new IllegalArgumentException("no move can follow a forfeit");
            }
            LoggedAction action = ((LogRow.Move) row).action();
            Match<?> next = action.timedOut() ? timedOutMove(action) : match.submit(action.seat(), action.turn(), action.action());
            if (next == match || !next.log().get(next.log().size() - 1).equals(action)) {
                throw new IllegalArgumentException("move " + action + " is not what the rules would record");
            }
            added.add(new PlayerActed(nextVersion(added), setup.gameId(), action.seat(), action.turn(), action.timedOut()));
            if (next.turnReady()) {
                int turn = next.turn();
                Match<?> beforeResolving = next;
                PerSeat<String> moves = PerSeat.of(s -> beforeResolving.chosen(s).orElseThrow().code());
                List<Seat> timedOut = next.log().stream()
                        .filter(a -> a.turn() == turn && a.timedOut()).map(LoggedAction::seat).toList();
                TurnResolved<?> resolved = next.resolveTurn();
                next = resolved.match();
                added.add(new TurnPlayed(nextVersion(added), setup.gameId(), turn, moves, timedOut, resolved.events(),
                        next.score(), digest.of(next),
                        next.isFinished() ? Optional.empty() : Optional.of(next.turn())));
            }
            match = next;
            played = next;
        }
        rows.add(row);
        events.addAll(added);
        return added;
    }

    private Match<?> timedOutMove(LoggedAction action) {
        if (action.turn() != match.turn()) {
            throw new IllegalArgumentException("a timed-out move for turn " + action.turn() + " during turn " + match.turn());
        }
        return match.submitDefault(action.seat());
    }

    /** Records the game's result (once the match is over) and returns its {@link GameOver} event. */
    public GameOver recorded(Optional<Settlement> settlement) {
        if (gameOver != null) {
            return gameOver;
        }
        if (!match.isFinished()) {
            throw new IllegalStateException("game " + setup.gameId() + " has not ended");
        }
        gameOver = new GameOver(events.size() + 1L, setup.gameId(), match.outcome().orElseThrow(), forfeits, wallets,
                match.score(), match.turnsPlayed(), setup.serverSeed().hex(), serverSeedSha256,
                digest.of(match), settlement);
        events.add(gameOver);
        return gameOver;
    }

    private long nextVersion(List<VersionedEvent> added) {
        return events.size() + added.size() + 1L;
    }

    /** The version of the latest event. */
    public long version() {
        return events.size();
    }

    /** The events after {@code version}, in order. */
    public List<VersionedEvent> eventsAfter(long version) {
        if (version >= events.size()) {
            return List.of();
        }
        return List.copyOf(events.subList((int) Math.max(0, version), events.size()));
    }

    /** The sequence number the next row gets. */
    public int nextSequence() {
        return rows.size() + 1;
    }

    /** How many turns in a row, ending with the latest, the clock ran out on {@code seat}. */
    public int consecutiveMisses(Seat seat) {
        int misses = 0;
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof LogRow.Move move && move.seat() == seat) {
                if (!move.action().timedOut()) {
                    break;
                }
                misses++;
            }
        }
        return misses;
    }

    /** The latest move {@code seat} sent itself (not one the clock made), if any. */
    public Optional<LogRow.Move> lastOwnMove(Seat seat) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i) instanceof LogRow.Move move && move.seat() == seat && move.clientSeq() > 0) {
                return Optional.of(move);
            }
        }
        return Optional.empty();
    }

    public Match<?> match() {
        return match;
    }

    public GameSetup setup() {
        return setup;
    }

    public PerSeat<String> wallets() {
        return wallets;
    }

    public String serverSeedSha256() {
        return serverSeedSha256;
    }

    public List<LogRow> rows() {
        return List.copyOf(rows);
    }

    public List<LogRow.Forfeit> forfeits() {
        return List.copyOf(forfeits);
    }

    /** The recorded result, once there is one. */
    public Optional<GameOver> gameOver() {
        return Optional.ofNullable(gameOver);
    }

    /** True once {@link #gameOver()} is present; allocates nothing (a node asks it of every game it holds). */
    public boolean isOver() {
        return gameOver != null;
    }

    /** True once the match has ended (the result may still be unrecorded). */
    public boolean isDecided() {
        return match.isFinished();
    }
}
