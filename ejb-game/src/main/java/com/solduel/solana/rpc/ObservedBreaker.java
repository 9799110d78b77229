package com.solduel.solana.rpc;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * What the pool knows of one lane's Fault Tolerance circuit breaker. MicroProfile Fault Tolerance
 * has no API to read a breaker's state, so this follows it from the outcomes of the calls that
 * went through it, with the same rule: {@code failureRatio = 1.0} over a rolling window of
 * {@code requestVolumeThreshold} calls opens it; after {@code delay} it is half-open and lets a
 * trial through; {@code successThreshold} successful trials close it, a failed one reopens it.
 * A {@code CircuitBreakerOpenException} is proof it is open. The pool uses this to skip an open
 * endpoint without paying an exception, and readiness and metrics report it.
 */
final class ObservedBreaker {

    /** The three states of a MicroProfile circuit breaker. */
    enum State {
        CLOSED("closed"), OPEN("open"), HALF_OPEN("half-open");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** As reported by readiness: closed, open, half-open. */
        String label() {
            return label;
        }
    }

    private final int windowSize;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier nanoClock;

    private final Deque<Boolean> window = new ArrayDeque<>();
    private boolean open;
    private long openedAt;
    private int trialSuccesses;

    ObservedBreaker(int requestVolumeThreshold, Duration delay, int successThreshold, LongSupplier nanoClock) {
        this.windowSize = requestVolumeThreshold;
        this.delayNanos = delay.toNanos();
        this.successThreshold = successThreshold;
        this.nanoClock = nanoClock;
    }

    synchronized State state() {
        if (!open) {
            return State.CLOSED;
        }
        return nanoClock.getAsLong() - openedAt >= delayNanos ? State.HALF_OPEN : State.OPEN;
    }

    /** A call through the breaker succeeded (a JSON-RPC error answer counts as success). */
    synchronized void succeeded() {
        if (open) {
            if (++trialSuccesses >= successThreshold) {
                close();
            }
            return;
        }
        record(false);
    }

    /** A call through the breaker failed (transport failure, timeout, full bulkhead). */
    synchronized void failed() {
        if (open) {
            reopen(); // a trial failed, or a call raced the opening
            return;
        }
        record(true);
        if (window.size() == windowSize && !window.contains(false)) {
            reopen();
        }
    }

    /** The breaker refused a call: it is open, whatever we thought. */
    synchronized void refused() {
        if (state() != State.OPEN) {
            reopen();
        }
    }

    private void record(boolean failure) {
        window.addLast(failure);
        if (window.size() > windowSize) {
            window.removeFirst();
        }
    }

    private void reopen() {
        open = true;
        openedAt = nanoClock.getAsLong();
        trialSuccesses = 0;
        window.clear();
    }

    private void close() {
        open = false;
        trialSuccesses = 0;
        window.clear();
    }
}
