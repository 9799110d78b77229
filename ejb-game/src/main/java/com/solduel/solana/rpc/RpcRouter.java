package com.solduel.solana.rpc;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Routes one attempt of a call to the best usable endpoint not yet tried by that call, through the
 * endpoint's Fault Tolerance lane, and keeps what the pool knows about each endpoint up to date:
 * requests in flight, the observed breaker state, and the health-check results. Plain Java: the
 * CDI side ({@link RpcEndpointPool}) wires it, retries come from {@link RpcFailover}.
 */
final class RpcRouter {

    private static final JsonProvider JSON = JsonProvider.provider();

    private static final Logger LOG = Logger.getLogger(RpcRouter.class.getName());

    private final List<RpcEndpoint> endpoints;
    private final RpcPoolConfig.FallbackStrategy strategy;
    private final RpcObserver observer;
    private final AtomicLong turns = new AtomicLong();
    private final OutageLog outages = new OutageLog(LOG, Duration.ofSeconds(10));

    RpcRouter(List<RpcEndpoint> endpoints, RpcPoolConfig.FallbackStrategy strategy, RpcObserver observer) {
        this.endpoints = List.copyOf(endpoints);
        this.strategy = strategy;
        this.observer = observer;
    }

    List<RpcEndpoint> endpoints() {
        return endpoints;
    }

    RpcCall newCall(JsonRpcRequest request) {
        return new RpcCall(this, request, turns.getAndIncrement());
    }

    /**
     * One attempt: a JSON-RPC answer, or a {@link JsonRpcErrorException} (the request was refused;
     * not retried), an {@link RpcTransportException} (this endpoint failed; retry elsewhere), or a
     * {@link SolanaUnavailableException} when no endpoint is usable at all.
     */
    JsonObject attempt(RpcCall call) {
        RpcEndpoint endpoint = choose(call);
        call.tried(endpoint.index());
        observer.requested(endpoint);
        endpoint.active().incrementAndGet();
        long start = System.nanoTime();
        try {
            JsonObject answer = endpoint.lane().send(endpoint.url(), call.request(), endpoint.backstop());
            endpoint.breaker().succeeded();
            observer.answered(endpoint, since(start));
            return answer;
        } catch (JsonRpcErrorException refused) {
            endpoint.breaker().succeeded(); // the node works; the request was wrong
            observer.failed(endpoint, RpcMetrics.RPC_ERROR, since(start));
            throw refused;
        } catch (RpcTransportException e) {
            endpoint.breaker().failed();
            throw call.failed(endpoint, e, observer, since(start));
        } catch (CircuitBreakerOpenException e) {
            endpoint.breaker().refused();
            throw call.failed(endpoint, new RpcTransportException(RpcTransportException.Kind.BREAKER_OPEN,
                    endpoint.url(), "circuit breaker is open", e), observer, since(start));
        } catch (BulkheadException e) {
            endpoint.breaker().failed();
            throw call.failed(endpoint, new RpcTransportException(RpcTransportException.Kind.BULKHEAD_FULL,
                    endpoint.url(), endpoint.config().maxConcurrentRequests() + " requests already in flight", e),
                    observer, since(start));
        } catch (TimeoutException e) {
            // Fault Tolerance interrupted the waiting thread to end the request; that interrupt was
            // meant for the request, not for this call, whose failover request must not inherit it.
            Thread.interrupted();
            endpoint.breaker().failed();
            throw call.failed(endpoint, new RpcTransportException(RpcTransportException.Kind.TIMEOUT, endpoint.url(),
                    call.request().method() + " got no answer within " + since(start).toMillis() + " ms", e),
                    observer, since(start));
        } catch (FaultToleranceException e) {
            endpoint.breaker().failed();
            throw call.failed(endpoint, new RpcTransportException(RpcTransportException.Kind.IO, endpoint.url(),
                    String.valueOf(e), e), observer, since(start));
        } finally {
            endpoint.active().decrementAndGet();
        }
    }

