package com.solduel.game.table;

import com.solduel.game.rules.ForfeitCause;
import com.solduel.game.rules.IllegalActionException;
import com.solduel.game.rules.LoggedAction;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import com.solduel.shared.SolDuelException.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one writer of one live game. Every change goes through a command here (a player connects,
 * leaves or submits; time passes), is written through the {@link TableStore} first, and comes
 * back as the events to tell the game's followers. Not thread-safe: its owner calls it under one
 * lock per game.
 *
 * <p>Absence and forfeits (docs/games.md): a seat without a connection for longer than the grace
 * forfeits (a seat that never connected counts as absent from the start of the game); the clock
 * running out on a seat in two turns in a row forfeits; when both seats would forfeit at the same
 * moment (both absent, or both out of turns) the game is ABANDONED: nobody wins.
 */
public final class GameTable {

    private final TableStore store;
    private final TableSettings settings;
    private final GameLog log;
    private final TurnClock clock;
    private final int[] connections = new int[2];
    private final boolean[] everConnected = new boolean[2];
    /** Since when each seat has had no connection (epoch ms); -1 while connected. */
    private final long[] absentSince = new long[2];
    /** Each seat's last acknowledged action: a resend of it is answered again, not recorded again. */
    private final Ack[] acks = new Ack[2];
    /** When a failed result write is tried again (epoch ms); 0 when none is pending. */
    private long retryResultAt;
    /**
     * When the clock records the result of a game a player's move decided (epoch ms), should the
     * submitter not have done it right after sending the move's frames; 0: at once.
     */
    private long settleAt;
    private RuntimeException resultFailure;
    private boolean defunct;

    private GameTable(TableStore store, TableSettings settings, GameLog log, TurnClock clock, long absentFrom,
                      boolean seatsKnown) {
        this.store = store;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        for (Seat seat : Seat.values()) {
            int i = index(seat);
            absentSince[i] = absentFrom;
            everConnected[i] = seatsKnown;
            acks[i] = log.lastOwnMove(seat)
                    .map(m -> new Ack(m.clientSeq(), m.action().turn(), m.action().action())).orElse(null);
        }
        if (log.isDecided()) {
            clock.stop();
        }
    }

    /** A game that has just started at {@code now}: turn 1's clock waits for both players (at most the grace). */
    public static GameTable started(GameLog log, TableStore store, TableSettings settings, long now) {
        return new GameTable(store, settings, log, TurnClock.awaitingPlayers(settings.turnMillis(), now + settings.graceMillis()),
                now, false);
    }

    /**
     * A game in progress taken over at {@code now} (its previous owner died, or this node
     * restarted): the running turn gets its full time plus the grace, and both players the grace
     * to reconnect here.
     */
    public static GameTable resumed(GameLog log, TableStore store, TableSettings settings, long now) {
        return new GameTable(store, settings, log,
                TurnClock.resumed(settings.turnMillis(), now, settings.graceMillis()), now, true);
    }

    // ---- commands ----

    /** One more connection of {@code seat}; {@link PlayerReturned} if the seat had been away. */
    public List<GameEvent> connect(Seat seat, long now) {
        int i = index(seat);
        boolean returning = connections[i] == 0 && everConnected[i];
        connections[i]++;
        everConnected[i] = true;
        absentSince[i] = -1;
        List<GameEvent> events = new ArrayList<>(2);
        if (log.isDecided()) {
            return events;
        }
        if (returning) {
            events.add(new PlayerReturned(gameId(), seat));
        }
        if (clock.shouldStart(now, bothConnected())) {
            events.add(new TurnStarted(gameId(), log.match().turn(), clock.start(now)));
        }
        return events;
    }

    /** One connection of {@code seat} closed; {@link PlayerLeft} when it was the seat's last. */
    public List<GameEvent> disconnect(Seat seat, long now) {
        int i = index(seat);
        if (connections[i] == 0) {
            return List.of();
        }
        connections[i]--;
        if (connections[i] > 0 || log.isDecided()) {
            return List.of();
        }
        absentSince[i] = now;
        return List.of(new PlayerLeft(gameId(), seat, settings.graceMillis() / 1000, now + settings.graceMillis()));
    }

