package com.solduel.ws.protocol;

/**
 * A connection's incoming-frame budget: a token bucket ({@code ratePerSecond} refill, {@code burst}
 * capacity). A frame over the budget is refused; a client that goes on sending
 * {@code refusalsBeforeClose} refused frames without letting the bucket refill completely is
 * closed. One instance per player on a node, shared by all of that player's sockets (whose
 * frames arrive on different threads), so {@link #admit} is synchronized.
 */
public final class FrameRateLimit {

    /** What to do with one incoming frame. */
    public enum Verdict {
        /** Within the budget: handle it. */
        ACCEPT,
        /** Over the budget: drop it and answer {@code rate-limited}. */
        REFUSE,
        /** Over the budget for too long: close the connection (1008). */
        CLOSE
    }

    private final double ratePerNano;
    private final double burst;
    private final int refusalsBeforeClose;
    private double tokens;
    private long lastNanos;
    private int refusals;

    public FrameRateLimit(double ratePerSecond, int burst, int refusalsBeforeClose, long nowNanos) {
        if (ratePerSecond <= 0 || burst < 1 || refusalsBeforeClose < 1) {
            throw new IllegalArgumentException("rate, burst and refusals before close must be positive");
        }
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.refusalsBeforeClose = refusalsBeforeClose;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Charges one frame arriving at {@code nowNanos} ({@link System#nanoTime()}). */
    public synchronized Verdict admit(long nowNanos) {
        tokens = Math.min(burst, tokens + Math.max(0, nowNanos - lastNanos) * ratePerNano);
        lastNanos = nowNanos;
        if (tokens >= burst) {
            // The client paused long enough for a full refill: earlier refusals are forgiven.
            refusals = 0;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ACCEPT;
        }
        refusals++;
        return refusals >= refusalsBeforeClose ? Verdict.CLOSE : Verdict.REFUSE;
    }
}
