package com.solduel.game.table;

/**
 * The clock of the turn being played. Turn 1's clock starts when both players are connected, or
 * when the join grace ends, whichever comes first; every later turn's clock starts when the
 * previous turn resolves. A game resumed on another node (its owner died) restarts the running
 * turn's clock with the reconnect grace on top, so its players have time to come back.
 */
final class TurnClock {

    private static final long NOT_RUNNING = 0;

    private final long turnMillis;
    private long deadline = NOT_RUNNING;
    private long startBy;

    private TurnClock(long turnMillis, long startBy) {
        this.turnMillis = turnMillis;
        this.startBy = startBy;
    }

    /** A new game: turn 1's clock starts once both are connected, and at the latest at {@code startBy}. */
    static TurnClock awaitingPlayers(long turnMillis, long startBy) {
        return new TurnClock(turnMillis, startBy);
    }

    /** A game taken over at {@code now}: the current turn gets a full turn plus {@code extraMillis}. */
    static TurnClock resumed(long turnMillis, long now, long extraMillis) {
        TurnClock clock = new TurnClock(turnMillis, Long.MAX_VALUE);
        clock.deadline = now + turnMillis + extraMillis;
        return clock;
    }

    boolean isRunning() {
        return deadline != NOT_RUNNING;
    }

    /** When the running turn's clock runs out (epoch ms); only meaningful while {@link #isRunning()}. */
    long deadline() {
        return deadline;
    }

    /** Whether turn 1's clock should start now: both players are here, or the join grace is over. */
    boolean shouldStart(long now, boolean bothConnected) {
        return !isRunning() && startBy != Long.MAX_VALUE && (bothConnected || now >= startBy);
    }

    /** Starts the clock of a new turn at {@code now}; returns its deadline. */
    long start(long now) {
        startBy = Long.MAX_VALUE;
        deadline = now + turnMillis;
        return deadline;
    }

    boolean hasRunOut(long now) {
        return isRunning() && now >= deadline;
    }

    /** The game ended: nothing more to time. */
    void stop() {
        deadline = NOT_RUNNING;
        startBy = Long.MAX_VALUE;
    }

    /** The next moment this clock needs attention (epoch ms), or {@link Long#MAX_VALUE}. */
    long nextWakeup() {
        return isRunning() ? deadline : startBy;
    }
}
