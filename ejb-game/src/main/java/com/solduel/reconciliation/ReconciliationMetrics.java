package com.solduel.reconciliation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The vault against the ledger on /metrics, registered at start and read from the newest run in
 * PostgreSQL (so every node shows the cluster's figures): {@code sol_duel_vault_balance_lamports},
 * {@code sol_duel_vault_ledger_lamports} (ledger + in flight), {@code sol_duel_ledger_drift_lamports},
 * {@code sol_duel_reconciliation_last_run_timestamp_seconds} (0 before the first run) and
 * {@code sol_duel_reconciliation_items{kind}} (open items).
 */
@ApplicationScoped
public class ReconciliationMetrics {

    private static final Logger LOG = Logger.getLogger(ReconciliationMetrics.class.getName());
    private static final long CACHE_NANOS = Duration.ofSeconds(2).toNanos();

    @Inject
    MetricRegistry registry;

    // Looked up at each read, not injected: this bean starts with the application's CDI context,
    // before Liberty binds the EJBs (an @EJB field would stay null, every gauge 0).
    @Inject
    Instance<ReconciliationBook> book;

    private volatile Optional<ReconciliationRun> last = Optional.empty();
    private volatile Map<ItemKind, Long> items = Map.of();
    private volatile long readAt;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Observing the event instantiates this bean; @PostConstruct registers the series.
    }

    @PostConstruct
    void register() {
        gauge("sol_duel_vault_balance_lamports", "The escrow vault's on-chain balance at the last reconciliation (confirmed)",
                run -> run.figures().onChain());
        gauge("sol_duel_vault_ledger_lamports", "What the ledger explains of the vault at the last reconciliation: "
                + "the vault account's postings plus transfers landed and not yet booked", run -> run.figures().explained());
        gauge("sol_duel_ledger_drift_lamports", "Vault on-chain balance minus what the ledger explains, at the last reconciliation "
                + "(0 when every lamport is explained)", run -> run.figures().drift());
        gauge("sol_duel_reconciliation_last_run_timestamp_seconds", "When the last reconciliation finished (Unix seconds; 0: never)",
                run -> run.finishedAt().getEpochSecond());
        for (ItemKind kind : ItemKind.values()) {
            registry.gauge(Metadata.builder().withName("sol_duel_reconciliation_items")
                            .withDescription("Open reconciliation items by kind (GET /api/admin/reconciliation)").build(),
                    this, m -> m.items(kind), new Tag("kind", kind.name()));
        }
    }

    private void gauge(String name, String description, ToLongFunction<ReconciliationRun> figure) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), this,
                m -> m.lastRun().map(figure::applyAsLong).orElse(0L));
    }

    private long items(ItemKind kind) {
        refresh();
        return items.getOrDefault(kind, 0L);
    }

    private Optional<ReconciliationRun> lastRun() {
        refresh();
        return last;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (now - readAt > CACHE_NANOS) {
            try {
                ReconciliationBook runs = book.get();
                last = runs.lastRun();
                items = runs.openCounts();
                readAt = now;
            } catch (RuntimeException e) {
                LOG.fine(() -> "reconciliation gauges: cannot read the last run now (" + e.getMessage() + ")");
            }
        }
    }
}
