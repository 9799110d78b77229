package com.solduel.admin;

import com.solduel.game.live.NodeRegistry;
import com.solduel.matchmaking.MatchQueue;
import com.solduel.payout.PayoutBook;
import com.solduel.reconciliation.ReconciliationBook;
import com.solduel.reconciliation.ReconciliationRun;
import com.solduel.solana.rpc.EndpointStatus;
import com.solduel.solana.rpc.RpcEndpointPool;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The admin dashboard's figures, each from the source that already owns it: games by status from
 * PostgreSQL, node heartbeats ({@link NodeRegistry}), this node's open game sockets (the
 * {@code sol_duel_player_connections} gauge), queue sizes from Redis ({@link MatchQueue#sizes}),
 * the RPC pool's endpoint status ({@link RpcEndpointPool#status}), payouts by status
 * ({@link PayoutBook#countByStatus}, as the payout gauges count them) and the last reconciliation
 * ({@link ReconciliationBook#lastRun}: the vault on-chain against the ledger). A part whose source
 * cannot be read now (Redis down) is null, and the rest is still answered.
 */
@ApplicationScoped
public class AdminDashboard {

    /** The gauge of open authenticated game sockets (websocket-war's PlayerConnections). */
    static final String CONNECTIONS_GAUGE = "sol_duel_player_connections";
    private static final Logger LOG = Logger.getLogger(AdminDashboard.class.getName());

    @PersistenceContext(unitName = "solduel")
    EntityManager em;

    @Inject
    NodeRegistry nodes;

    @Inject
    MatchQueue queue;

    @Inject
    RpcEndpointPool rpc;

    @EJB
    PayoutBook payouts;

    @EJB
    ReconciliationBook reconciliation;

    @Inject
    MetricRegistry metrics;

    @Schema(name = "AdminSummary", description = "The admin dashboard: games, nodes, connections, queues, RPC, payouts, vault",
            requiredProperties = {"at", "games", "endpoints", "payouts"})
    public record Summary(
            @Schema(description = "When these figures were read", format = "date-time") Instant at,
            @Schema(description = "Games by status that are not over") Games games,
            @Schema(description = "The server nodes' heartbeats (null when Redis cannot be read)", nullable = true) List<Node> nodes,
            @Schema(description = "Open authenticated game sockets on the node that answered (sol_duel_player_connections); "
                    + "null when not known", nullable = true, example = "12") Long connectionsOnThisNode,
            @Schema(description = "Players waiting per matchmaking bucket (null when Redis cannot be read)", nullable = true)
            List<Queue> queues,
            @Schema(description = "Every Solana RPC endpoint of the pool") List<Endpoint> endpoints,
            @Schema(description = "Payouts and refunds by state") Payouts payouts,
            @Schema(description = "The vault against the ledger at the last reconciliation; null before the first run",
                    nullable = true) Vault vault) {
    }

    @Schema(name = "AdminGameCounts", description = "Games that are not over, by status", requiredProperties = {"inProgress",
            "awaitingDeposits", "waitingForOpponent"})
    public record Games(
            @Schema(description = "IN_PROGRESS games (being played)", example = "3") long inProgress,
            @Schema(description = "AWAITING_DEPOSITS games", example = "1") long awaitingDeposits,
            @Schema(description = "CREATED games (a challenge nobody joined yet)", example = "2") long waitingForOpponent) {
    }

    @Schema(name = "AdminNode", description = "A server node's last heartbeat", requiredProperties = {"node", "alive", "ownedGames",
            "capacity"})
    public record Node(
            @Schema(description = "The node's id", example = "local-a") String node,
            @Schema(description = "Beat in the last 5 seconds", example = "true") boolean alive,
            @Schema(description = "Games it drives now", example = "3") long ownedGames,
            @Schema(description = "Games it may drive at once", example = "500") long capacity,
            @Schema(description = "Its last heartbeat", format = "date-time") Instant beatAt) {
    }

    @Schema(name = "AdminQueue", description = "A matchmaking bucket's waiting players", requiredProperties = {"bucket", "waiting"})
    public record Queue(
            @Schema(description = "The bucket's tag", example = "RPS:0:rated") String bucket,
            @Schema(description = "Players waiting", example = "4") long waiting) {
    }

    @Schema(name = "AdminRpcEndpoint", description = "A Solana RPC endpoint of the pool", requiredProperties = {"endpoint",
            "priority", "usable", "healthy", "breaker"})
    public record Endpoint(
            @Schema(description = "Its scheme, host and port", example = "http://127.0.0.1:8899") String endpoint,
            @Schema(description = "Its priority (lower first)", example = "0") int priority,
            @Schema(description = "Healthy at the last check and its breaker not open", example = "true") boolean usable,
            @Schema(description = "Healthy at the last check", example = "true") boolean healthy,
            @Schema(description = "Its circuit breaker: CLOSED, OPEN or HALF_OPEN", example = "CLOSED") String breaker,
            @Schema(description = "The slot it answered at the last check", example = "48213") long slot,
            @Schema(description = "Why the last check failed; null when it passed", nullable = true) String lastError,
            @Schema(description = "When it was last checked", format = "date-time", nullable = true) Instant checkedAt) {
    }

    @Schema(name = "AdminPayoutCounts", description = "Payouts and refunds by state (as sol_duel_payouts_pending/failed count them)",
            requiredProperties = {"pending", "failed", "confirmed"})
    public record Payouts(
            @Schema(description = "Owed and not yet confirmed (PENDING, SIGNED, SENT)", example = "2") long pending,
            @Schema(description = "FAILED, waiting for an admin's retry", example = "0") long failed,
            @Schema(description = "CONFIRMED on-chain", example = "310") long confirmed) {
    }

    @Schema(name = "AdminVault", description = "The vault on-chain against the ledger, at the last reconciliation",
            requiredProperties = {"lastRunId", "status", "onChainLamports", "ledgerLamports", "inFlightLamports", "driftLamports"})
    public record Vault(
            @Schema(description = "The run's id", example = "17") long lastRunId,
            @Schema(description = "The run's status (e.g. BALANCED, DRIFT)", example = "BALANCED") String status,
            @Schema(description = "When it finished", format = "date-time", nullable = true) Instant finishedAt,
            @Schema(description = "The vault's balance on-chain (confirmed)", example = "10097487500") long onChainLamports,
            @Schema(description = "What the ledger's vault account explains", example = "10097487500") long ledgerLamports,
            @Schema(description = "Transfers landed but not yet booked", example = "0") long inFlightLamports,
            @Schema(description = "On-chain minus ledger minus in flight: what nothing explains", example = "0") long driftLamports) {
    }

    /** The dashboard now. */
    public Summary summary() {
        Map<String, Long> counts = payouts.countByStatus();
        return new Summary(Instant.now(), games(), nodes(), connections(), queues(), endpoints(),
                new Payouts(counts.getOrDefault("PENDING", 0L) + counts.getOrDefault("SIGNED", 0L) + counts.getOrDefault("SENT", 0L),
                        counts.getOrDefault("FAILED", 0L), counts.getOrDefault("CONFIRMED", 0L)),
                reconciliation.lastRun().map(AdminDashboard::vault).orElse(null));
    }

    private Games games() {
        long inProgress = 0;
        long awaiting = 0;
        long created = 0;
        for (Object row : em.createNativeQuery("SELECT status::text, COUNT(*) FROM games WHERE status IN ('CREATED'::game_status_enum, "
                + "'AWAITING_DEPOSITS'::game_status_enum, 'IN_PROGRESS'::game_status_enum) GROUP BY status").getResultList()) {
            Object[] r = (Object[]) row;
            long n = ((Number) r[1]).longValue();
            switch ((String) r[0]) {
                case "IN_PROGRESS" -> inProgress = n;
                case "AWAITING_DEPOSITS" -> awaiting = n;
                default -> created = n;
            }
        }
        return new Games(inProgress, awaiting, created);
    }

    private List<Node> nodes() {
        try {
            return nodes.heartbeats().stream().map(b -> new Node(b.node(), b.alive(), b.ownedGames(), b.capacity(),
                    Instant.ofEpochMilli(b.beatAtMillis()))).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "dashboard: node heartbeats unreadable: " + e.getMessage());
            return null;
        }
    }

    private Long connections() {
        Map<?, Gauge> gauges = metrics.getGauges((id, metric) -> id.getName().equals(CONNECTIONS_GAUGE));
        if (gauges.isEmpty()) {
            return null;
        }
        return gauges.values().stream().mapToLong(g -> ((Number) g.getValue()).longValue()).sum();
    }

    private List<Queue> queues() {
        try {
            return queue.sizes().entrySet().stream().map(e -> new Queue(e.getKey(), e.getValue())).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "dashboard: queue sizes unreadable: " + e.getMessage());
            return null;
        }
    }

    private List<Endpoint> endpoints() {
        return rpc.status().stream().map(AdminDashboard::endpoint).toList();
    }

    private static Endpoint endpoint(EndpointStatus s) {
        return new Endpoint(s.endpoint(), s.priority(), s.usable(), s.health().healthy(), s.breaker(), s.health().slot(),
                s.health().lastError(), s.health().checkedAt());
    }

    private static Vault vault(ReconciliationRun run) {
        return new Vault(run.id(), run.status(), run.finishedAt(), run.figures().onChain(), run.figures().ledger(),
                run.figures().inFlight(), run.figures().drift());
    }
}
