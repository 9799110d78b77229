package com.solduel.game.live;

import com.solduel.game.rules.GameType;
import com.solduel.game.rules.Match;
import com.solduel.game.rules.PerSeat;
import com.solduel.game.rules.Seat;
import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * A game being played on this node: the rules' {@link Match} plus what the table needs around
 * it (who sits where, connections, timers, the recent public events). Guarded by its own monitor:
 * every change happens inside {@code synchronized (game)} in {@link GameHall}.
 */
final class LiveGame {

    /** Public events kept for reconnecting clients; older ones are replaced by a state snapshot. */
    static final int EVENT_HISTORY = 200;

    final long id;
    final GameType type;
    final String serverSeedHash;
    final PerSeat<String> wallets;
    final PerSeat<Integer> playerIds;
    final long startedAtMillis;

    Match<?> match;
    long version;
    long turnDeadline;
    final int[] consecutiveMisses = new int[2];
    /** The last accepted clientSeq of each seat and the action it carried, for idempotent resends. */
    final int[] lastClientSeq = {0, 0};
    final String[] lastClientAction = new String[2];
    /** Whether each seat has connected to this copy of the game (so a later connect is a return). */
    final boolean[] hadConnected = new boolean[2];
    /** A Redis write of the session is scheduled and not yet started. */
    final java.util.concurrent.atomic.AtomicBoolean sessionDirty = new java.util.concurrent.atomic.AtomicBoolean();
    /** Held while one session write builds and sends its snapshot, so writes keep their order. */
    final Object sessionWrites = new Object();
    final Deque<JsonObject> events = new ArrayDeque<>();
    JsonObject gameOver;

    final Map<Seat, Set<GameListener>> players = new EnumMap<>(Map.of(
            Seat.P1, ConcurrentHashMap.newKeySet(), Seat.P2, ConcurrentHashMap.newKeySet()));
    final Set<GameListener> spectators = ConcurrentHashMap.newKeySet();
    ScheduledFuture<?> turnTimer;
    final Map<Seat, ScheduledFuture<?>> graceTimers = new EnumMap<>(Seat.class);

    LiveGame(long id, GameType type, String serverSeedHash, PerSeat<String> wallets, PerSeat<Integer> playerIds,
             long startedAtMillis, Match<?> match) {
        this.id = id;
        this.type = type;
        this.serverSeedHash = serverSeedHash;
        this.wallets = wallets;
        this.playerIds = playerIds;
        this.startedAtMillis = startedAtMillis;
        this.match = match;
    }

    /** The seat of {@code wallet}, or null when it is not a player of this game. */
    Seat seatOf(String wallet) {
        if (wallet.equals(wallets.p1())) {
            return Seat.P1;
        }
        return wallet.equals(wallets.p2()) ? Seat.P2 : null;
    }

    boolean isConnected(Seat seat) {
        return !players.get(seat).isEmpty();
    }

    /** Records a public event under the next version and returns it. */
    JsonObject remember(JsonObject event) {
        events.addLast(event);
        while (events.size() > EVENT_HISTORY) {
            events.removeFirst();
        }
        return event;
    }

    static int index(Seat seat) {
        return seat == Seat.P1 ? 0 : 1;
    }
}
