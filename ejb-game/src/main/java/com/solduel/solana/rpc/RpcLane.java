package com.solduel.solana.rpc;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The Fault Tolerance guard of one endpoint: a timeout, a circuit breaker and a bulkhead around
 * every request the pool sends it. MicroProfile Fault Tolerance keeps breaker and bulkhead state
 * per bean class and method, so each endpoint gets a subclass of its own ({@link RpcLane1} ..
 * {@link RpcLane5}, see {@link RpcLanes}) and with it its own breaker and bulkhead.
 *
 * <p>Two Open Liberty details shape this class. The annotations sit on the class, not on
 * {@link #send}: Liberty names the config override of a <em>method</em> annotation after the
 * method's declaring class, which for an inherited method is {@code RpcLane} for every lane, but
 * the override of a <em>class</em> annotation after the bean class —
 * {@code com.solduel.solana.rpc.RpcLane2/Timeout/value} — which is what makes per-endpoint values
 * possible. And each lane re-declares {@code send} (calling this one) because Liberty tags the
 * Fault Tolerance metrics with the declaring class: {@code ft_circuitbreaker_opened_total{method=
 * "com.solduel.solana.rpc.RpcLane2.send"}} instead of one series shared by all lanes.
 *
 * <p>The values come from rpc-pool.json through {@link RpcLaneConfigSource}; the numbers written
 * here only apply if that source is missing. {@code send} must stay the only non-private method:
 * every one would be guarded.
 *
 * <p>A JSON-RPC error answer ({@link JsonRpcErrorException}) is the endpoint working, so the
 * breaker counts it as a success ({@code skipOn}).
 */
@Timeout(RpcLane.FALLBACK_TIMEOUT_MS)
@CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 10_000, successThreshold = 1,
        skipOn = JsonRpcErrorException.class)
@Bulkhead(10)
public abstract class RpcLane {

    /** Deliberately longer than any configured endpoint timeout: seeing it means the override is missing. */
    static final long FALLBACK_TIMEOUT_MS = 10_000;

    @Inject
    JsonRpcTransport transport;

    /** Sends one request to {@code endpoint}; {@code backstop} bounds the HTTP wait should the interrupt be missed. */
    public JsonObject send(URI endpoint, JsonRpcRequest request, Duration backstop) {
        return transport.post(endpoint, request, backstop);
    }
}
