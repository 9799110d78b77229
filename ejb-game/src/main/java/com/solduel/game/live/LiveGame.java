package com.solduel.game.live;

import com.solduel.game.rules.Seat;
import com.solduel.game.table.GameEvent;
import com.solduel.game.table.GameMessage;
import com.solduel.game.table.GameTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A game this node owns: its {@link GameTable} (the one writer), the fencing epoch it writes
 * under, its followers on this node and its clock. Every change happens under this object's
 * monitor ({@code synchronized (game)}), so one game's commands, timers and events are serial.
 */
final class LiveGame {

    private static final Logger LOG = Logger.getLogger(LiveGame.class.getName());

    final long gameId;
    final long epoch;
    final GameRecords.StoredGame stored;
    final GameTable table;
    /** Who follows the game here: a seat for a player's connection, empty for a spectator's. */
    final Map<GameListener, Optional<Seat>> followers = new LinkedHashMap<>();
    /** A Redis write of the log is scheduled and not yet started. */
    final AtomicBoolean sessionDirty = new AtomicBoolean();
    /** What this node has written of the game's Redis session. */
    final SessionStore.Mirror session;
    ScheduledFuture<?> wakeup;
    long wakeupAt;
    /** This node no longer drives the game (lease lost, reloaded, or retired after its end). */
    boolean dropped;
    /**
     * It no longer counts among this node's active games: its end was counted and its lease
     * released, or it left this node unfinished.
     */
    boolean ended;

    LiveGame(long gameId, long epoch, GameRecords.StoredGame stored, GameTable table) {
        this.gameId = gameId;
        this.epoch = epoch;
        this.stored = stored;
        this.table = table;
        this.session = new SessionStore.Mirror(gameId, epoch);
    }

    /**
     * Adds a follower: first what the others hear (its seat came back, turn 1's clock started),
     * then the follower gets the events after {@code sinceVersion} and a state snapshot.
     */
    void attach(GameListener listener, Optional<Seat> seat, long sinceVersion, long now) {
        Optional<Seat> before = followers.remove(listener);
        if (seat.isPresent() && (before == null || before.isEmpty())) {
            publish(table.connect(seat.get(), now));
        }
        for (GameMessage event : table.eventsAfter(sinceVersion)) {
            send(listener, event);
        }
        send(listener, table.snapshot(seat.orElse(null)));
        followers.put(listener, seat);
    }

    /** Removes a follower; a seat without another connection here starts its reconnect grace. */
    void detach(GameListener listener, long now) {
        Optional<Seat> seat = followers.remove(listener);
        if (seat != null && seat.isPresent() && !dropped) {
            publish(table.disconnect(seat.get(), now));
        }
    }

    /** Tells every follower, in order. */
    void publish(List<? extends GameEvent> events) {
        for (GameEvent event : events) {
            followers.keySet().forEach(listener -> send(listener, event));
        }
    }

    /** Tells the connections of {@code seat} only (an action's acknowledgement). */
    void tellSeat(Seat seat, GameMessage message) {
        followers.forEach((listener, followerSeat) -> {
            if (followerSeat.equals(Optional.of(seat))) {
                send(listener, message);
            }
        });
    }

    long startedAt() {
        return stored.startTime() == null ? System.currentTimeMillis() : stored.startTime().toEpochMilli();
    }

    void cancelWakeup() {
        if (wakeup != null) {
            wakeup.cancel(false);
            wakeup = null;
        }
        wakeupAt = 0;
    }

    static void send(GameListener listener, GameMessage message) {
        try {
            listener.deliver(message);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "a follower failed; its connection will be cleaned up on close", e);
        }
    }
}
