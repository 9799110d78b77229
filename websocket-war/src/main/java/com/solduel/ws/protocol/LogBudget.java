package com.solduel.ws.protocol;

/**
 * How many log lines one client may cause per minute: past {@code linesPerMinute}, one line says
 * that the rest of the minute is suppressed, and nothing more is logged until the minute ends.
 * Shared by a player's sockets, so it is thread-safe.
 */
public final class LogBudget {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    /** What to log for one event. */
    public enum Verdict {
        /** Log it. */
        LOG,
        /** Log one line saying that further lines are suppressed this minute. */
        SUPPRESS_FROM_NOW,
        /** Log nothing. */
        SILENT
    }

    private final int linesPerMinute;
    private long windowStart;
    private int used;

    public LogBudget(int linesPerMinute, long nowNanos) {
        if (linesPerMinute < 1) {
            throw new IllegalArgumentException("at least one line per minute");
        }
        this.linesPerMinute = linesPerMinute;
        this.windowStart = nowNanos;
    }

    /** Charges one would-be log line at {@code nowNanos} ({@link System#nanoTime()}). */
    public synchronized Verdict charge(long nowNanos) {
        if (nowNanos - windowStart >= MINUTE_NANOS) {
            windowStart = nowNanos;
            used = 0;
        }
        used++;
        if (used <= linesPerMinute) {
            return Verdict.LOG;
        }
        return used == linesPerMinute + 1 ? Verdict.SUPPRESS_FROM_NOW : Verdict.SILENT;
    }
}
