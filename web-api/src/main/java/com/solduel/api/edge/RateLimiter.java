package com.solduel.api.edge;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per key (a client address in an endpoint group): {@code perSecond} tokens a
 * second, at most {@code burst} saved up. Memory is bounded: at {@code maxKeys} keys the buckets
 * that have refilled (idle clients) are dropped first, then any, so a flood of new addresses
 * can cost a client its saved-up burst but never the server its heap.
 */
public final class RateLimiter {

    /** Whether a request may go on, and if not, after how many whole seconds a token is back. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, 0);
    }

    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, int maxKeys) {
        if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0, burst >= 1, maxKeys >= 1; got "
                    + perSecond + ", " + burst + ", " + maxKeys);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }

    /** Takes a token for {@code key} at {@code nowNanos} (a {@link System#nanoTime()} reading). */
    public Decision acquire(String key, long nowNanos) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evict(nowNanos);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        }
        return bucket.take(nowNanos);
    }

    /** How many keys are remembered now (bounded by {@code maxKeys}). */
    public int size() {
        return buckets.size();
    }

    private synchronized void evict(long nowNanos) {
        if (buckets.size() < maxKeys) {
            return;
        }
        buckets.values().removeIf(b -> b.isFull(nowNanos));
        Iterator<Bucket> any = buckets.values().iterator();
        while (buckets.size() >= maxKeys && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.refilledAt = nowNanos;
        }

        synchronized Decision take(long nowNanos) {
            refill(nowNanos);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            long seconds = (long) Math.ceil((1 - tokens) / perSecond);
            return new Decision(false, Math.max(1, seconds));
        }

        synchronized boolean isFull(long nowNanos) {
            refill(nowNanos);
            return tokens >= burst;
        }

        private void refill(long nowNanos) {
            long elapsed = nowNanos - refilledAt;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed / 1e9 * perSecond);
                refilledAt = nowNanos;
            }
        }
    }
}