    /**
     * {@code seat}'s choice for {@code turn}, sent with the player's {@code clientSeq}. A choice
     * that decides the game yields its last {@link TurnPlayed} and no {@link GameOver}: from then on
     * no action is accepted, {@link #resultDue()} is true, and the owner records the result with
     * {@link #tick} once the move's frames are sent (else the clock does, at {@link #nextWakeup()}).
     * Resending the acknowledged frame (same clientSeq, turn and action) is answered again and
     * records nothing; any other clientSeq not above the last acknowledged one is {@code
     * stale-sequence}, and a different choice for a turn already chosen is {@code already-chosen}.
     */
    public Submitted submit(Seat seat, int clientSeq, int turn, String action, long now) {
        requireUsable();
        if (log.isDecided()) {
            throw GameRefusedException.gameOver(gameId());
        }
        int i = index(seat);
        Ack last = acks[i];
        Match<?> match = log.match();
        if (last != null && clientSeq <= last.clientSeq()) {
            if (clientSeq == last.clientSeq() && turn == last.turn() && action.equalsIgnoreCase(last.action())) {
                return new Submitted(new ActionAccepted(gameId(), clientSeq, turn, last.action(), true), List.of());
            }
            if (clientSeq == last.clientSeq() && turn == last.turn() && turn == match.turn() && match.hasChosen(seat)) {
                throw new GameRefusedException("already-chosen", Kind.CONFLICT, seat + " already chose "
                        + last.action() + " for turn " + turn + " with clientSeq " + clientSeq + "; choices are final");
            }
            throw new GameRefusedException("stale-sequence", Kind.CONFLICT, "clientSeq " + clientSeq
                    + " was already used; the next one must be greater than " + last.clientSeq());
        }
        Match<?> next;
        try {
            next = match.submit(seat, turn, action);
        } catch (IllegalActionException e) {
            // The protocol's codes are kebab-case, like every other error code of the API.
            throw new GameRefusedException(e.code().toLowerCase(Locale.ROOT).replace('_', '-'), Kind.INVALID_INPUT,
                    e.getMessage());
        }
        if (next == match) {
            // The same choice for this turn, sent again with a new clientSeq: already locked in.
            String chosen = match.chosen(seat).orElseThrow().code();
            acks[i] = new Ack(clientSeq, turn, chosen);
            return new Submitted(new ActionAccepted(gameId(), clientSeq, turn, chosen, true), List.of());
        }
        LoggedAction accepted = next.log().get(next.log().size() - 1);
        List<GameEvent> events = new ArrayList<>(write(new LogRow.Move(accepted, clientSeq)));
        acks[i] = new Ack(clientSeq, turn, accepted.action());
        afterMoves(events, now);
        if (log.isDecided()) {
            settleAt = now + settings.retryMillis();
        }
        return new Submitted(new ActionAccepted(gameId(), clientSeq, turn, accepted.action(), false), events);
    }

    /**
     * Time passed: starts turn 1's clock after the join grace, plays the rules' default for a seat
     * whose turn clock ran out, ends the game for absence or missed turns, and records the result of
     * a game the moves decided (or retries one that could not be recorded). Safe to call at any time
     * and again after it threw: work already written is not done twice.
     */
    public List<GameEvent> tick(long now) {
        requireUsable();
        List<GameEvent> events = new ArrayList<>();
        if (log.gameOver().isPresent()) {
            return events;
        }
        if (log.isDecided()) {
            settle(events, now);
            return events;
        }
        Set<Seat> gone = EnumSet.noneOf(Seat.class);
        for (Seat seat : Seat.values()) {
            long since = absentSince[index(seat)];
            if (since >= 0 && now >= since + settings.graceMillis()) {
                gone.add(seat);
            }
        }
        if (!gone.isEmpty()) {
            // Both absent at this moment: nobody wins, never the one who did not come.
            Seat other = gone.iterator().next().other();
            if (connections[index(other)] == 0) {
                gone.add(other);
            }
            forfeit(gone, ForfeitCause.ABSENT, events, now);
            return events;
        }
        if (clock.shouldStart(now, bothConnected())) {
            events.add(new TurnStarted(gameId(), log.match().turn(), clock.start(now)));
        }
        if (clock.hasRunOut(now)) {
            // Who is late is decided before any default is played: the default that completes the
            // turn resolves it, and the other seat must not get one in the next turn (nor in a match
            // that turn ended).
            Set<Seat> late = EnumSet.noneOf(Seat.class);
            Set<Seat> outOfTurns = EnumSet.noneOf(Seat.class);
            for (Seat seat : Seat.values()) {
                if (!log.match().hasChosen(seat)) {
                    late.add(seat);
                    if (log.consecutiveMisses(seat) + 1 >= settings.missesToForfeit()) {
                        outOfTurns.add(seat);
                    }
                }
            }
            if (!outOfTurns.isEmpty()) {
                forfeit(outOfTurns, ForfeitCause.MISSED_TURNS, events, now);
                return events;
            }
            for (Seat seat : late) {
                Match<?> next = log.match().submitDefault(seat);
                events.addAll(write(new LogRow.Move(next.log().get(next.log().size() - 1), 0)));
            }
            afterMoves(events, now);
        }
        return events;
    }

    private void forfeit(Set<Seat> losers, ForfeitCause cause, List<GameEvent> events, long now) {
        for (Seat seat : losers) {
            // Written one by one: a retry after a partial write only writes the missing rows.
            if (log.forfeits().stream().noneMatch(f -> f.seat() == seat)) {
                write(new LogRow.Forfeit(log.nextSequence(), seat, cause));
            }
        }
        clock.stop();
        settle(events, now);
    }

