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
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Payouts on /metrics, registered at start: {@code sol_duel_payouts_pending} (owed, not yet
 * confirmed: PENDING, SIGNED, SENT), {@code sol_duel_payouts_failed} (waiting for an admin's retry)
 * — both counted in PostgreSQL at every payouts sweep of this node, so every such node shows the
 * cluster's figure — and
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

    @Inject
    MetricRegistry registry;

    @Inject
    RpcMetrics transactions;

    // Looked up when counting, not injected: this bean is created when the first module starts,
    // before the EJB module's beans can be reached (neither an @EJB reference nor an EJB proxy resolves then).
    @Inject
    jakarta.enterprise.inject.Instance<PayoutBook> book;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event instantiates this bean; @PostConstruct registers the series.
    }

    @PostConstruct
    void register() {
        registry.gauge(Metadata.builder().withName("sol_duel_payouts_pending")
                .withDescription("Payouts and refunds owed and not yet confirmed on-chain (PENDING, SIGNED, SENT)").build(),
                pending, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("sol_duel_payouts_failed")
                .withDescription("Payouts and refunds FAILED (refused or failed on-chain), waiting for an admin's retry").build(),
                failed, AtomicLong::get);
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

    /**
     * Reads the counts from PostgreSQL (called by the payouts job's sweep on this node and after
     * each chunk): the gauges answer from this copy, since a scrape runs outside the application.
     */
    public void refresh() {
        try {
            Map<String, Long> counts = book.get().countByStatus();
            pending.set(counts.getOrDefault("PENDING", 0L) + counts.getOrDefault("SIGNED", 0L) + counts.getOrDefault("SENT", 0L));
            failed.set(counts.getOrDefault("FAILED", 0L));
        } catch (RuntimeException e) {
            LOG.fine(() -> "payout gauges: cannot count payouts now (" + e + ")");
        }
    }
}
