package com.solduel.matchmaking;

/**
 * How far from their own rating a waiting player looks for an opponent: {@code start} at once,
 * {@code step} more for every full {@code stepMillis} waited, never beyond {@code cap} (a negative
 * cap: no limit). The pairing script ({@code matchmaking/pair.lua}) computes the same width.
 */
public record WideningPolicy(int start, int step, long stepMillis, int cap) {

    /** A cap meaning "widen without limit". */
    public static final int UNLIMITED = -1;

    public WideningPolicy {
        if (start < 0 || step < 0 || stepMillis < 1) {
            throw new IllegalArgumentException("start and step must be at least 0 and the step interval positive, got start "
                    + start + ", step " + step + ", every " + stepMillis + " ms");
        }
        if (cap >= 0 && cap < start) {
            throw new IllegalArgumentException("the cap " + cap + " is below the starting width " + start);
        }
    }

    /** The width (± rating points) after waiting {@code waitedMillis}. */
    public int width(long waitedMillis) {
        long steps = Math.max(0, waitedMillis) / stepMillis;
        long width = start + steps * step;
        long limit = cap < 0 ? Integer.MAX_VALUE : cap;
        return (int) Math.min(width, limit);
    }

    /** The range of a player rated {@code rating} after waiting {@code waitedMillis}. */
    public SearchRange range(int rating, long waitedMillis) {
        int width = width(waitedMillis);
        return new SearchRange((int) Math.max(Integer.MIN_VALUE, (long) rating - width),
                (int) Math.min(Integer.MAX_VALUE, (long) rating + width));
    }

    /** Whether the width still grows after {@code waitedMillis}. */
    public boolean widening(long waitedMillis) {
        return step > 0 && (cap < 0 || width(waitedMillis) < cap);
    }
}