    private RpcEndpoint choose(RpcCall call) {
        List<EndpointSelection.Candidate> usable = new ArrayList<>();
        for (RpcEndpoint endpoint : endpoints) {
            if (endpoint.usable()) {
                usable.add(new EndpointSelection.Candidate(endpoint.index(), endpoint.config().priority(),
                        endpoint.active().get()));
            }
        }
        if (usable.isEmpty()) {
            throw new SolanaUnavailableException(noUsableEndpoint(call));
        }
        List<EndpointSelection.Candidate> ordered = EndpointSelection.order(usable, strategy, call.turn());
        for (EndpointSelection.Candidate candidate : ordered) {
            if (!call.hasTried(candidate.index())) {
                return endpoints.get(candidate.index());
            }
        }
        // Every usable endpoint already failed this call once: a retry goes round again.
        call.startNewRound();
        return endpoints.get(ordered.get(0).index());
    }

    private String noUsableEndpoint(RpcCall call) {
        long unhealthy = endpoints.stream().filter(endpoint -> !endpoint.health().healthy()).count();
        long open = endpoints.size() - unhealthy;
        StringBuilder why = new StringBuilder("Solana RPC is unavailable: none of the ").append(endpoints.size())
                .append(endpoints.size() == 1 ? " endpoint is usable (" : " endpoints is usable (")
                .append(unhealthy).append(" failed their last health check, ")
                .append(open).append(" circuit breaker").append(open == 1 ? "" : "s").append(" open)");
        if (call.attempts() > 0) {
            why.append("; ").append(call.request().method()).append(" already failed on ").append(call.failureSummary());
        }
        outages.report(() -> why + ". Endpoints: " + endpoints.stream()
                .map(endpoint -> endpoint.label() + " " + (endpoint.health().healthy()
                        ? "breaker " + endpoint.breaker().state().label()
                        : "unhealthy: " + endpoint.health().lastError()))
                .toList() + (call.attempts() > 0 ? "; attempts: " + call.failureDetails() : ""));
        return why.append("; try again shortly").toString();
    }

    /** Reports a call that failed on every attempt; the caller gets a message without endpoint names. */
    void reportExhausted(RpcCall call) {
        outages.report(() -> "Solana RPC call " + call.request().method() + " failed on every attempt: "
                + call.failureDetails());
    }

    /** Checks every endpoint at once with a direct getSlot (no lane, no breaker) and records the results. */
    void checkHealth(JsonRpcTransport transport) {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (RpcEndpoint endpoint : endpoints) {
            Duration timeout = endpoint.config().timeout();
            longest = timeout.compareTo(longest) > 0 ? timeout : longest;
            JsonRpcRequest getSlot = JsonRpcRequest.of("getSlot",
                    JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("commitment", "processed")).build());
            long start = System.nanoTime();
            checks.add(transport.postAsync(endpoint.url(), getSlot, timeout)
                    .handle((answer, failure) -> {
                        record(endpoint, healthOf(answer, failure, since(start)));
                        return null;
                    }));
        }
        try {
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                    .get(longest.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // each check records its own outcome; a straggler is recorded when it ends
        }
    }

    private static void record(RpcEndpoint endpoint, EndpointHealth latest) {
        EndpointHealth before = endpoint.health();
        endpoint.health(latest);
        if (before.healthy() && !latest.healthy()) {
            LOG.warning(() -> "Solana RPC endpoint " + endpoint.label() + " is unhealthy: " + latest.lastError());
        } else if (!before.healthy() && latest.healthy()) {
            LOG.info(() -> "Solana RPC endpoint " + endpoint.label() + " is healthy again (slot " + latest.slot() + ")");
        }
    }

    private static EndpointHealth healthOf(JsonObject answer, Throwable failure, Duration latency) {
        Instant now = Instant.now();
        if (failure == null) {
            JsonValue slot = answer.get("result");
            if (slot instanceof JsonNumber number) {
                return EndpointHealth.up(latency, number.longValue(), now);
            }
            return EndpointHealth.down(latency, "getSlot answered " + slot + ", not a slot number", now);
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof JsonRpcErrorException refused) {
            // e.g. -32005 "Node is behind": it answers, but must not serve reads
            return EndpointHealth.down(latency, "getSlot refused: " + refused.rpcMessage(), now);
        }
        String message = cause instanceof RpcTransportException transport
                ? transport.detail()
                : String.valueOf(cause);
        return EndpointHealth.down(latency, message, now);
    }

    List<EndpointStatus> status() {
        return endpoints.stream().map(RpcEndpoint::status).toList();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
