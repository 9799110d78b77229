package com.solduel.solana.rpc;

/**
 * One endpoint as readiness and operators see it: {@code endpoint} is its scheme, host and port
 * ({@link EndpointLabel}); {@code usable} means healthy at the last check and its breaker not open.
 */
public record EndpointStatus(String endpoint, int priority, boolean usable, EndpointHealth health, String breaker,
                             int activeRequests) {
}
