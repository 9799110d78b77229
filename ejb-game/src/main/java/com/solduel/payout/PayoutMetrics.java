package com.solduel.payout;

import com.solduel.solana.rpc.RpcMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Payouts on /metrics, registered at start: {@code sol_duel_payouts_pending} (owed, not yet
 * confirmed: PENDING, SIGNED, SENT), {@code sol_duel_payouts_failed} (waiting for an admin's retry)
 * — both read from PostgreSQL, so every node shows the cluster's figure — and
 * {@code sol_duel_payout_latency_seconds} (from the payout's decision to its confirmation, on the
 * node that confirmed it); confirmed and failed transfers also count in
 * {@code sol_duel_blockchain_transactions_total{type="payout"|"refund"}}.
 */
@ApplicationScoped
public class PayoutMetrics {

    private static final Logger LOG = Logger.getLogger(PayoutMetrics.class.getName());
    private static final Metadata LATENCY = Metadata.builder().withName("sol_duel_payout_latency")
            .withUnit(MetricUnits.SECONDS)
            .withDescription("Time from a payout's decision (game result, refund) to its transfer confirmed on-chain").build();
    private static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    @Inject
    MetricRegistry registry;

    @Inject
    RpcMetrics transactions;

    // Looked up at each read, not injected: this bean starts with the application's CDI context,
    // before Liberty binds the EJBs (an @EJB field stayed null and both gauges read 0).
    @Inject
    jakarta.enterprise.inject.Instance<PayoutBook> book;

    private volatile Map<String, Long> counts = Map.of();
    private volatile long countedAt;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event instantiates this bean; @PostConstruct registers the series.
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("sol_duel_payouts_pending")
                .withDescription("Payouts and refunds owed and not yet confirmed on-chain (PENDING, SIGNED, SENT)").build(),
                this, m -> m.count("PENDING") + m.count("SIGNED") + m.count("SENT"));
        registry.gauge(Metadata.builder().withName("sol_duel_payouts_failed")
                .withDescription("Payouts and refunds FAILED (refused or failed on-chain), waiting for an admin's retry").build(),
                this, m -> m.count("FAILED"));
        registry.timer(LATENCY);
    }

    void confirmed(Payout payout) {
        transactions.transaction(payout.type(), RpcMetrics.CONFIRMED);
        Instant end = payout.confirmedAt() == null ? Instant.now() : payout.confirmedAt();
        Duration latency = Duration.between(payout.createdAt(), end);
        registry.timer(LATENCY).update(latency.isNegative() ? Duration.ZERO : latency);
    }

    void failed(String type) {
        transactions.transaction(type, RpcMetrics.FAILED);
    }

    private long count(String status) {
        long now = System.nanoTime();
        if (now - countedAt > CACHE_NANOS) {
            try {
                counts = book.get().countByStatus();
                countedAt = now;
            } catch (RuntimeException e) {
                LOG.fine(() -> "payout gauges: cannot count payouts now (" + e.getMessage() + ")");
            }
        }
        return counts.getOrDefault(status, 0L);
    }
}
