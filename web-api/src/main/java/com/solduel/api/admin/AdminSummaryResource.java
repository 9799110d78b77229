package com.solduel.api.admin;

import com.solduel.admin.AdminDashboard;
import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.auth.PlayerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: the dashboard's figures in one answer. */
@ApplicationScoped
@Path("/admin/summary")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSummaryResource {

    @Inject
    AdminDashboard dashboard;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The admin dashboard: live games, nodes, connections, queues, RPC health, payouts, vault vs ledger (admin)",
            description = "Each figure from the source that owns it: games by status from PostgreSQL; node heartbeats and queue sizes "
                    + "from Redis (null while Redis cannot be read); open game sockets of the answering node (the "
                    + "`sol_duel_player_connections` gauge; sum the nodes' /metrics for the cluster); the RPC pool's endpoints as "
                    + "readiness sees them; payouts by state as the payout gauges count them; the vault on-chain against the ledger "
                    + "at the last reconciliation (GET /api/admin/reconciliation for its items).")
    @APIResponse(responseCode = "200", description = "The figures now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "AdminSummary"),
                    examples = @ExampleObject(name = "calm", value = "{\"at\": \"2026-12-01T03:30:00Z\", \"games\": {\"inProgress\": 3, "
                            + "\"awaitingDeposits\": 1, \"waitingForOpponent\": 2}, \"nodes\": [{\"node\": \"local-a\", \"alive\": true, "
                            + "\"ownedGames\": 3, \"capacity\": 500, \"beatAt\": \"2026-12-01T03:29:59Z\"}], \"connectionsOnThisNode\": 7, "
                            + "\"queues\": [{\"bucket\": \"RPS:0:rated\", \"waiting\": 1}], \"endpoints\": [{\"endpoint\": "
                            + "\"http://127.0.0.1:8899\", \"priority\": 0, \"usable\": true, \"healthy\": true, \"breaker\": \"CLOSED\", "
                            + "\"slot\": 48213, \"lastError\": null, \"checkedAt\": \"2026-12-01T03:29:58Z\"}], \"payouts\": {\"pending\": 0, "
                            + "\"failed\": 0, \"confirmed\": 310}, \"vault\": {\"lastRunId\": 17, \"status\": \"BALANCED\", "
                            + "\"finishedAt\": \"2026-12-01T03:29:00Z\", \"onChainLamports\": 10097487500, \"ledgerLamports\": 10097487500, "
                            + "\"inFlightLamports\": 0, \"driftLamports\": 0}}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "`forbidden`: the token is not an admin's (group admin), or its wallet is no "
            + "longer in solduel.auth.admin-wallets",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public AdminDashboard.Summary summary() {
        caller.wallet();
        return dashboard.summary();
    }
}
