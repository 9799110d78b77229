package com.solduel.solana.rpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The pool's Prometheus metrics, per endpoint (tag {@code endpoint} = its scheme, host and port,
 * see {@link EndpointLabel}): requests, errors by
 * kind, request latency, health and breaker gauges; and the seed's
 * {@code sol_duel_blockchain_transactions_total{type,status}} for sent transactions. Counter
 * names get their {@code _total} suffix from the Prometheus exporter.
 */
@ApplicationScoped
public class RpcMetrics implements RpcObserver {

    /** sendTransaction outcomes, the {@code status} tag of the transactions counter. */
    public static final String SUBMITTED = "submitted";
    public static final String REJECTED = "rejected";
    public static final String UNAVAILABLE = "unavailable";
    /** A sent transaction that landed and succeeded (payouts, refunds). */
    public static final String CONFIRMED = "confirmed";
    /** A sent transaction refused at preflight or landed with an error (payouts, refunds). */
    public static final String FAILED = "failed";

    private static final Set<String> NOT_SENT = Set.of(RpcTransportException.Kind.BREAKER_OPEN.tag(),
            RpcTransportException.Kind.BULKHEAD_FULL.tag());
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private static final Metadata REQUESTS = Metadata.builder().withName("solana_rpc_requests")
            .withDescription("Requests the pool routed to a Solana RPC endpoint").build();
    private static final Metadata ERRORS = Metadata.builder().withName("solana_rpc_errors")
            .withDescription("Failed requests per endpoint by kind: io, timeout, http_5xx, http_429, http_status, "
                    + "bad_response, breaker_open, bulkhead_full, interrupted, or rpc_error (a JSON-RPC error answer)")
            .build();
    private static final Metadata LATENCY = Metadata.builder().withName("solana_rpc_request_duration")
            .withDescription("Time from sending a request to its answer or failure, per endpoint")
            .withUnit(MetricUnits.SECONDS).build();
    private static final Metadata HEALTHY = Metadata.builder().withName("solana_rpc_endpoint_healthy")
            .withDescription("1 when the endpoint's last health check (getSlot) succeeded, else 0").build();
    private static final Metadata BREAKER_OPEN = Metadata.builder().withName("solana_rpc_breaker_open")
            .withDescription("1 while the endpoint's circuit breaker is observed open, else 0 (closed or half-open)")
            .build();
    private static final Metadata TRANSACTIONS = Metadata.builder().withName("sol_duel_blockchain_transactions")
            .withDescription("Total blockchain transactions").build();

    @Inject
    MetricRegistry registry;

    /** The {@code kind} of an answer that is a JSON-RPC error object (the endpoint works; the request was refused). */
    public static final String RPC_ERROR = "rpc_error";

    /** The transactions the server sends, each counted by outcome from the start (at 0). */
    static final List<String> SENT_TYPES = List.of("payout", "refund");

    /** Registers the gauges of the pool's endpoints, and the transaction counters. */
    void register(List<RpcEndpoint> endpoints) {
        for (String type : SENT_TYPES) {
            for (String status : List.of(SUBMITTED, REJECTED, UNAVAILABLE, CONFIRMED, FAILED)) {
                registry.counter(TRANSACTIONS, new Tag("type", type), new Tag("status", status));
            }
        }
        for (RpcEndpoint endpoint : endpoints) {
            Tag tag = tag(endpoint);
            registry.gauge(HEALTHY, () -> endpoint.health().healthy() ? 1 : 0, tag);
            registry.gauge(BREAKER_OPEN, () -> endpoint.breaker().state() == ObservedBreaker.State.OPEN ? 1 : 0, tag);
            registry.counter(REQUESTS, tag);
            registry.timer(LATENCY, tag);
            for (RpcTransportException.Kind kind : RpcTransportException.Kind.values()) {
                registry.counter(ERRORS, tag, new Tag("kind", kind.tag()));
            }
            registry.counter(ERRORS, tag, new Tag("kind", RPC_ERROR));
        }
    }

    @Override
    public void requested(RpcEndpoint endpoint) {
        registry.counter(REQUESTS, tag(endpoint)).inc();
    }

    @Override
    public void answered(RpcEndpoint endpoint, Duration latency) {
        registry.timer(LATENCY, tag(endpoint)).update(latency);
    }

    @Override
    public void failed(RpcEndpoint endpoint, String kind, Duration latency) {
        registry.counter(ERRORS, tag(endpoint), new Tag("kind", kind)).inc();
        if (!NOT_SENT.contains(kind)) {
            registry.timer(LATENCY, tag(endpoint)).update(latency);
        }
    }

    /** Counts one sendTransaction of {@code type} (e.g. {@code transfer}, {@code payout}) with its outcome. */
    public void transaction(String type, String status) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("transaction type must be a short snake_case word, got '" + type + "'");
        }
        registry.counter(TRANSACTIONS, new Tag("type", type), new Tag("status", status)).inc();
    }

    private static Tag tag(RpcEndpoint endpoint) {
        return new Tag("endpoint", endpoint.label());
    }
}