    /**
     * After new moves: the next turn's clock; or, when the moves decided the game, the clock
     * stopped and the result left to record. The moves' frames are sent first: the result is one
     * transaction (the game row, ratings, earnings, pots) that no {@code turn_result} should wait
     * for. The next {@link #tick} records it and yields {@link GameOver}.
     */
    private void afterMoves(List<GameEvent> events, long now) {
        if (log.isDecided()) {
            clock.stop();
        } else if (events.stream().anyMatch(TurnPlayed.class::isInstance)) {
            events.add(new TurnStarted(gameId(), log.match().turn(), clock.start(now)));
        }
    }

    /**
     * Records the result of the decided game. When that fails the game stays decided (no more
     * actions are accepted), {@link #resultFailure()} says why, and {@link #tick} tries again at
     * {@link #nextWakeup()}.
     */
    private void settle(List<GameEvent> events, long now) {
        try {
            events.add(log.recorded(store.recordResult(log)));
            retryResultAt = 0;
            resultFailure = null;
        } catch (LeaseLostException e) {
            defunct = true;
            throw e;
        } catch (RuntimeException e) {
            retryResultAt = now + settings.retryMillis();
            resultFailure = e;
        }
    }

    /** True when the game is decided and its result is not recorded yet: {@link #tick} records it. */
    public boolean resultDue() {
        return log.isDecided() && log.gameOver().isEmpty();
    }

    /** Why the latest attempt to record the result failed, if it did; cleared once it lands. */
    public Optional<RuntimeException> resultFailure() {
        return Optional.ofNullable(resultFailure);
    }

    private List<VersionedEvent> write(LogRow row) {
        try {
            store.append(row);
        } catch (RuntimeException e) {
            // Lease lost, or unknown whether the row landed: this copy must not write again.
            defunct = true;
            throw e;
        }
        return log.append(row);
    }

    private void requireUsable() {
        if (defunct) {
            throw new IllegalStateException("game " + gameId() + "'s table is defunct; rebuild it from the store");
        }
    }

    // ---- what followers see ----

    /** The game as {@code seat} may see it ({@code null}: a spectator, who sees no pending choice). */
    public StateSnapshot snapshot(Seat seat) {
        Match<?> match = log.match();
        StateSnapshot.Status status = log.isDecided() ? StateSnapshot.Status.FINISHED : StateSnapshot.Status.IN_PROGRESS;
        return new StateSnapshot(gameId(), log.setup().type(), log.setup().options().bestOf(), status, log.version(), seat,
                log.wallets(), log.setup().clientSeeds().map(c -> c.value()), log.serverSeedSha256(), match.turn(),
                clock.isRunning() ? Optional.of(clock.deadline()) : Optional.empty(),
                PerSeat.of(this::isConnected),
                seat == null ? Optional.empty() : Optional.of(acks[index(seat)] == null ? 0 : acks[index(seat)].clientSeq()),
                seat == null ? match.spectatorView() : match.viewFor(seat), log.gameOver());
    }

    /** The public events after {@code version}, for a follower catching up. */
    public List<VersionedEvent> eventsAfter(long version) {
        return log.eventsAfter(version);
    }

    /**
     * The next moment {@link #tick} has work (epoch ms), or {@link Long#MAX_VALUE}. A decided game's
     * result is due at once ({@link Long#MIN_VALUE}), except after a player's deciding move: its
     * submitter records it, and the clock only {@link TableSettings#retryMillis()} later if it did not.
     */
    public long nextWakeup() {
        if (log.gameOver().isPresent()) {
            return Long.MAX_VALUE;
        }
        if (log.isDecided()) {
            if (retryResultAt != 0) {
                return retryResultAt;
            }
            return settleAt == 0 ? Long.MIN_VALUE : settleAt;
        }
        long next = clock.nextWakeup();
        for (long since : absentSince) {
            if (since >= 0) {
                next = Math.min(next, since + settings.graceMillis());
            }
        }
        return next;
    }

    public long gameId() {
        return log.setup().gameId();
    }

    /** The seat of {@code wallet}, empty when it is not a player of this game. */
    public Optional<Seat> seatOf(String wallet) {
        for (Seat seat : Seat.values()) {
            if (log.wallets().get(seat).equals(wallet)) {
                return Optional.of(seat);
            }
        }
        return Optional.empty();
    }

    public boolean isConnected(Seat seat) {
        return connections[index(seat)] > 0;
    }

    private boolean bothConnected() {
        return connections[0] > 0 && connections[1] > 0;
    }

    /** The log as far as this table knows it. */
    public GameLog log() {
        return log;
    }

    /** True once the result is recorded and announced: nothing more can happen. */
    public boolean isOver() {
        return log.isOver();
    }

    /** True when this copy must not be used any more (a write failed or the lease was lost). */
    public boolean isDefunct() {
        return defunct;
    }

    private static int index(Seat seat) {
        return seat == Seat.P1 ? 0 : 1;
    }

    /** What the submitting player is told, and what everyone following the game is told. */
    public record Submitted(ActionAccepted ack, List<GameEvent> events) {

        /** Copies the list. */
        public Submitted {
            events = List.copyOf(events);
        }
    }

    private record Ack(int clientSeq, int turn, String action) {
    }
}
