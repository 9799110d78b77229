package com.solduel.game.live;

import com.solduel.game.table.GameOver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the clocks of the games this node owns: after every change it mirrors the game to
 * Redis, wakes the table when its next deadline comes (a turn clock running out, a grace ending,
 * a result to record or to retry), and once the game is over counts it, releases its lease and
 * retires it a minute later. Only the owner runs a game's clocks.
 */
@ApplicationScoped
public class GameClocks {

    private static final Logger LOG = Logger.getLogger(GameClocks.class.getName());
    /** How long a finished game stays on its node for late followers before it is read from PostgreSQL. */
    private static final long KEEP_FINISHED_MILLIS = 60_000;

    @Inject
    OwnedGames owned;

    @Inject
    SessionStore sessions;

    @Inject
    GameLeases leases;

    @Inject
    GameMetrics metrics;

    @Inject
    GameTimers timers;

    /** After any change to {@code game} (under its lock): mirror it, note its end, set its next wake-up. */
    void changed(LiveGame game) {
        sessions.mirror(game);
        if (game.table.isOver() && !game.ended) {
            game.ended = true;
            GameOver over = game.table.log().gameOver().orElseThrow();
            metrics.gameEnded(over.outcome(), (System.currentTimeMillis() - game.startedAt()) / 1000.0);
            leases.release(game.gameId);
            timers.schedule(() -> {
                synchronized (game) {
                    owned.retire(game);
                }
            }, KEEP_FINISHED_MILLIS);
        }
        long next = game.table.nextWakeup();
        if (next == game.wakeupAt || game.dropped) {
            return;
        }
        game.cancelWakeup();
        game.wakeupAt = next;
        if (next != Long.MAX_VALUE) {
            game.wakeup = timers.schedule(() -> wake(game), delayUntil(next, System.currentTimeMillis()));
        }
    }

    /**
     * Milliseconds from {@code now} until {@code wakeupAt}, 0 when it is due. A decided game whose
     * result is still to be recorded wakes at {@link Long#MIN_VALUE} ("now"): subtracting the clock
     * from that wrapped around to some 292 million years, so a node that took such a game over never
     * recorded its result.
     */
    static long delayUntil(long wakeupAt, long now) {
        return wakeupAt <= now ? 0 : wakeupAt - now;
    }

    /**
     * Records the result of a game a player's move just decided, on the caller's thread, once that
     * move's frames are sent; nothing when it is recorded already (or the game left this node).
     */
    void recordResult(LiveGame game) {
        synchronized (game) {
            if (game.table.resultDue()) {
                wake(game);
            }
        }
    }

    private void wake(LiveGame game) {
        synchronized (game) {
            if (game.dropped) {
                return;
            }
            game.wakeupAt = 0;
            try {
                game.publish(game.table.tick(System.currentTimeMillis()));
                game.table.resultFailure().ifPresent(failure -> LOG.log(Level.SEVERE, "the result of game "
                        + game.gameId + " was not recorded; retrying in " + OwnedGames.RETRY_MILLIS + " ms", failure));
            } catch (RuntimeException e) {
                owned.lost(game, e);
                return;
            }
            changed(game);
        }
    }
}
