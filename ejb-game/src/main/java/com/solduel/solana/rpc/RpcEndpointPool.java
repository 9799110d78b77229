package com.solduel.solana.rpc;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The one way to the Solana JSON-RPC API: every call goes to a healthy endpoint whose breaker is
 * not open, chosen by rpc-pool.json's fallback strategy, through that endpoint's Fault Tolerance
 * lane, and fails over to the next endpoint on a transport failure, an open breaker or a full
 * bulkhead, up to {@code retryAttempts} times. Typed Solana calls are in {@link SolanaRpc}.
 */
@ApplicationScoped
public class RpcEndpointPool {

    private static final Logger LOG = Logger.getLogger(RpcEndpointPool.class.getName());

    @Inject
    Config config;

    @Inject
    @Any
    Instance<RpcLane> lanes;

    @Inject
    RpcFailover failover;

    @Inject
    RpcMetrics metrics;

    @Inject
    JsonRpcTransport transport;

    private RpcPoolSettings settings;
    private RpcRouter router;

    /** For CDI. */
    protected RpcEndpointPool() {
    }

    /** Without a container (tests): the given lanes in endpoint order, one attempt per call. */
    RpcEndpointPool(RpcPoolSettings settings, List<? extends RpcLane> laneInstances, JsonRpcTransport transport,
                    RpcObserver observer) {
        this.settings = settings;
        this.transport = transport;
        this.failover = new RpcFailover();
        this.router = new RpcRouter(endpoints(settings, laneInstances), settings.pool().fallbackStrategy(), observer);
    }

    @PostConstruct
    void start() {
        settings = RpcPoolSettings.load(name -> config.getOptionalValue(name, String.class));
        List<RpcLane> laneInstances = new ArrayList<>();
        for (int i = 0; i < settings.pool().endpoints().size(); i++) {
            laneInstances.add(lanes.select(RpcLanes.forEndpoint(i)).get());
        }
        router = new RpcRouter(endpoints(settings, laneInstances), settings.pool().fallbackStrategy(), metrics);
        metrics.register(router.endpoints());
        LOG.info(() -> "Solana RPC pool: " + router.endpoints() + ", " + settings.pool().fallbackStrategy().json()
                + ", health check every " + settings.pool().healthCheckInterval().toMillis() + " ms, "
                + settings.pool().retryAttempts() + " retries, breaker opens after "
                + settings.pool().circuitBreakerThreshold() + " failures for " + settings.breakerDelay().toMillis() + " ms");
    }

    private static List<RpcEndpoint> endpoints(RpcPoolSettings settings, List<? extends RpcLane> laneInstances) {
        RpcPoolConfig pool = settings.pool();
        List<RpcEndpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < pool.endpoints().size(); i++) {
            endpoints.add(new RpcEndpoint(i, pool.endpoints().get(i), laneInstances.get(i),
                    new ObservedBreaker(pool.circuitBreakerThreshold(), settings.breakerDelay(),
                            settings.breakerSuccessThreshold(), System::nanoTime)));
        }
        return endpoints;
    }

    /**
     * Calls {@code method} with {@code params} and returns the JSON-RPC response, whose
     * {@code result} is present. Throws {@link JsonRpcErrorException} when the node refuses the
     * request and {@link SolanaUnavailableException} when no endpoint could answer.
     */
    public JsonObject call(String method, JsonArray params) {
        RpcCall call = router.newCall(JsonRpcRequest.of(method, params));
        try {
            return failover.attempt(call);
        } catch (RpcTransportException lastFailure) {
            router.reportExhausted(call);
            throw new SolanaUnavailableException("Solana RPC is unavailable: " + method + " failed on "
                    + call.failureSummary() + "; try again shortly", lastFailure);
        }
    }

    /** Every endpoint's health, breaker and load, in rpc-pool.json order. */
    public List<EndpointStatus> status() {
        return router.status();
    }

    /** The settings the pool runs with. */
    public RpcPoolSettings settings() {
        return settings;
    }

    /** Health-checks every endpoint once, directly (bypassing the breakers); see {@link RpcHealthMonitor}. */
    public void checkHealth() {
        router.checkHealth(transport);
    }
}
