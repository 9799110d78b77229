package com.solduel.game.live;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timers of the games this node owns: each game's next wake-up (a turn clock, a grace, a
 * result to retry), its retirement a minute after its end; and the flush of the Redis mirror of
 * every game changed in the last 50 ms.
 * A busy node sets and cancels several of these per action, so they run on a plain
 * {@link ScheduledThreadPoolExecutor} of the server's managed threads: setting one is a heap
 * insert, cancelling one removes it at once. Liberty's managed scheduled executor, used before,
 * captured and restored the caller's context for every task and scanned its futures on every
 * {@code schedule}: ~10 % of a busy node's CPU. Each task catches what it throws; one game's
 * failure never stops the others' clocks.
 */
@ApplicationScoped
public class GameTimers {

    private static final Logger LOG = Logger.getLogger(GameTimers.class.getName());

    /**
     * How many threads run due timers: a wake-up may wait for its game's row to be committed, or a
     * result's transaction, so a few run at once and one slow game never holds the others' clocks.
     */
    private static final int THREADS = 4;

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor timers;

    @PostConstruct
    void start() {
        timers = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("solduel-game-timer-" + thread.getId());
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @PreDestroy
    void stop() {
        timers.shutdownNow();
    }

    /**
     * Runs {@code task} once after {@code delayMillis} (at once when not positive); cancel the
     * future to drop it. Null when the server is stopping: its games are handed over, not timed.
     */
    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return timers.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.log(Level.SEVERE, "a game timer failed", e);
                }
            }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            return null;
        }
    }
}
