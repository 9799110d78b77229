package com.solduel.api.health;

import com.solduel.solana.rpc.EndpointHealth;
import com.solduel.solana.rpc.EndpointStatus;
import com.solduel.solana.rpc.RpcEndpointPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while at least one Solana RPC endpoint is usable (healthy at its last check, breaker not
 * open): one endpoint down is the pool's business, not a reason to take the pod out of service.
 * The data lists every endpoint: {@code healthy=… breaker=closed|open|half-open active=… …}.
 */
@Readiness
@ApplicationScoped
public class SolanaReadiness implements HealthCheck {

    @Inject
    RpcEndpointPool pool;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("solana-rpc");
        try {
            List<EndpointStatus> endpoints = pool.status();
            long usable = endpoints.stream().filter(EndpointStatus::usable).count();
            response.withData("usableEndpoints", usable);
            for (EndpointStatus endpoint : endpoints) {
                response.withData(endpoint.endpoint(), describe(endpoint));
            }
            return response.status(usable > 0).build();
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private static String describe(EndpointStatus endpoint) {
        EndpointHealth health = endpoint.health();
        StringBuilder text = new StringBuilder()
                .append("healthy=").append(health.healthy())
                .append(" breaker=").append(endpoint.breaker())
                .append(" active=").append(endpoint.activeRequests())
                .append(" priority=").append(endpoint.priority());
        if (health.latency() != null) {
            text.append(" latencyMs=").append(health.latency().toMillis());
        }
        if (health.checkedAt() != null) {
            text.append(" checkedAt=").append(health.checkedAt());
        }
        if (health.lastError() != null) {
            text.append(" lastError=").append(health.lastError());
        }
        return text.toString();
    }
}
