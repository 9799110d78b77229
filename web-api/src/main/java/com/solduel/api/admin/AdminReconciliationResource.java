package com.solduel.api.admin;

import com.solduel.api.ApiSchemas;
import com.solduel.api.problem.Problem;
import com.solduel.audit.AdminAct;
import com.solduel.audit.AdminAudit;
import com.solduel.audit.AuditAction;
import com.solduel.auth.PlayerTokens;
import com.solduel.player.WalletAddress;
import com.solduel.reconciliation.ReconciliationBook;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Admin: the escrow vault reconciled against the ledger (docs/money.md, "Reconciliation"), and a run on demand. */
@ApplicationScoped
@Path("/admin/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
public class AdminReconciliationResource {

    private static final Logger LOG = Logger.getLogger(AdminReconciliationResource.class.getName());
    private static final int ITEMS = 200;
    private static final String FORBIDDEN = "`forbidden`: the token is not an admin's (group admin)";
    private static final String EXAMPLE = "{\"lastRun\": {\"id\": 17, \"status\": \"DRIFT\", \"startedAt\": \"2026-11-30T19:00:00Z\", "
            + "\"finishedAt\": \"2026-11-30T19:00:01Z\", \"node\": \"node-a\", \"vault\": \"7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", "
            + "\"slot\": 48213, \"onChainLamports\": 10097482500, \"ledgerLamports\": 10097487500, \"inFlightLamports\": 0, "
            + "\"driftLamports\": -5000, \"scanned\": 3}, \"items\": [{\"id\": 4, \"kind\": \"DRIFT\", \"critical\": true, "
            + "\"signature\": null, \"subject\": \"vault:7DqENGiswoZZ676APE6WQ6bogCjxMtF4mGHChtb8eTYt\", \"lamports\": -5000, "
            + "\"detail\": \"the vault holds 10097482500 lamports at slot 48213; the ledger explains 10097487500 and transfers in flight 0: "
            + "drift -5000 lamports\", \"firstSeenAt\": \"2026-11-30T19:00:01Z\", \"lastSeenAt\": \"2026-11-30T19:00:01Z\"}, "
            + "{\"id\": 1, \"kind\": \"UNATTRIBUTED_INFLOW\", \"critical\": false, \"signature\": \"5h6xBEauJ3PK6SWCZ1PGjBvj8vDdWG3KpwATGy1ARAXFSDwt8GFXM7W5Ncn16wmqokgpiKRLuS83KUxyZyv2sUYv\", "
            + "\"subject\": \"5h6xBEauJ3PK6SWCZ1PGjBvj8vDdWG3KpwATGy1ARAXFSDwt8GFXM7W5Ncn16wmqokgpiKRLuS83KUxyZyv2sUYv\", "
            + "\"lamports\": 10000000000, \"detail\": \"10000000000 lamports reached the vault in slot 3 (no deposit memo; memo: none); "
            + "booked to vault:unattributed\", \"firstSeenAt\": \"2026-11-30T18:00:05Z\", \"lastSeenAt\": \"2026-11-30T18:00:05Z\"}]}";

    @EJB
    ReconciliationBook book;

    @EJB
    AdminAudit audit;

    @Inject
    AdminCaller caller;

    @GET
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "The vault reconciled against the ledger: the last run and the open items (admin)",
            description = "A run (every `solduel.reconciliation.interval-seconds`, one node at a time) reads the vault's balance at "
                    + "`confirmed`, classifies every new vault signature (a credited deposit, a payout attempt, or neither) and "
                    + "compares the balance with the ledger's `vault` account plus the transfers landed but not yet booked. "
                    + "`driftLamports` is what nothing explains. Items stay listed until a later run no longer finds them "
                    + "(DRIFT, LEDGER_INVARIANT, an UNEXPLAINED_OUTFLOW whose lamports came back); UNATTRIBUTED_INFLOW items "
                    + "stay: an operator decides what they are (docs/money.md, runbook).")
    @APIResponse(responseCode = "200", description = "The newest run (null before the first) and the open items, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconciliationView.class),
                    examples = @ExampleObject(name = "drift", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ReconciliationView get() {
        return new ReconciliationView(book.lastRun().map(ReconciliationView.Run::of).orElse(null),
                book.openItems(ITEMS).stream().map(ReconciliationView.Item::of).toList());
    }

    @POST
    @Path("/run")
    @RolesAllowed(PlayerTokens.ADMIN)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Start a reconciliation now (admin)",
            description = "Starts the `reconciliation` job on this node at once (a Jakarta Batch job, like the scheduled runs). "
                    + "When another node is reconciling right now this node's run ends at once and that node's run is the "
                    + "answer. Poll `GET /api/admin/reconciliation` until `lastRun.id` is above `lastRunId`. No request body. Each "
                    + "request is a row of the audit log (action `RECONCILIATION_RUN`).")
    @APIResponse(responseCode = "202", description = "Requested; `lastRunId` is the newest run before it (null when none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RunRequested.class),
                    examples = @ExampleObject(name = "requested", value = "{\"requested\": true, \"lastRunId\": 17}")))
    @APIResponse(responseCode = "400", description = "A malformed Accept header (`malformed-header`)",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ApiSchemas.UNAUTHORIZED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = FORBIDDEN + "; nothing is started",
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = ApiSchemas.NOT_ACCEPTABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiSchemas.RATE_LIMITED,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = ApiSchemas.DATABASE_UNAVAILABLE,
            content = @Content(mediaType = ApiSchemas.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response run() {
        WalletAddress admin = caller.wallet();
        RunRequested requested = audit.perform(new AdminAct(admin, AuditAction.RECONCILIATION_RUN, "reconciliation", null),
                () -> null, () -> {
                    Long last = book.lastRun().map(r -> r.id()).orElse(null);
                    book.request(admin.value());
                    return new RunRequested(true, last);
                }, after -> after);
        LOG.info(() -> "admin " + admin.value() + " asked for a reconciliation now");
        return Response.accepted(requested).build();
    }

    /** The answer to a run request. */
    @Schema(name = "ReconciliationRunRequested", description = "A reconciliation was requested")
    public record RunRequested(
            @Schema(description = "Always true", example = "true") boolean requested,
            @Schema(description = "The newest run before this request; null when none ran yet", nullable = true, example = "17")
            Long lastRunId) {
    }
}
