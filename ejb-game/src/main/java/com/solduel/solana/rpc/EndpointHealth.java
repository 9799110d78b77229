package com.solduel.solana.rpc;

import java.time.Duration;
import java.time.Instant;

/**
 * The last health check of one endpoint: did {@code getSlot} answer, how fast, and if not, why.
 * Before the first check an endpoint counts as healthy (the seed's assumption), with no check time.
 */
public record EndpointHealth(boolean healthy, Duration latency, String lastError, Instant checkedAt, long slot) {

    static final EndpointHealth UNCHECKED = new EndpointHealth(true, null, null, null, -1);

    static EndpointHealth up(Duration latency, long slot, Instant at) {
        return new EndpointHealth(true, latency, null, at, slot);
    }

    static EndpointHealth down(Duration latency, String error, Instant at) {
        return new EndpointHealth(false, latency, error, at, -1);
    }
}
