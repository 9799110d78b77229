package com.solduel.solana.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** One configured endpoint at run time: its lane, its observed breaker, its load and its health. */
final class RpcEndpoint {

    /** Extra wait on top of the endpoint timeout before the HTTP client gives up by itself. */
    private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(1);

    private final int index;
    private final RpcPoolConfig.Endpoint config;
    private final RpcLane lane;
    private final ObservedBreaker breaker;
    private final AtomicInteger active = new AtomicInteger();
    private final String label;
    private volatile EndpointHealth health = EndpointHealth.UNCHECKED;

    RpcEndpoint(int index, RpcPoolConfig.Endpoint config, RpcLane lane, ObservedBreaker breaker) {
        this.index = index;
        this.config = config;
        this.lane = lane;
        this.breaker = breaker;
        this.label = EndpointLabel.of(config.url(), index);
    }

    int index() {
        return index;
    }

    URI url() {
        return config.url();
    }

    /** The URL as shown in logs, metrics and readiness (see {@link EndpointLabel}). */
    String label() {
        return label;
    }

    RpcPoolConfig.Endpoint config() {
        return config;
    }

    RpcLane lane() {
        return lane;
    }

    ObservedBreaker breaker() {
        return breaker;
    }

    AtomicInteger active() {
        return active;
    }

    EndpointHealth health() {
        return health;
    }

    void health(EndpointHealth latest) {
        health = latest;
    }

    /** Healthy at the last check and its breaker not open: worth sending a request to. */
    boolean usable() {
        return health.healthy() && breaker.state() != ObservedBreaker.State.OPEN;
    }

    /**
     * How long the HTTP client itself waits: longer than the lane's {@code @Timeout}, so that the
     * Fault Tolerance timeout is the one that fires; this only ends a wait the interrupt missed.
     */
    Duration backstop() {
        return config.timeout().plus(BACKSTOP_GRACE);
    }

    EndpointStatus status() {
        return new EndpointStatus(label, config.priority(), usable(), health, breaker.state().label(), active.get());
    }

    @Override
    public String toString() {
        return label;
    }
}
