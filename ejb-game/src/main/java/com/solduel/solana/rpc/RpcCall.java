package com.solduel.solana.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One call through the pool across its attempts: which endpoints it already tried and why they
 * failed. Fault Tolerance's {@code @Retry} invokes {@link RpcFailover#attempt} again with the same
 * object, which is how the next attempt knows to fail over instead of hitting the same endpoint.
 */
public final class RpcCall {

    private final RpcRouter router;
    private final JsonRpcRequest request;
    private final long turn;
    private final Set<Integer> tried = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> kinds = new TreeMap<>();
    private int attempts;

    RpcCall(RpcRouter router, JsonRpcRequest request, long turn) {
        this.router = router;
        this.request = request;
        this.turn = turn;
    }

    RpcRouter router() {
        return router;
    }

    JsonRpcRequest request() {
        return request;
    }

    long turn() {
        return turn;
    }

    int attempts() {
        return attempts;
    }

    boolean hasTried(int endpoint) {
        return tried.contains(endpoint);
    }

    void tried(int endpoint) {
        tried.add(endpoint);
        attempts++;
    }

    void startNewRound() {
        tried.clear();
    }

    RpcTransportException failed(RpcEndpoint endpoint, RpcTransportException failure, RpcObserver observer,
                                 Duration elapsed) {
        failures.add(endpoint.label() + ": " + failure.detail());
        kinds.merge(failure.kind().tag(), 1, Integer::sum);
        observer.failed(endpoint, failure.kind().tag(), elapsed);
        return failure;
    }

    /** For operators: "http://a: getBalance answered HTTP 500; http://b: ..." — why each attempt failed. */
    String failureDetails() {
        return String.join("; ", failures);
    }

    /** For callers, without endpoint names: "3 attempts (http_5xx x2, timeout x1)". */
    String failureSummary() {
        StringBuilder summary = new StringBuilder().append(attempts).append(attempts == 1 ? " attempt (" : " attempts (");
        kinds.forEach((kind, count) -> summary.append(summary.charAt(summary.length() - 1) == '(' ? "" : ", ")
                .append(kind).append(" x").append(count));
        return summary.append(')').toString();
    }
}
